import { z } from 'zod';
import type { Cents, IsoDate } from './primitives';

/** The steps of the collection plan, in order (docs: the seed plan). */
export const stages = ['not-due', 'nudge', 'reminder-1', 'reminder-2', 'call', 'final-notice', 'handover', 'with-agency'] as const;
export type Stage = (typeof stages)[number];

export interface NextAction {
  kind: Stage;
  date: IsoDate;
}

export interface DebtorFlags {
  promise: boolean;
  arrangement: boolean;
  /** A running arrangement has a missed installment: end it or give room (Vandaag). */
  installmentMissed: boolean;
  dispute: boolean;
  paused: boolean;
}

export interface OverviewRow {
  debtorId: number;
  name: string;
  kind: 'business' | 'consumer';
  openInvoices: number;
  openAmount: Cents;
  overdueAmount: Cents;
  /** Days overdue of the oldest open invoice; negative when nothing is due yet. */
  oldestDaysOverdue: number;
  stage: Stage;
  nextAction: NextAction | null;
  flags: DebtorFlags;
  isDemo: boolean;
}

export interface AgingBuckets {
  notDue: Cents;
  days1to30: Cents;
  days31to60: Cents;
  days61to90: Cents;
  over90: Cents;
}

export interface Overview {
  today: IsoDate;
  totals: { open: Cents; overdue: Cents; debtors: number };
  aging: AgingBuckets;
  rows: OverviewRow[];
}

export const overviewSortColumns = ['name', 'kind', 'openInvoices', 'openAmount', 'oldestDaysOverdue', 'stage', 'nextAction'] as const;

export const overviewQuery = z.object({
  search: z.string().max(100).optional(),
  stage: z.enum(stages).optional(),
  kind: z.enum(['business', 'consumer']).optional(),
  overdueOnly: z.boolean().optional(),
  sort: z.enum(overviewSortColumns).default('oldestDaysOverdue'),
  direction: z.enum(['asc', 'desc']).default('desc'),
});
export type OverviewQuery = z.input<typeof overviewQuery>;
