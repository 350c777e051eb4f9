import { describe, expect, it } from 'vitest';
import { matchPayments, summariseProposals, type OpenInstallmentForMatching, type OpenInvoiceForMatching } from '../../../electron/core/imports/matchPayments';
import type { BankTransaction } from '../../../electron/core/imports/types';

const DE_VRIES = { debtorId: 10, debtorName: 'Bakkerij De Vries B.V.', debtorIbans: ['NL91ABNA0417164300'] };
const JANSEN = { debtorId: 11, debtorName: 'J. Jansen', debtorIbans: ['NL02 ABNA 0123 4567 89'] };
const OZTURK = { debtorId: 12, debtorName: 'Schildersbedrijf Öztürk', debtorIbans: ['NL71INGB0009876543'] };
const ZWAAN = { debtorId: 13, debtorName: 'Café De Zwaan', debtorIbans: ['NL66ASNB0707070707'] };
const SMIT = { debtorId: 14, debtorName: 'Smit & Zonen', debtorIbans: [] };
const KNIP = { debtorId: 15, debtorName: 'Kapsalon Knip', debtorIbans: [] };

const INVOICES: OpenInvoiceForMatching[] = [
  { invoiceId: 1, ...DE_VRIES, number: '2026-014', paymentReference: '5000 0567 8901 2345', openAmount: 121000, dueDate: '2026-02-15' },
  { invoiceId: 2, ...JANSEN, number: '2026-015', paymentReference: '5000056789012353', openAmount: 60000, dueDate: '2026-02-20' },
  { invoiceId: 3, ...OZTURK, number: '2026-016', paymentReference: 'RF18 5390 0754 7034', openAmount: 50000, dueDate: '2026-02-25' },
  { invoiceId: 5, ...ZWAAN, number: '2026-018', paymentReference: '5000056789012361', openAmount: 36300, dueDate: '2026-01-20' },
  { invoiceId: 4, ...ZWAAN, number: '2026-017', paymentReference: '5000056789012378', openAmount: 24200, dueDate: '2026-01-10' },
  { invoiceId: 6, ...ZWAAN, number: '2026-019', paymentReference: '5000056789012386', openAmount: 12100, dueDate: '2026-02-01' },
  { invoiceId: 7, ...SMIT, number: '2026-020', paymentReference: '5000056789012394', openAmount: 9999, dueDate: '2026-02-01' },
  { invoiceId: 8, ...KNIP, number: '77', paymentReference: '', openAmount: 5000 },
];

let seq = 0;
const credit = (amount: number, extra: Partial<BankTransaction> = {}): BankTransaction => ({
  bookingDate: `2026-03-${String(2 + (seq++ % 20)).padStart(2, '0')}`, amount, direction: 'credit', currency: 'EUR', remittance: '', ...extra,
});
const one = (tx: BankTransaction, invoices = INVOICES, installments: OpenInstallmentForMatching[] = []) => matchPayments([tx], invoices, installments)[0]!;

describe('evidence: betalingskenmerk and RF', () => {
  it('kenmerk in the structured field → certain, ticked, paid in full', () => {
    expect(one(credit(121000, { structuredReference: '5000056789012345', counterpartyIban: 'NL00XXXX0000000000' }))).toEqual({
      transactionIndex: 0, kind: 'invoices', debtorId: 10, allocations: [{ invoiceId: 1, amount: 121000 }], credit: 0,
      confidence: 'certain', ticked: true,
      reason: 'Betalingskenmerk 5000 0567 8901 2345 komt overeen met factuur 2026-014.',
      reasonEn: 'Payment reference 5000 0567 8901 2345 matches invoice 2026-014.',
    });
  });

  it('kenmerk in the text, with or without spaces', () => {
    for (const remittance of ['betaling 5000 0567 8901 2345 bedankt', 'kenmerk:5000056789012345', 'ref 5000.0567.8901.2345']) {
      expect(one(credit(121000, { remittance }))).toMatchObject({ kind: 'invoices', confidence: 'certain', allocations: [{ invoiceId: 1, amount: 121000 }] });
    }
  });

  it('RF reference, structured or in the text with spaces', () => {
    expect(one(credit(50000, { structuredReference: 'RF18539007547034' }))).toMatchObject({
      confidence: 'certain', allocations: [{ invoiceId: 3, amount: 50000 }], reason: 'RF-referentie RF18 5390 0754 7034 komt overeen met factuur 2026-016.',
    });
    expect(one(credit(50000, { remittance: 'Betaling RF18 5390 0754 7034 dank u' }))).toMatchObject({ confidence: 'certain', allocations: [{ invoiceId: 3, amount: 50000 }] });
  });

  it('a kenmerk with a partial amount is still certain; the rest stays open', () => {
    expect(one(credit(100000, { structuredReference: '5000056789012345' }))).toMatchObject({
      confidence: 'certain', ticked: true, allocations: [{ invoiceId: 1, amount: 100000 }], credit: 0,
      reason: 'Betalingskenmerk 5000 0567 8901 2345 komt overeen met factuur 2026-014; deelbetaling: € 1.000,00 van € 1.210,00.',
    });
  });

  it('an overpayment leaves credit', () => {
    expect(one(credit(130000, { structuredReference: '5000056789012345' }))).toMatchObject({
      confidence: 'certain', allocations: [{ invoiceId: 1, amount: 121000 }], credit: 9000,
      reason: 'Betalingskenmerk 5000 0567 8901 2345 komt overeen met factuur 2026-014; € 90,00 is te veel betaald en blijft als tegoed staan.',
    });
  });
});

describe('evidence: invoice number in the text', () => {
  it('as a whole word, amount fits → certain', () => {
    expect(one(credit(60000, { remittance: 'Fact. 2026-015, bedankt!' }))).toMatchObject({
      kind: 'invoices', debtorId: 11, confidence: 'certain', ticked: true, allocations: [{ invoiceId: 2, amount: 60000 }],
      reason: 'Factuurnummer 2026-015 staat in de omschrijving en het bedrag klopt.',
    });
  });

  it('amount does not fit → likely (partial payment)', () => {
    expect(one(credit(25000, { remittance: 'factuur 2026-015 deel 1' }))).toMatchObject({
      confidence: 'likely', ticked: true, allocations: [{ invoiceId: 2, amount: 25000 }], credit: 0,
      reason: 'Factuurnummer 2026-015 staat in de omschrijving; deelbetaling: € 250,00 van € 600,00.',
    });
  });

  it('two numbers in one payment, oldest first', () => {
    expect(one(credit(36300 + 24200, { remittance: 'facturen 2026-018/2026-017' }))).toMatchObject({
      confidence: 'certain', allocations: [{ invoiceId: 4, amount: 24200 }, { invoiceId: 5, amount: 36300 }], reason: 'Factuurnummers 2026-017 en 2026-018 staan in de omschrijving en het bedrag klopt.',
    });
  });

  it('not inside another word or number', () => {
    expect(one(credit(12345, { remittance: 'order X2026-0150 en 12026-015 of 2026-0155' })).kind).toBe('unmatched');
  });

  it('a short numeric invoice number only counts after "factuur", "nr", …', () => {
    expect(one(credit(4000, { remittance: '77 keer knippen' }))).toMatchObject({ kind: 'unmatched' });
    expect(one(credit(4000, { remittance: 'factuur 77' }))).toMatchObject({ kind: 'invoices', allocations: [{ invoiceId: 8, amount: 4000 }], confidence: 'likely' });
    expect(one(credit(5000, { remittance: 'nr.77' }))).toMatchObject({ kind: 'invoices', allocations: [{ invoiceId: 8, amount: 5000 }], confidence: 'certain' });
  });
});

describe('evidence: the counterparty is a known debtor', () => {
  it('exact open amount of one invoice from the debtor\'s IBAN → likely', () => {
    expect(one(credit(36300, { counterpartyIban: 'NL66ASNB0707070707', remittance: 'bedankt' }))).toMatchObject({
      kind: 'invoices', debtorId: 13, confidence: 'likely', ticked: true, allocations: [{ invoiceId: 5, amount: 36300 }],
      reason: '€ 363,00 is precies wat factuur 2026-018 van Café De Zwaan nog open heeft, betaald vanaf hun rekening NL66ASNB0707070707.',
    });
  });

  it('an exact combination of two of the debtor\'s invoices (subset sum) → likely', () => {
    expect(one(credit(24200 + 36300, { counterpartyIban: 'NL66ASNB0707070707' }))).toMatchObject({
      confidence: 'likely', allocations: [{ invoiceId: 4, amount: 24200 }, { invoiceId: 5, amount: 36300 }],
      reason: '€ 605,00 is precies de som van de facturen 2026-017 en 2026-018 van Café De Zwaan, betaald vanaf hun rekening NL66ASNB0707070707.',
    });
    expect(one(credit(36300 + 12100 + 24200, { counterpartyIban: 'NL66ASNB0707070707' })).allocations.map((a) => a.invoiceId)).toEqual([4, 5, 6]);
  });

  it('the name instead of the IBAN (legal form, accents and case ignored)', () => {
    expect(one(credit(12100, { counterpartyName: 'CAFE DE ZWAAN V.O.F.' }))).toMatchObject({
      confidence: 'likely', allocations: [{ invoiceId: 6, amount: 12100 }], reason: expect.stringContaining('een rekeninghouder met dezelfde naam (CAFE DE ZWAAN V.O.F.)'),
    });
  });

  it('an amount that fits nothing of theirs → oldest first, doubtful, unticked', () => {
    expect(one(credit(30000, { counterpartyIban: 'NL66ASNB0707070707' }))).toMatchObject({
      kind: 'invoices', confidence: 'doubtful', ticked: false, allocations: [{ invoiceId: 4, amount: 24200 }, { invoiceId: 5, amount: 5800 }], credit: 0,
    });
  });

  it('more than everything they owe → all of it, and credit', () => {
    expect(one(credit(100000, { counterpartyIban: 'NL66ASNB0707070707' }))).toMatchObject({
      confidence: 'doubtful', allocations: [{ invoiceId: 4, amount: 24200 }, { invoiceId: 5, amount: 36300 }, { invoiceId: 6, amount: 12100 }], credit: 27400,
    });
  });

  it('an installment of an arrangement, exact amount from the debtor\'s IBAN → likely', () => {
    const installments: OpenInstallmentForMatching[] = [
      { installmentId: 100, arrangementId: 50, ...ZWAAN, amount: 10000, dueDate: '2026-03-01' },
      { installmentId: 101, arrangementId: 50, ...ZWAAN, amount: 10000, dueDate: '2026-04-01', paymentReference: 'REG-50-2' },
    ];
    const [first, second, third] = matchPayments([
      credit(10000, { counterpartyIban: 'NL66ASNB0707070707' }),
      credit(10000, { counterpartyIban: 'NL66ASNB0707070707' }),
      credit(10000, { remittance: 'termijn REG-50-2' }),
    ], INVOICES, installments);
    expect(first).toMatchObject({
      kind: 'installment', installment: { installmentId: 100, arrangementId: 50, amount: 10000 }, allocations: [], confidence: 'likely', ticked: true,
      reason: '€ 100,00 is precies de termijn van de betalingsregeling van Café De Zwaan, betaald vanaf hun rekening NL66ASNB0707070707.',
    });
    // The second installment was claimed by its kenmerk (pass 1), so the second plain payment finds none left.
    expect(third).toMatchObject({ kind: 'installment', installment: { installmentId: 101, amount: 10000 }, confidence: 'certain' });
    expect(second).toMatchObject({ kind: 'invoices', confidence: 'doubtful' });
  });
});

describe('evidence: only the amount', () => {
  it('one invoice with exactly this open amount → doubtful, unticked', () => {
    expect(one(credit(9999, { counterpartyName: 'Onbekend' }))).toMatchObject({
      kind: 'invoices', confidence: 'doubtful', ticked: false, allocations: [{ invoiceId: 7, amount: 9999 }],
      reason: 'Alleen het bedrag (€ 99,99) komt overeen met factuur 2026-020 van Smit & Zonen; rekening en omschrijving zeggen niets. Controleer dit voor u het koppelt.',
    });
  });

  it('several invoices with this amount → unmatched, says so', () => {
    const twins = [...INVOICES, { ...INVOICES[6]!, invoiceId: 9, number: '2026-021', paymentReference: '' }];
    expect(one(credit(9999), twins)).toMatchObject({ kind: 'unmatched', allocations: [], reason: 'Geen kenmerk, factuurnummer of bekende rekening; het bedrag € 99,99 past bij 2 openstaande facturen. Kies zelf.' });
  });
});

describe('what is not matched', () => {
  it('debits are ignored and counted; unrelated and foreign credits are unmatched', () => {
    const txs = [
      { ...credit(4599, { counterpartyName: 'ALBERT HEIJN' }), direction: 'debit' as const },
      credit(1234, { counterpartyName: 'Vriend', remittance: 'etentje' }),
      credit(121000, { currency: 'USD', structuredReference: '5000056789012345' }),
      credit(121000, { structuredReference: '5000056789012345' }),
    ];
    const proposals = matchPayments(txs, INVOICES);
    expect(proposals.map((p) => [p.kind, p.confidence, p.ticked, p.allocations.length])).toEqual([
      ['ignored-debit', 'none', false, 0],
      ['unmatched', 'none', false, 0],
      ['unmatched', 'none', false, 0],
      ['invoices', 'certain', true, 1],
    ]);
    expect(proposals[0]!.reason).toBe('Afschrijving: hoort niet bij een openstaande factuur.');
    expect(proposals[1]!.reason).toBe('Geen factuur gevonden bij deze bijschrijving.');
    expect(summariseProposals(proposals, txs)).toMatchObject({ total: 4, matched: 1, ticked: 1, certain: 1, unmatched: 2, ignoredDebits: 1, credit: 0, unmatchedAmount: 122234 });
  });
});

describe('what is open is tracked across transactions', () => {
  it('two payments for one invoice never take more than is open', () => {
    const proposals = matchPayments([credit(25000, { remittance: '2026-015 deel 1' }), credit(40000, { remittance: '2026-015 rest' })], INVOICES);
    expect(proposals.map((p) => [p.allocations, p.credit, p.confidence])).toEqual([
      [[{ invoiceId: 2, amount: 25000 }], 0, 'likely'],
      [[{ invoiceId: 2, amount: 35000 }], 5000, 'likely'],
    ]);
  });

  it('a payment for an invoice already paid in this file becomes doubtful credit', () => {
    const [, again] = matchPayments([credit(121000, { structuredReference: '5000056789012345' }), credit(121000, { structuredReference: '5000056789012345' })], INVOICES);
    expect(again).toMatchObject({ kind: 'invoices', confidence: 'doubtful', ticked: false, allocations: [], credit: 121000 });
    expect(again!.reason).toContain('al helemaal betaald');
  });

  it('a weak guess early in the file does not take what a later line pays by kenmerk', () => {
    const [guess, byKenmerk] = matchPayments([credit(121000, { counterpartyName: 'Iemand' }), credit(121000, { structuredReference: '5000056789012345' })], INVOICES);
    expect(byKenmerk).toMatchObject({ confidence: 'certain', allocations: [{ invoiceId: 1, amount: 121000 }] });
    expect(guess).toMatchObject({ kind: 'unmatched', allocations: [] });
  });
});

describe('scale: 10,000 transactions against 100,000 open invoices', () => {
  it('matches each generated payment to the invoice it was made for', () => {
    const DEBTORS = 20_000;
    const invoices: OpenInvoiceForMatching[] = [];
    for (let i = 0; i < 100_000; i++) {
      const d = i % DEBTORS;
      invoices.push({
        invoiceId: i + 1, debtorId: d + 1, debtorName: `Debiteur ${d + 1} B.V.`, debtorIbans: [`NL${String(10 + (d % 89)).padStart(2, '0')}TEST${String(d).padStart(10, '0')}`],
        number: `F${String(i + 1).padStart(6, '0')}`, paymentReference: `7${String(i + 1).padStart(15, '0')}`,
        openAmount: 10_000 + ((i * 7919) % 500_000) + (i % 97), dueDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`,
      });
    }
    const txs: BankTransaction[] = [];
    const expected: (number | null)[] = [];
    for (let t = 0; t < 10_000; t++) {
      const inv = invoices[(t * 9973) % invoices.length]!;
      const kind = t % 10;
      if (kind < 4) { txs.push(credit(inv.openAmount, { structuredReference: inv.paymentReference })); expected.push(inv.invoiceId); }
      else if (kind < 6) { txs.push(credit(inv.openAmount, { remittance: `Betaling factuur ${inv.number} dank` })); expected.push(inv.invoiceId); }
      else if (kind < 8) { txs.push(credit(inv.openAmount, { counterpartyIban: inv.debtorIbans[0], remittance: 'zie factuur' })); expected.push(inv.invoiceId); }
      else if (kind === 8) { txs.push(credit(1 + t, { counterpartyName: `Vreemde ${t}` })); expected.push(null); }
      else { txs.push({ ...credit(inv.openAmount), direction: 'debit' }); expected.push(null); }
    }
    const proposals = matchPayments(txs, invoices);
    expect(proposals).toHaveLength(10_000);
    const allocated = new Map<number, number>();
    proposals.forEach((p, t) => {
      expect(p.transactionIndex).toBe(t);
      const want = expected[t];
      if (want === null) {
        expect(p.allocations).toEqual([]);
      } else {
        expect(p.allocations, `transaction ${t}`).toEqual([{ invoiceId: want, amount: txs[t]!.amount }]);
        expect(p.confidence).toBe(t % 10 < 6 ? 'certain' : 'likely');
      }
      for (const a of p.allocations) allocated.set(a.invoiceId, (allocated.get(a.invoiceId) ?? 0) + a.amount);
    });
    for (const [id, total] of allocated) expect(total).toBeLessThanOrEqual(invoices[id - 1]!.openAmount);
    expect(summariseProposals(proposals)).toMatchObject({ matched: 8000, ignoredDebits: 1000, unmatched: 1000 });
  });
});
