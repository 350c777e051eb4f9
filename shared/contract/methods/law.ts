import { z } from 'zod';
import { method } from '../define';
import { cents, isoDate, positiveCents } from '../../domain/primitives';

export type InterestKind = 'commercial' | 'consumer';

export interface RateRow {
  kind: InterestKind;
  from: string;
  percent: number;
  source: string;
  verified: boolean;
  /** 'built-in': shipped with the app; 'user': added or corrected by the user (wins over built-in). */
  origin: 'built-in' | 'user';
}

export interface InterestCalculation {
  kind: InterestKind;
  principal: number;
  interest: number;
  outstandingPrincipal: number;
  collectionCosts: number;
  periods: { from: string; to: string; days: number; percent: number; base: number; interest: number; verified: boolean }[];
  /** Rates used that are not verified against a primary source: shown as "controleer". */
  unverifiedRates: string[];
}

const kind = z.enum(['commercial', 'consumer']);

export const lawMethods = {
  'law.rates': method<{ commercial: RateRow[]; consumer: RateRow[] }>()(z.object({}).strict(), 'The statutory interest tables in force: built-in rows merged with the user\'s own.'),
  'law.saveRate': method<RateRow>()(z.object({
    kind,
    from: isoDate.refine((d) => d.endsWith('-01-01') || d.endsWith('-07-01'), { message: 'Wettelijke rentes wijzigen per 1 januari of 1 juli.' }),
    percent: z.number().min(0).max(100).refine((p) => Math.round(p * 1000) === p * 1000 || Math.abs(Math.round(p * 1000) - p * 1000) < 1e-6, { message: 'Hooguit drie decimalen.' }),
    source: z.string().trim().min(3, { message: 'Noem de bron (bijvoorbeeld het Staatsblad).' }).max(300),
  }).strict(), 'Add or correct a rate (the app is offline: new rates are entered by hand).'),
  'law.deleteRate': method<{ deleted: boolean }>()(z.object({ kind, from: isoDate }).strict(), 'Remove a rate the user added.'),
  'law.interest': method<InterestCalculation>()(z.object({
    kind,
    principal: positiveCents,
    dueDate: isoDate,
    until: isoDate,
    payments: z.array(z.object({ date: isoDate, amount: positiveCents })).max(500).default([]),
    costs: cents.optional(),
  }).strict().refine((v) => v.until >= v.dueDate, { message: 'De einddatum ligt vóór de vervaldatum.', path: ['until'] }), 'Statutory interest per period, as a court would read it.'),
};
