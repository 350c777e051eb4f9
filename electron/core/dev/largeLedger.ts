import { addDays, format, parseISO } from 'date-fns';
import { createBetalingskenmerk } from '../../../shared/law';
import type { Context } from '../context';
import { foldForSearch } from '../util/text';

/** A small deterministic PRNG so that a seeded ledger is the same every time (mulberry32). */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Anna', 'Bram', 'Chantal', 'Daan', 'Eva', 'Fleur', 'Gijs', 'Hanna', 'Ilse', 'Jeroen', 'Kees', 'Lotte', 'Mohamed', 'Noor', 'Olaf', 'Priya', 'Ruben', 'Sanne', 'Tim', 'Yara'];
const LAST = ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'de Boer', 'Bos', 'Peters', 'Hendriks', 'Dekker', 'Özdemir', 'Yılmaz', 'Kowalski', 'El Amrani'];
const TRADE = ['Bouw', 'Design', 'Advies', 'Installatie', 'Fotografie', 'Catering', 'IT', 'Schilders', 'Tuinen', 'Vertalingen', 'Media', 'Coaching'];
const FORM = ['B.V.', 'V.O.F.', '', 'Holding B.V.'];
const CITIES = [['Utrecht', '3511'], ['Amsterdam', '1012'], ['Rotterdam', '3011'], ['Den Haag', '2511'], ['Eindhoven', '5611'], ['Groningen', '9711'], ['Zwolle', '8011'], ['Arnhem', '6811']];
const WORK = ['Ontwerp huisstijl', 'Onderhoud website', 'Adviesuren', 'Fotoshoot', 'Vertaling', 'Installatiewerk', 'Coachingtraject', 'Catering evenement'];

/**
 * Fills a ledger with a realistic large dataset for benchmarks: most invoices paid (some late,
 * some in parts), the rest open at every age. Raw prepared statements in one transaction: this is
 * a developer tool, not a user path, and it must write 100,000 invoices in seconds.
 */
export function seedLargeLedger(ctx: Context, opts: { debtors: number; invoices: number; seed?: number }) {
  const rnd = prng(opts.seed ?? 42);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const today = parseISO(ctx.today());
  const day = (n: number) => format(addDays(today, n), 'yyyy-MM-dd');
  const now = ctx.now();
  const s = ctx.sqlite;
  const insDebtor = s.prepare(`INSERT INTO debtors (kind, name, search_text, contact_name, street, postcode, city, country, email, phone, kvk, language, created_at, updated_at)
    VALUES (@kind, @name, @search, @contact, @street, @postcode, @city, 'NL', @email, @phone, @kvk, 'nl', @now, @now)`);
  const insInvoice = s.prepare(`INSERT INTO invoices (debtor_id, number, invoice_date, delivery_date, due_date, description, amount_cents, payment_reference, source, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'manual', ?, ?)`);
  const insEvent = s.prepare(`INSERT INTO events (debtor_id, type, occurred_on, created_at, summary, data_json) VALUES (?, ?, ?, ?, ?, ?)`);
  const insEventInvoice = s.prepare('INSERT INTO event_invoices (event_id, invoice_id) VALUES (?, ?)');
  const insPayment = s.prepare(`INSERT INTO payments (debtor_id, date, amount_cents, method, created_at) VALUES (?, ?, ?, 'bank', ?)`);
  const insAlloc = s.prepare('INSERT INTO payment_allocations (payment_id, invoice_id, amount_cents) VALUES (?, ?, ?)');

  s.transaction(() => {
    const firstDebtor = (s.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM debtors').get() as { m: number }).m + 1;
    for (let i = 0; i < opts.debtors; i++) {
      const consumer = rnd() < 0.3;
      const person = `${pick(FIRST)} ${pick(LAST)}`;
      const name = consumer ? person : `${pick(LAST).replace(/^(de|van den) /, '')} ${pick(TRADE)} ${pick(FORM)}`.trim() + ` ${i + 1}`;
      const [city, pc] = pick(CITIES);
      insDebtor.run({ kind: consumer ? 'consumer' : 'business', name, search: foldForSearch(name), contact: consumer ? null : person, street: `Dorpsstraat ${1 + (i % 200)}`,
        postcode: `${pc} AB`, city, email: `info${i}@klant.example`, phone: '030 123 4567', kvk: consumer ? null : String(10_000_000 + i), now });
    }
    const firstInvoice = (s.prepare('SELECT COALESCE(MAX(id), 0) AS m FROM invoices').get() as { m: number }).m + 1;
    for (let i = 0; i < opts.invoices; i++) {
      const debtorId = firstDebtor + Math.floor(rnd() * opts.debtors);
      const invoiceDays = -Math.floor(rnd() * 720);
      const term = pick([14, 14, 30, 30, 30, 60]);
      const amount = 5_000 + Math.floor(rnd() * 500_000);
      const id = firstInvoice + i;
      insInvoice.run(debtorId, `B-${String(id).padStart(7, '0')}`, day(invoiceDays), day(invoiceDays - 2), day(invoiceDays + term), pick(WORK), amount, createBetalingskenmerk(id), now, now);
      const ev = insEvent.run(debtorId, 'invoice.created', day(invoiceDays), now, `Factuur B-${id}`, '{}');
      insEventInvoice.run(ev.lastInsertRowid, id);
      const due = invoiceDays + term;
      const r = rnd();
      // Like a real ledger: nearly everything older than two months is paid (some late, some in
      // two parts), about half of the last two months, nothing not yet due.
      // A reminder as the workflow records it (drafts.ts): linked to its invoice, the step in data.
      const remind = (on: number, step: 'reminder-1' | 'reminder-2') => {
        const e = insEvent.run(debtorId, 'reminder.sent', day(on), now, step === 'reminder-1' ? 'Herinnering 1 verstuurd' : 'Herinnering 2 verstuurd', JSON.stringify({ step, channel: 'email' }));
        insEventInvoice.run(e.lastInsertRowid, id);
      };
      if ((due < -60 && r < 0.985) || (due < 0 && due >= -60 && r < 0.5)) {
        const paidOn = Math.min(-1, due + Math.floor(rnd() * 40) - 5);
        // Paid late: the history keeps the reminders that preceded the payment.
        if (paidOn > due + 7) remind(due + 7, 'reminder-1');
        if (paidOn > due + 14) remind(due + 14, 'reminder-2');
        if (r < 0.1) {
          const half = Math.floor(amount / 2);
          const p1 = insPayment.run(debtorId, day(paidOn - 10), half, now);
          insAlloc.run(p1.lastInsertRowid, id, half);
          const p2 = insPayment.run(debtorId, day(paidOn), amount - half, now);
          insAlloc.run(p2.lastInsertRowid, id, amount - half);
        } else {
          const p = insPayment.run(debtorId, day(paidOn), amount, now);
          insAlloc.run(p.lastInsertRowid, id, amount);
        }
      } else if (due < -7) {
        remind(due + 7, 'reminder-1');
        if (due < -14) remind(due + 14, 'reminder-2');
      }
    }
  })();
  s.exec('ANALYZE');
}
