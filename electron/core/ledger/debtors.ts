import type { Selectable } from 'kysely';
import type { Debtor } from '../../../shared/domain/ledger';
import type { ParsedInputOf } from '../../../shared/contract';
import type { Context } from '../context';
import type { DebtorsTable } from '../db/schema';
import { notFound } from '../errors';
import { foldForSearch } from '../util/text';

type DebtorRow = Selectable<DebtorsTable>;

export function toDebtor(r: DebtorRow): Debtor {
  return {
    id: r.id, kind: r.kind, name: r.name, contactName: r.contact_name, street: r.street, postcode: r.postcode,
    city: r.city, country: r.country, email: r.email, phone: r.phone, kvk: r.kvk, vatId: r.vat_id, iban: r.iban,
    language: r.language, paymentTermDays: r.payment_term_days, notes: r.notes,
    archived: r.archived === 1, isDemo: r.is_demo === 1, createdAt: r.created_at,
  };
}

function columns(d: ParsedInputOf<'debtors.create'>) {
  return {
    kind: d.kind, name: d.name, search_text: foldForSearch(d.name), contact_name: d.contactName,
    street: d.street, postcode: d.postcode, city: d.city, country: d.country, email: d.email, phone: d.phone,
    kvk: d.kvk, vat_id: d.vatId, iban: d.iban, language: d.language, payment_term_days: d.paymentTermDays,
    notes: d.notes,
  };
}

export async function getDebtorRow(ctx: Context, id: number): Promise<DebtorRow> {
  const row = await ctx.db.selectFrom('debtors').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Deze klant', 'This customer');
  return row;
}

export async function createDebtor(ctx: Context, input: ParsedInputOf<'debtors.create'>, opts: { isDemo?: boolean } = {}): Promise<Debtor> {
  const now = ctx.now();
  const row = await ctx.db.insertInto('debtors')
    .values({ ...columns(input), is_demo: opts.isDemo ? 1 : 0, created_at: now, updated_at: now })
    .returningAll().executeTakeFirstOrThrow();
  return toDebtor(row);
}

export async function updateDebtor(ctx: Context, id: number, input: ParsedInputOf<'debtors.create'>): Promise<Debtor> {
  await getDebtorRow(ctx, id);
  const row = await ctx.db.updateTable('debtors').set({ ...columns(input), updated_at: ctx.now() })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toDebtor(row);
}

export async function archiveDebtor(ctx: Context, id: number, archived: boolean): Promise<Debtor> {
  await getDebtorRow(ctx, id);
  const row = await ctx.db.updateTable('debtors').set({ archived: archived ? 1 : 0, updated_at: ctx.now() })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  return toDebtor(row);
}

export async function listDebtors(ctx: Context, includeArchived: boolean): Promise<Debtor[]> {
  let q = ctx.db.selectFrom('debtors').selectAll().orderBy('search_text');
  if (!includeArchived) q = q.where('archived', '=', 0);
  return (await q.execute()).map(toDebtor);
}
