import type { DebtorPage } from '../../../shared/contract';
import type { Context } from '../context';
import { agreedChargesOf, creditOf, invoicesOfDebtor } from './balances';
import { getDebtorRow, toDebtor } from './debtors';
import { listTimeline } from './events';
import { overviewRows } from './overview';
import { paymentsOfDebtor } from './payments';

export async function getDebtorPage(ctx: Context, id: number): Promise<DebtorPage> {
  const debtor = toDebtor(await getDebtorRow(ctx, id));
  const payments = await paymentsOfDebtor(ctx, id);
  const invoices = invoicesOfDebtor(ctx, id);
  return {
    debtor,
    summary: overviewRows(ctx, id)[0] ?? null,
    invoices,
    payments,
    credit: creditOf(invoices, payments, agreedChargesOf(ctx, id)),
    timeline: await listTimeline(ctx, id),
  };
}
