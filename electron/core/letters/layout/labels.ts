// The fixed words printed on a letter, in Dutch and English.
import type { LetterLanguage } from './format';

export interface LetterLabels {
  attention: string;
  ourReference: string;
  yourReference: string;
  subject: string;
  specification: string;
  invoiceNumber: string;
  invoiceDate: string;
  dueDate: string;
  amount: string;
  paid: string;
  open: string;
  totalOpen: string;
  interest: string;
  from: string;
  to: string;
  days: string;
  rate: string;
  base: string;
  interestAmount: string;
  totalInterest: string;
  summary: string;
  principal: string;
  costs: string;
  costsVat: string;
  totalDue: string;
  payment: string;
  iban: string;
  bic: string;
  accountName: string;
  reference: string;
  payAmount: string;
  lastDay: string;
  scanToPay: string;
  attachments: string;
  page: (page: number, count: number) => string;
  continued: string;
  kvk: string;
  vatId: string;
  phone: string;
  email: string;
  website: string;
  /** The caption of the window test print: width, height, from the top, from the left (mm). */
  windowTest: (width: string, height: string, top: string, left: string) => string;
}

export const LABELS: Readonly<Record<LetterLanguage, LetterLabels>> = {
  nl: {
    attention: 't.a.v.',
    ourReference: 'Ons kenmerk',
    yourReference: 'Uw kenmerk',
    subject: 'Betreft',
    specification: 'Specificatie',
    invoiceNumber: 'Factuurnummer',
    invoiceDate: 'Factuurdatum',
    dueDate: 'Vervaldatum',
    amount: 'Bedrag',
    paid: 'Betaald',
    open: 'Openstaand',
    totalOpen: 'Totaal openstaand',
    interest: 'Rente',
    from: 'Van',
    to: 't/m',
    days: 'Dagen',
    rate: 'Rente %',
    base: 'Grondslag',
    interestAmount: 'Rente',
    totalInterest: 'Totaal rente',
    summary: 'Overzicht',
    principal: 'Openstaande facturen',
    costs: 'Incassokosten',
    costsVat: 'Btw over incassokosten',
    totalDue: 'Totaal te betalen',
    payment: 'Betaalgegevens',
    iban: 'IBAN',
    bic: 'BIC',
    accountName: 'Ten name van',
    reference: 'Betalingskenmerk',
    payAmount: 'Bedrag',
    lastDay: 'Uiterlijk',
    scanToPay: 'Scan om te betalen',
    attachments: 'Bijlagen',
    page: (page, count) => `Pagina ${page} van ${count}`,
    continued: 'vervolg',
    kvk: 'KvK',
    vatId: 'Btw-id',
    phone: 'Tel.',
    email: 'E-mail',
    website: 'Website',
    windowTest: (w, h, top, left) => `Testafdruk venster: ${w} × ${h} mm, ${top} mm van boven, ${left} mm van links`,
  },
  en: {
    attention: 'Attn.',
    ourReference: 'Our reference',
    yourReference: 'Your reference',
    subject: 'Subject',
    specification: 'Specification',
    invoiceNumber: 'Invoice number',
    invoiceDate: 'Invoice date',
    dueDate: 'Due date',
    amount: 'Amount',
    paid: 'Paid',
    open: 'Outstanding',
    totalOpen: 'Total outstanding',
    interest: 'Interest',
    from: 'From',
    to: 'To (incl.)',
    days: 'Days',
    rate: 'Rate %',
    base: 'Base',
    interestAmount: 'Interest',
    totalInterest: 'Total interest',
    summary: 'Summary',
    principal: 'Outstanding invoices',
    costs: 'Collection costs',
    costsVat: 'VAT on collection costs',
    totalDue: 'Total due',
    payment: 'Payment details',
    iban: 'IBAN',
    bic: 'BIC',
    accountName: 'Account holder',
    reference: 'Payment reference',
    payAmount: 'Amount',
    lastDay: 'Pay by',
    scanToPay: 'Scan to pay',
    attachments: 'Enclosures',
    page: (page, count) => `Page ${page} of ${count}`,
    continued: 'continued',
    kvk: 'KvK (CoC)',
    vatId: 'VAT ID',
    phone: 'Phone',
    email: 'Email',
    website: 'Website',
    windowTest: (w, h, top, left) => `Window test print: ${w} × ${h} mm, ${top} mm from the top, ${left} mm from the left`,
  },
};
