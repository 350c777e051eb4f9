import type { Migration } from './types';
import { m001Ledger } from './001_ledger';
import { m002Forget } from './002_forget';
import { m003Insights } from './003_insights';
import { m004Imports } from './004_imports';
import { m005InvoiceEvents } from './005_invoice_events';
import { m006StepFacts } from './006_step_facts';

/**
 * The schema's history, oldest first. Append only: a released migration is never edited.
 * Versions must grow by one (checked at start-up and by tests).
 */
export const migrations: readonly Migration[] = [m001Ledger, m002Forget, m003Insights, m004Imports, m005InvoiceEvents, m006StepFacts];

export type { Migration };
