import type { Business } from '../../../shared/domain/ledger';
import type { ParsedInputOf } from '../../../shared/contract';
import type { Context } from '../context';
import type { Selectable } from 'kysely';
import type { BusinessTable } from '../db/schema';

export function toBusiness(r: Selectable<BusinessTable>): Business {
  return {
    name: r.name, contactName: r.contact_name, street: r.street, postcode: r.postcode, city: r.city,
    country: r.country, email: r.email, phone: r.phone, website: r.website, kvk: r.kvk, vatId: r.vat_id,
    iban: r.iban, bic: r.bic, paymentTermDays: r.payment_term_days, canDeductVat: r.can_deduct_vat === 1,
    letterLanguage: r.letter_language, updatedAt: r.updated_at,
  };
}

export async function getBusiness(ctx: Context): Promise<Business | null> {
  const row = await ctx.db.selectFrom('business').selectAll().where('id', '=', 1).executeTakeFirst();
  return row ? toBusiness(row) : null;
}

export async function saveBusiness(ctx: Context, input: ParsedInputOf<'business.save'>): Promise<Business> {
  const now = ctx.now();
  const values = {
    name: input.name, contact_name: input.contactName, street: input.street, postcode: input.postcode,
    city: input.city, country: input.country, email: input.email, phone: input.phone, website: input.website,
    kvk: input.kvk, vat_id: input.vatId, iban: input.iban, bic: input.bic,
    payment_term_days: input.paymentTermDays, can_deduct_vat: input.canDeductVat ? 1 : 0,
    letter_language: input.letterLanguage, updated_at: now,
  };
  await ctx.db.insertInto('business').values({ id: 1, created_at: now, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
  // Details the user saved are theirs, even when the demo put the first ones there: removing the
  // demo data must not take them away.
  await ctx.db.deleteFrom('app_meta').where('key', '=', 'demo_business').execute();
  return (await getBusiness(ctx))!;
}
