// A ledger for the letter tests: the business, a consumer and a business customer with overdue
// invoices, on the fixed "today" of the tests (Tuesday 24 November 2026).
import type { Backend } from '../../../electron/core/backend';
import type { InputOf } from '../../../shared/contract';
import type { Debtor, Invoice } from '../../../shared/domain/ledger';
import { call, withBackend } from '../../helpers/backend';
import { pdfPagesText, pdfWords, squash } from '../../unit/pdf/popplerTools';

export const BUSINESS: InputOf<'business.save'> = {
  name: 'Ontwerpstudio Zonneveld',
  contactName: 'Anna Zonneveld',
  street: 'Lange Nieuwstraat 4',
  postcode: '3512 PN',
  city: 'Utrecht',
  iban: 'NL91ABNA0417164300',
  kvk: '12345678',
  vatId: 'NL002455799B11',
  phone: '030 123 45 67',
  email: 'anna@zonneveld.example',
  canDeductVat: true,
};

export async function ledger(options: { canDeductVat?: boolean; today?: string } = {}) {
  const t = await withBackend(options.today);
  const b = t.backend;
  await call(b, 'business.save', { ...BUSINESS, canDeductVat: options.canDeductVat ?? true });
  return { ...t, b };
}

export function consumer(b: Backend, overrides: Partial<InputOf<'debtors.create'>> = {}): Promise<Debtor> {
  return call(b, 'debtors.create', { kind: 'consumer', name: 'Petra Jansen', street: 'Kerkstraat 12', postcode: '3581 AB', city: 'Utrecht', ...overrides });
}

export function businessDebtor(b: Backend, overrides: Partial<InputOf<'debtors.create'>> = {}): Promise<Debtor> {
  return call(b, 'debtors.create', {
    kind: 'business', name: 'Bakkerij De Vries B.V.', contactName: 'mevrouw P. de Vries', street: 'Dorpsstraat 7', postcode: '1234 AB', city: 'Amersfoort',
    kvk: '87654321', ...overrides,
  });
}

export function invoice(b: Backend, debtorId: number, number: string, invoiceDate: string, dueDate: string, amount: number): Promise<Invoice> {
  return call(b, 'invoices.create', { debtorId, number, invoiceDate, dueDate, amount, description: 'Werkzaamheden' });
}

/** Base64 PDF → bytes. */
export const bytesOf = (dataBase64: string) => new Uint8Array(Buffer.from(dataBase64, 'base64'));

/** The whole text of a PDF, pages joined, whitespace (including no-break spaces) folded. */
export function textOf(bytes: Uint8Array): string {
  return squash(pdfPagesText(bytes).join('\n')).replace(/\s+/g, ' ');
}

export { pdfWords };
