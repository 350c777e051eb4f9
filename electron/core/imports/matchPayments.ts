// Proposes which open invoices (or arrangement installments) each incoming payment pays, best
// evidence first. Pure: no database, the caller passes what is open and applies what the user
// confirms.
//
// Evidence, strongest first (each pass runs over all transactions, in order, before the next, so
// a weak guess never takes an amount that a later line pays by kenmerk):
//  1. explicit: the betalingskenmerk / RF / kenmerk of an invoice (structured field, or in the
//     text with or without spaces) → certain; an invoice number as a whole word in the text →
//     certain when the amount fits, likely when it does not (partial or overpayment).
//  2. the counterparty's IBAN (or else normalised name) belongs to a debtor: an installment of
//     theirs with exactly this amount → likely; one invoice with exactly this open amount → likely;
//     a combination of their open invoices that adds up exactly (bounded subset sum) → likely;
//     otherwise their invoices oldest first → doubtful.
//  3. the amount alone equals what one invoice has open → doubtful (unticked).
// What is allocated is tracked, so two payments never take more than an invoice has open.
import { euros } from './balances';
import { compactAccount } from './iban';
import { normaliseName } from './names';
import { candidateReferences, formatReference, normaliseInvoiceNumber, normaliseReference, numberTokens } from './references';
import type { BankTransaction, Cents, IsoDate } from './types';

export interface OpenInvoiceForMatching {
  invoiceId: number;
  debtorId: number;
  number: string;
  paymentReference: string;
  openAmount: Cents;
  debtorName: string;
  debtorIbans: string[];
  /** Used to pay the oldest first; without it, the order given counts. */
  dueDate?: IsoDate;
}

export interface OpenInstallmentForMatching {
  installmentId: number;
  arrangementId: number;
  debtorId: number;
  /** What is still open of this installment. */
  amount: Cents;
  dueDate?: IsoDate;
  debtorName: string;
  debtorIbans: string[];
  /** A kenmerk given to the arrangement's payments, if any. */
  paymentReference?: string;
}

export type MatchKind = 'invoices' | 'installment' | 'unmatched' | 'ignored-debit';
export type MatchConfidence = 'certain' | 'likely' | 'doubtful' | 'none';

export interface MatchAllocation {
  invoiceId: number;
  amount: Cents;
}

export interface MatchProposal {
  transactionIndex: number;
  kind: MatchKind;
  allocations: MatchAllocation[];
  /** For kind 'installment': which installment and how much of it. */
  installment?: { installmentId: number; arrangementId: number; amount: Cents };
  /** The debtor the evidence points to, when there is one. */
  debtorId?: number;
  confidence: MatchConfidence;
  /** Why, in Dutch, for the review screen. */
  reason: string;
  reasonEn: string;
  /** Proposed as checked (certain and likely) or not (doubtful, none). */
  ticked: boolean;
  /** What the payment leaves over after the allocations (an overpayment), in cents. */
  credit: Cents;
}

/** A subset-sum search looks at most at this many of a debtor's invoices… */
const SUBSET_MAX_INVOICES = 20;
/** …and visits at most this many combinations. */
const SUBSET_MAX_STEPS = 20_000;
/** Purely numeric invoice numbers shorter than this only count after "factuur", "nr", "invoice"… */
const SHORT_NUMERIC = 5;

/** A map from key to one or more indexes, storing a bare number until a second one arrives (100,000 invoices, few collisions). */
class MultiIndex<K> {
  private readonly map = new Map<K, number | number[]>();
  add(key: K, value: number): void {
    const cur = this.map.get(key);
    if (cur === undefined) this.map.set(key, value);
    else if (typeof cur === 'number') this.map.set(key, [cur, value]);
    else cur.push(value);
  }
  get(key: K): readonly number[] | undefined {
    const cur = this.map.get(key);
    return cur === undefined ? undefined : typeof cur === 'number' ? [cur] : cur;
  }
}

export function matchPayments(
  transactions: BankTransaction[],
  openInvoices: OpenInvoiceForMatching[],
  installments: OpenInstallmentForMatching[] = [],
): MatchProposal[] {
  // --- indexes -------------------------------------------------------------------------------
  const remaining = openInvoices.map((i) => Math.max(0, i.openAmount));
  const due = openInvoices.map((inv) => inv.dueDate ?? '9999-99-99');
  /** Oldest first: by due date, then in the order given. */
  const older = (a: number, b: number) => (due[a]! < due[b]! ? -1 : due[a]! > due[b]! ? 1 : a - b);
  const oldestFirst = (list: readonly number[]) => [...new Set(list)].sort(older);

  const byRef = new MultiIndex<string>();
  const byNumber = new MultiIndex<string>();
  const debtorsByIban = new Map<string, Set<number>>();
  const debtorsByName = new Map<string, Set<number>>();
  const debtorName = new Map<number, string>();
  let maxNumberWords = 1;
  const seenIbans = new Map<number, string[]>();
  const addDebtor = (debtorId: number, name: string, ibans: string[]) => {
    if (!debtorName.has(debtorId)) {
      debtorName.set(debtorId, name);
      const n = normaliseName(name);
      if (n.length >= 3) (debtorsByName.get(n) ?? debtorsByName.set(n, new Set()).get(n)!).add(debtorId);
    }
    if (seenIbans.get(debtorId) === ibans) return; // the same list object again: nothing new
    seenIbans.set(debtorId, ibans);
    for (const iban of ibans ?? []) {
      const key = compactAccount(iban);
      if (key) (debtorsByIban.get(key) ?? debtorsByIban.set(key, new Set()).get(key)!).add(debtorId);
    }
  };
  for (let i = 0; i < openInvoices.length; i++) {
    const inv = openInvoices[i]!;
    const ref = inv.paymentReference ? normaliseReference(inv.paymentReference) : '';
    if (ref.length >= 4) byRef.add(ref, i);
    const num = inv.number ? normaliseInvoiceNumber(inv.number) : '';
    if (num) {
      byNumber.add(num, i);
      if (num.includes(' ')) maxNumberWords = Math.min(3, Math.max(maxNumberWords, num.split(' ').length));
    }
    addDebtor(inv.debtorId, inv.debtorName, inv.debtorIbans);
  }
  // Invoices by debtor and by amount are only needed for the lines the first pass leaves; they are
  // collected for exactly those debtors and amounts, in one scan each.
  const collect = <K,>(keys: Set<K>, keyOf: (inv: OpenInvoiceForMatching) => K) => {
    const out = new Map<K, number[]>();
    if (keys.size === 0) return out;
    for (let i = 0; i < openInvoices.length; i++) {
      const k = keyOf(openInvoices[i]!);
      if (keys.has(k)) (out.get(k) ?? out.set(k, []).get(k)!).push(i);
    }
    return out;
  };

  const instRemaining = installments.map((i) => Math.max(0, i.amount));
  const instByRef = new MultiIndex<string>();
  const instByDebtor = new Map<number, number[]>();
  installments.forEach((inst, i) => {
    const ref = normaliseReference(inst.paymentReference ?? '');
    if (ref.length >= 4) instByRef.add(ref, i);
    (instByDebtor.get(inst.debtorId) ?? instByDebtor.set(inst.debtorId, []).get(inst.debtorId)!).push(i);
    addDebtor(inst.debtorId, inst.debtorName, inst.debtorIbans);
  });
  const instDue = installments.map((i) => i.dueDate ?? '9999-99-99');
  for (const list of instByDebtor.values()) list.sort((a, b) => (instDue[a]! < instDue[b]! ? -1 : instDue[a]! > instDue[b]! ? 1 : a - b));

  // --- helpers -------------------------------------------------------------------------------
  const label = (i: number) => openInvoices[i]!.number;
  const list = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`);
  const listEn = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

  /** Takes the amount from the invoices, oldest first. */
  function allocate(amount: Cents, invoices: number[]) {
    const allocations: MatchAllocation[] = [];
    let left = amount;
    for (const i of invoices) {
      if (left <= 0) break;
      const take = Math.min(left, remaining[i]!);
      if (take <= 0) continue;
      remaining[i] = remaining[i]! - take;
      left -= take;
      allocations.push({ invoiceId: openInvoices[i]!.invoiceId, amount: take });
    }
    return { allocations, credit: left };
  }

  function describeOutcome(amount: Cents, open: Cents, credit: Cents): [string, string] {
    if (credit > 0) return [`; ${euros(credit)} is te veel betaald en blijft als tegoed staan`, `; ${euros(credit, 'en')} was overpaid and is kept as credit`];
    if (amount < open) return [`; deelbetaling: ${euros(amount)} van ${euros(open)}`, `; partial payment: ${euros(amount, 'en')} of ${euros(open, 'en')}`];
    return ['', ''];
  }

  const proposals: (MatchProposal | undefined)[] = new Array(transactions.length);
  const base = (index: number): Omit<MatchProposal, 'kind' | 'confidence' | 'reason' | 'reasonEn' | 'ticked'> => ({ transactionIndex: index, allocations: [], credit: 0 });

  // --- pass 0: what is never matched ---------------------------------------------------------
  transactions.forEach((tx, index) => {
    if (tx.direction === 'debit') {
      proposals[index] = { ...base(index), kind: 'ignored-debit', confidence: 'none', ticked: false, reason: 'Afschrijving: hoort niet bij een openstaande factuur.', reasonEn: 'Debit: not a payment of an open invoice.' };
    } else if (tx.currency && tx.currency !== 'EUR') {
      proposals[index] = { ...base(index), kind: 'unmatched', confidence: 'none', ticked: false, reason: `Bijschrijving in ${tx.currency}; alleen betalingen in euro worden gekoppeld.`, reasonEn: `Credit in ${tx.currency}; only payments in euro are matched.` };
    } else if (!(tx.amount > 0)) {
      proposals[index] = { ...base(index), kind: 'unmatched', confidence: 'none', ticked: false, reason: 'Bijschrijving zonder bedrag.', reasonEn: 'Credit without an amount.' };
    }
  });

  // --- pass 1: kenmerk, RF, invoice number ----------------------------------------------------
  transactions.forEach((tx, index) => {
    if (proposals[index]) return;
    const text = [tx.structuredReference, tx.remittance, tx.endToEndId].filter(Boolean).join(' ');
    const byReference: number[] = [];
    const referenceSeen: string[] = [];
    const instHits: number[] = [];
    const structured = tx.structuredReference ? normaliseReference(tx.structuredReference) : '';
    const refs = candidateReferences(text);
    if (structured) refs.add(structured);
    for (const r of refs) {
      const hits = byRef.get(r);
      if (hits) { byReference.push(...hits); referenceSeen.push(r); }
      const ih = instByRef.get(r);
      if (ih) instHits.push(...ih);
    }
    const byNum: number[] = [];
    for (const tok of numberTokens(text, maxNumberWords)) {
      const hits = byNumber.get(tok.value);
      if (!hits) continue;
      if (/^\d+$/.test(tok.value) && tok.value.length < SHORT_NUMERIC && !tok.afterKeyword) continue;
      byNum.push(...hits);
    }
    const explicit = oldestFirst([...byReference, ...byNum]);
    if (explicit.length === 0) {
      if (instHits.length) {
        const i = [...new Set(instHits)][0]!;
        const inst = installments[i]!;
        const take = Math.min(tx.amount, instRemaining[i]!);
        instRemaining[i] = instRemaining[i]! - take;
        proposals[index] = {
          ...base(index), kind: 'installment', debtorId: inst.debtorId, confidence: 'certain', ticked: true, credit: tx.amount - take,
          installment: { installmentId: inst.installmentId, arrangementId: inst.arrangementId, amount: take },
          reason: `Kenmerk ${formatReference(normaliseReference(inst.paymentReference!))} hoort bij een termijn van de betalingsregeling van ${inst.debtorName}.`,
          reasonEn: `Reference ${formatReference(normaliseReference(inst.paymentReference!))} belongs to an installment of ${inst.debtorName}'s payment arrangement.`,
        };
      }
      return;
    }
    const open = explicit.reduce((n, i) => n + remaining[i]!, 0);
    const numbers = explicit.map(label);
    const debtorId = openInvoices[explicit[0]!]!.debtorId;
    if (open === 0) {
      proposals[index] = {
        ...base(index), kind: 'invoices', debtorId, confidence: 'doubtful', ticked: false, credit: tx.amount,
        reason: `De omschrijving noemt ${numbers.length > 1 ? 'facturen' : 'factuur'} ${list(numbers)}, maar die ${numbers.length > 1 ? 'zijn' : 'is'} in dit bestand al helemaal betaald; het bedrag zou tegoed worden. Controleer of dit een dubbele betaling is.`,
        reasonEn: `The text names invoice${numbers.length > 1 ? 's' : ''} ${listEn(numbers)}, already fully paid earlier in this file; the amount would become credit. Check whether this is a double payment.`,
      };
      return;
    }
    const { allocations, credit } = allocate(tx.amount, explicit);
    const [tail, tailEn] = describeOutcome(tx.amount, open, credit);
    if (byReference.length) {
      const ref = referenceSeen[0]!;
      const kind = /^RF\d/.test(ref) ? ['RF-referentie', 'RF reference'] : /^\d+$/.test(ref) ? ['Betalingskenmerk', 'Payment reference'] : ['Kenmerk', 'Reference'];
      proposals[index] = {
        ...base(index), kind: 'invoices', debtorId, allocations, credit, confidence: 'certain', ticked: true,
        reason: `${kind[0]} ${formatReference(ref)} komt overeen met ${numbers.length > 1 ? 'de facturen' : 'factuur'} ${list(numbers)}${tail}.`,
        reasonEn: `${kind[1]} ${formatReference(ref)} matches invoice${numbers.length > 1 ? 's' : ''} ${listEn(numbers)}${tailEn}.`,
      };
    } else {
      const fits = tx.amount === open;
      proposals[index] = {
        ...base(index), kind: 'invoices', debtorId, allocations, credit, confidence: fits ? 'certain' : 'likely', ticked: true,
        reason: numbers.length > 1
          ? `Factuurnummers ${list(numbers)} staan in de omschrijving${fits ? ' en het bedrag klopt' : tail}.`
          : `Factuurnummer ${numbers[0]} staat in de omschrijving${fits ? ' en het bedrag klopt' : tail}.`,
        reasonEn: `Invoice number${numbers.length > 1 ? 's' : ''} ${listEn(numbers)} ${numbers.length > 1 ? 'are' : 'is'} in the description${fits ? ' and the amount matches' : tailEn}.`,
      };
    }
  });

  // --- pass 2: the counterparty is a known debtor ----------------------------------------------
  const evidence = transactions.map((tx, index) => {
    if (proposals[index]) return undefined;
    const iban = tx.counterpartyIban ? compactAccount(tx.counterpartyIban) : '';
    const byIban = iban ? debtorsByIban.get(iban) : undefined;
    if (byIban?.size) return { debtors: [...byIban], via: [`hun rekening ${iban}`, `their account ${iban}`] as const };
    const name = normaliseName(tx.counterpartyName);
    const byName = name.length >= 3 ? debtorsByName.get(name) : undefined;
    if (byName?.size) return { debtors: [...byName], via: [`een rekeninghouder met dezelfde naam (${tx.counterpartyName})`, `an account holder of the same name (${tx.counterpartyName})`] as const };
    return undefined;
  });
  const byDebtorMap = collect(new Set(evidence.flatMap((e) => e?.debtors ?? [])), (inv) => inv.debtorId);
  const byDebtor = (debtorId: number) => byDebtorMap.get(debtorId) ?? [];
  transactions.forEach((tx, index) => {
    const ev = evidence[index];
    if (proposals[index] || !ev) return;
    const ids = ev.debtors;
    const via = ev.via;
    const names = ids.map((d) => debtorName.get(d) ?? `debiteur ${d}`);

    // An installment of exactly this amount.
    for (const d of ids) {
      const i = (instByDebtor.get(d) ?? []).find((k) => instRemaining[k] === tx.amount);
      if (i === undefined) continue;
      const inst = installments[i]!;
      instRemaining[i] = 0;
      proposals[index] = {
        ...base(index), kind: 'installment', debtorId: d, confidence: 'likely', ticked: true,
        installment: { installmentId: inst.installmentId, arrangementId: inst.arrangementId, amount: tx.amount },
        reason: `${euros(tx.amount)} is precies de termijn van de betalingsregeling van ${inst.debtorName}, betaald vanaf ${via[0]}.`,
        reasonEn: `${euros(tx.amount, 'en')} is exactly the installment of ${inst.debtorName}'s payment arrangement, paid from ${via[1]}.`,
      };
      return;
    }

    const invoices = oldestFirst(ids.flatMap((d) => byDebtor(d))).filter((i) => remaining[i]! > 0);
    const who = list(names);
    if (invoices.length === 0) {
      proposals[index] = {
        ...base(index), kind: 'unmatched', debtorId: ids[0], confidence: 'none', ticked: false,
        reason: `Betaling van ${who} (via ${via[0]}), maar er staat niets meer open.`,
        reasonEn: `Payment from ${listEn(names)} (via ${via[1]}), but nothing is open.`,
      };
      return;
    }
    // One invoice with exactly this open amount.
    const exact = invoices.find((i) => remaining[i] === tx.amount);
    if (exact !== undefined) {
      const { allocations } = allocate(tx.amount, [exact]);
      proposals[index] = {
        ...base(index), kind: 'invoices', debtorId: openInvoices[exact]!.debtorId, allocations, confidence: 'likely', ticked: true,
        reason: `${euros(tx.amount)} is precies wat factuur ${label(exact)} van ${openInvoices[exact]!.debtorName} nog open heeft, betaald vanaf ${via[0]}.`,
        reasonEn: `${euros(tx.amount, 'en')} is exactly what invoice ${label(exact)} of ${openInvoices[exact]!.debtorName} has open, paid from ${via[1]}.`,
      };
      return;
    }
    // Several of their invoices that add up exactly.
    const combo = subsetSum(invoices.filter((i) => remaining[i]! <= tx.amount).slice(0, SUBSET_MAX_INVOICES).map((i) => ({ i, v: remaining[i]! })), tx.amount);
    if (combo) {
      const { allocations } = allocate(tx.amount, combo);
      proposals[index] = {
        ...base(index), kind: 'invoices', debtorId: openInvoices[combo[0]!]!.debtorId, allocations, confidence: 'likely', ticked: true,
        reason: `${euros(tx.amount)} is precies de som van de facturen ${list(combo.map(label))} van ${who}, betaald vanaf ${via[0]}.`,
        reasonEn: `${euros(tx.amount, 'en')} is exactly the sum of invoices ${listEn(combo.map(label))} of ${listEn(names)}, paid from ${via[1]}.`,
      };
      return;
    }
    // Their invoices, oldest first: a guess.
    const open = invoices.reduce((n, i) => n + remaining[i]!, 0);
    const { allocations, credit } = allocate(tx.amount, invoices);
    const [tail, tailEn] = describeOutcome(tx.amount, open, credit);
    proposals[index] = {
      ...base(index), kind: 'invoices', debtorId: openInvoices[invoices[0]!]!.debtorId, allocations, credit, confidence: 'doubtful', ticked: false,
      reason: `Betaling van ${who} (via ${via[0]}), maar het bedrag past niet precies bij hun openstaande facturen; voorstel: oudste factuur eerst${tail}.`,
      reasonEn: `Payment from ${listEn(names)} (via ${via[1]}), but the amount does not exactly fit their open invoices; proposal: oldest invoice first${tailEn}.`,
    };
  });

  // --- pass 3: only the amount ---------------------------------------------------------------
  const byAmountMap = collect(new Set(transactions.filter((_, i) => !proposals[i]).map((t) => t.amount)), (inv) => inv.openAmount);
  const byAmount = (amount: Cents) => byAmountMap.get(amount) ?? [];
  transactions.forEach((tx, index) => {
    if (proposals[index]) return;
    const same = byAmount(tx.amount).filter((i) => remaining[i] === tx.amount);
    if (same.length === 1) {
      const i = same[0]!;
      const { allocations } = allocate(tx.amount, [i]);
      proposals[index] = {
        ...base(index), kind: 'invoices', debtorId: openInvoices[i]!.debtorId, allocations, confidence: 'doubtful', ticked: false,
        reason: `Alleen het bedrag (${euros(tx.amount)}) komt overeen met factuur ${label(i)} van ${openInvoices[i]!.debtorName}; rekening en omschrijving zeggen niets. Controleer dit voor u het koppelt.`,
        reasonEn: `Only the amount (${euros(tx.amount, 'en')}) matches invoice ${label(i)} of ${openInvoices[i]!.debtorName}; account and description say nothing. Check before matching.`,
      };
    } else {
      proposals[index] = {
        ...base(index), kind: 'unmatched', confidence: 'none', ticked: false,
        reason: same.length > 1
          ? `Geen kenmerk, factuurnummer of bekende rekening; het bedrag ${euros(tx.amount)} past bij ${same.length} openstaande facturen. Kies zelf.`
          : 'Geen factuur gevonden bij deze bijschrijving.',
        reasonEn: same.length > 1
          ? `No reference, invoice number or known account; the amount ${euros(tx.amount, 'en')} fits ${same.length} open invoices. Choose yourself.`
          : 'No invoice found for this credit.',
      };
    }
  });

  return proposals as MatchProposal[];
}

/**
 * A combination of at least two values that adds up to `target`, preferring the oldest (the list
 * is oldest first); bounded, so a debtor with many invoices cannot make it slow.
 */
function subsetSum(items: { i: number; v: Cents }[], target: Cents): number[] | null {
  const n = items.length;
  const suffix = new Array<number>(n + 1).fill(0);
  for (let k = n - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + items[k]!.v;
  let steps = 0;
  const chosen: number[] = [];
  const search = (k: number, left: Cents): boolean => {
    if (left === 0) return chosen.length >= 2;
    if (k >= n || left < 0 || suffix[k]! < left || ++steps > SUBSET_MAX_STEPS) return false;
    chosen.push(items[k]!.i);
    if (search(k + 1, left - items[k]!.v)) return true;
    chosen.pop();
    return search(k + 1, left);
  };
  return search(0, target) ? [...chosen] : null;
}

/** Counts for the review screen's header. */
export function summariseProposals(proposals: MatchProposal[], transactions?: BankTransaction[]) {
  const count = (f: (p: MatchProposal) => boolean) => proposals.filter(f).length;
  return {
    total: proposals.length,
    matched: count((p) => p.kind === 'invoices' || p.kind === 'installment'),
    ticked: count((p) => p.ticked),
    certain: count((p) => p.confidence === 'certain'),
    likely: count((p) => p.confidence === 'likely'),
    doubtful: count((p) => p.confidence === 'doubtful'),
    unmatched: count((p) => p.kind === 'unmatched'),
    ignoredDebits: count((p) => p.kind === 'ignored-debit'),
    credit: proposals.reduce((n, p) => n + p.credit, 0),
    unmatchedAmount: transactions ? proposals.filter((p) => p.kind === 'unmatched').reduce((n, p) => n + (transactions[p.transactionIndex]?.amount ?? 0), 0) : undefined,
  };
}
