import type { InterestCalculation, InterestKind, RateRow } from '../../../shared/contract/methods/law';
import { collectionCosts, mergeRates, statutoryInterest, statutoryRates, type RatePeriod } from '../../../shared/law';
import type { ParsedInputOf } from '../../../shared/contract';
import type { Context } from '../context';

/** The user's own rate rows (Instellingen → Wettelijke rente), as RatePeriods. */
function userRates(ctx: Context, kind: InterestKind): RatePeriod[] {
  const rows = ctx.sqlite.prepare('SELECT valid_from, percent_milli, source, verified FROM statutory_rates WHERE kind = ? ORDER BY valid_from').all(kind) as
    { valid_from: string; percent_milli: number; source: string; verified: number }[];
  return rows.map((r) => ({ from: r.valid_from, percent: r.percent_milli / 1000, source: r.source, verified: r.verified === 1 }));
}

/** The table the engine uses: built-in rows with the user's rows winning on the same date. */
export function ratesInForce(ctx: Context, kind: InterestKind): RatePeriod[] {
  return mergeRates(statutoryRates(kind), userRates(ctx, kind));
}

export function listRates(ctx: Context): { commercial: RateRow[]; consumer: RateRow[] } {
  const rows = (kind: InterestKind): RateRow[] => {
    const mine = new Set(userRates(ctx, kind).map((r) => r.from));
    return ratesInForce(ctx, kind).map((r) => ({ kind, ...r, origin: mine.has(r.from) ? 'user' : 'built-in' }));
  };
  return { commercial: rows('commercial'), consumer: rows('consumer') };
}

export function saveRate(ctx: Context, input: ParsedInputOf<'law.saveRate'>): RateRow {
  // A rate the user typed in from the Staatsblad counts as verified by them.
  ctx.sqlite.prepare(`INSERT INTO statutory_rates (kind, valid_from, percent_milli, source, verified) VALUES (?, ?, ?, ?, 1)
    ON CONFLICT (kind, valid_from) DO UPDATE SET percent_milli = excluded.percent_milli, source = excluded.source, verified = 1`)
    .run(input.kind, input.from, Math.round(input.percent * 1000), input.source);
  return { kind: input.kind, from: input.from, percent: Math.round(input.percent * 1000) / 1000, source: input.source, verified: true, origin: 'user' };
}

export function deleteRate(ctx: Context, input: ParsedInputOf<'law.deleteRate'>) {
  const r = ctx.sqlite.prepare('DELETE FROM statutory_rates WHERE kind = ? AND valid_from = ?').run(input.kind, input.from);
  return { deleted: r.changes > 0 };
}

export function calculateInterest(ctx: Context, input: ParsedInputOf<'law.interest'>): InterestCalculation {
  const rates = ratesInForce(ctx, input.kind);
  const result = statutoryInterest({ kind: input.kind, principal: input.principal, dueDate: input.dueDate, until: input.until, payments: input.payments, costs: input.costs, rates });
  const verifiedAt = (from: string) => {
    let found: RatePeriod | undefined;
    for (const r of rates) if (r.from <= from) found = r;
    return found?.verified ?? false;
  };
  const periods = result.periods.map((p) => ({ ...p, verified: verifiedAt(p.from) }));
  return {
    kind: input.kind, principal: input.principal, interest: result.interest, outstandingPrincipal: result.outstandingPrincipal,
    collectionCosts: collectionCosts(input.principal), periods,
    unverifiedRates: [...new Set(periods.filter((p) => !p.verified).map((p) => `${p.from}: ${p.percent}%`))],
  };
}
