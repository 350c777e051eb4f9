// Small helpers shared by the workflow services.
import type { Selectable } from 'kysely';
import { formatDate } from '../../../shared/domain/dates';
import { formatCents } from '../../../shared/domain/money';
import type { MailStep, WorkflowStep } from '../../../shared/domain/workflow';
import type { Context } from '../context';
import type { BusinessTable } from '../db/schema';
import { AppError } from '../errors';

export type Lang = 'nl' | 'en';
export type BusinessRow = Selectable<BusinessTable>;

export function requireBusiness(ctx: Context): BusinessRow {
  const row = ctx.sqlite.prepare('SELECT * FROM business WHERE id = 1').get() as BusinessRow | undefined;
  if (!row) {
    throw new AppError('forbidden', 'Vul eerst je bedrijfsgegevens in (Instellingen): die staan in elke herinnering.',
      'Enter your business details first (Settings): they are in every reminder.');
  }
  return row;
}

/** `a`, `a en b`, `a, b en c` (en: `and`). */
export function listJoin(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${items[items.length - 1]}`;
}

export const money = (cents: number, lang: Lang) => formatCents(cents, lang);
export const day = (iso: string) => formatDate(iso);

const STEP_NAMES: Record<Lang, Record<WorkflowStep | MailStep, string>> = {
  nl: {
    nudge: 'Vriendelijke herinnering vooraf', 'reminder-1': 'Herinnering 1', 'reminder-2': 'Herinnering 2', call: 'Telefoongesprek',
    'final-notice': 'Laatste aanmaning', handover: 'Overdracht', 'call-confirmation': 'Bevestiging telefoongesprek', 'promise-confirmation': 'Bevestiging betalingsafspraak',
    'installment-reminder': 'Herinnering termijn betalingsregeling', 'arrangement-confirmation': 'Bevestiging betalingsregeling',
  },
  en: {
    nudge: 'Friendly reminder before the due date', 'reminder-1': 'Reminder 1', 'reminder-2': 'Reminder 2', call: 'Phone call',
    'final-notice': 'Final notice', handover: 'Handover', 'call-confirmation': 'Call confirmation', 'promise-confirmation': 'Payment agreement confirmation',
    'installment-reminder': 'Payment arrangement installment reminder', 'arrangement-confirmation': 'Payment arrangement confirmation',
  },
};
export const stepName = (step: WorkflowStep | MailStep, lang: Lang = 'nl') => STEP_NAMES[lang][step];

/** A file name without characters that file systems refuse. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').replace(/\s+/g, ' ').trim().slice(0, 120);
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
