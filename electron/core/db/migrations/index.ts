import type { Migration } from './types';
import { m001Ledger } from './001_ledger';

/**
 * The schema's history, oldest first. Append only: a released migration is never edited.
 * Versions must grow by one (checked at start-up and by tests).
 */
export const migrations: readonly Migration[] = [m001Ledger];

export type { Migration };
