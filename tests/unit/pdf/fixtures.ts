// Sample letters for the PDF tests and the preview script.
import type { LetterModel, SpecificationRow } from '../../../electron/core/letters/layout/model';

/** A valid EPC QR payload (EPC069-12 version 002, UTF-8, LF-separated, RF reference). */
export const SAMPLE_EPC_PAYLOAD = ['BCD', '002', '1', 'SCT', '', 'Jansen Advies', 'NL91ABNA0417164300', 'EUR2193.78', '', 'RF485000056789012345'].join('\n');

export function sampleLetter(overrides: Partial<LetterModel> = {}): LetterModel {
  return {
    language: 'nl',
    sender: {
      name: 'Jansen Advies',
      contactName: 'Jan Jansen',
      street: 'Oudegracht 112A',
      postcode: '3511AV',
      city: 'Utrecht',
      kvk: '12345678',
      vatId: 'NL002455799B11',
      iban: 'NL91ABNA0417164300',
      bic: 'ABNANL2A',
      phone: '030 123 45 67',
      email: 'jan@jansenadvies.nl',
      website: 'jansenadvies.nl',
    },
    recipient: {
      name: 'Bakkerij De Vries B.V.',
      contactName: 'mevrouw P. de Vries',
      street: 'Dorpsstraat 7',
      postcode: '1234 AB',
      city: 'Amersfoort',
    },
    place: 'Utrecht',
    date: '2026-11-24',
    ourReference: 'DEB-2026-014',
    yourReference: 'PO-778',
    subject: 'Laatste aanmaning facturen 2026-031 en 2026-044',
    salutation: 'Geachte mevrouw De Vries,',
    paragraphs: [
      'Op 2 en 16 oktober heb ik u herinnerd aan de betaling van de facturen hieronder. Ik heb nog geen betaling ontvangen en ook niets van u gehoord. Misschien is er iets misgegaan; laat het me dan gerust weten, dan zoeken we samen een oplossing.',
      'Volgens de wet bent u over deze facturen de wettelijke handelsrente en de buitengerechtelijke incassokosten verschuldigd. Ik verzoek u het totaalbedrag van **€ 2.193,78** uiterlijk op **10 december 2026** over te maken, onder vermelding van het betalingskenmerk.',
      'Betaalt u niet op tijd, dan draag ik de vordering over aan een incassobureau. Dat wil ik liever voorkomen: bel of mail me als u een betalingsregeling wilt afspreken.',
    ],
    closing: 'Met vriendelijke groet,',
    signatureName: 'Jan Jansen',
    specification: {
      rows: [
        { number: '2026-031', invoiceDate: '2026-08-14', dueDate: '2026-09-13', amount: 121_000, paid: 0, open: 121_000 },
        { number: '2026-044', invoiceDate: '2026-09-02', dueDate: '2026-10-02', amount: 96_800, paid: 30_000, open: 66_800 },
      ],
      totalOpen: 187_800,
    },
    interest: {
      kindLabel: 'wettelijke handelsrente (art. 6:119a BW)',
      periods: [
        { from: '2026-09-14', to: '2026-11-24', days: 72, percent: 10.15, base: 121_000, interest: 2_423 },
        { from: '2026-10-03', to: '2026-11-24', days: 53, percent: 10.15, base: 66_800, interest: 985 },
      ],
      total: 3_408,
    },
    costs: {
      amount: 28_170,
      explanation: 'Buitengerechtelijke incassokosten volgens de wettelijke staffel: 15% over € 1.878,00 (art. 2 Besluit vergoeding voor buitengerechtelijke incassokosten).',
    },
    totalDue: 219_378,
    payment: {
      iban: 'NL91ABNA0417164300',
      bic: 'ABNANL2A',
      accountName: 'Jansen Advies',
      reference: 'RF48 5000 0567 8901 2345',
      amount: 219_378,
      lastDay: '2026-12-10',
      qrPayload: SAMPLE_EPC_PAYLOAD,
    },
    attachments: ['Kopie factuur 2026-031', 'Kopie factuur 2026-044'],
    footerNote: 'Op al mijn opdrachten zijn mijn algemene voorwaarden van toepassing.',
    ...overrides,
  };
}

/** `count` invoices numbered 2026-101, 2026-102, … with distinct amounts. */
export function manyInvoices(count: number): { rows: SpecificationRow[]; totalOpen: number } {
  const rows: SpecificationRow[] = [];
  for (let i = 0; i < count; i++) {
    const amount = 10_000 + i * 1_337;
    const paid = i % 7 === 0 ? 2_500 : 0;
    const month = String((i % 12) + 1).padStart(2, '0');
    rows.push({ number: `2026-${101 + i}`, invoiceDate: `2025-${month}-03`, dueDate: `2025-${month}-17`, amount, paid, open: amount - paid });
  }
  return { rows, totalOpen: rows.reduce((sum, r) => sum + r.open, 0) };
}
