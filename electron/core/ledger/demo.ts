import { addDays, format, parseISO } from 'date-fns';
import type { DemoSummary } from '../../../shared/contract';
import { debtorInput } from '../../../shared/domain/ledger';
import type { Context } from '../context';
import { transaction } from '../db/transaction';
import { AppError } from '../errors';
import { saveBusiness } from './business';
import { createDebtor } from './debtors';
import { addEvent } from './events';
import { createInvoice } from './invoices';
import { recordPayment } from './payments';
import { businessInput } from '../../../shared/domain/ledger';

type Step = 'nudge' | 'reminder-1' | 'reminder-2';
interface DemoInvoice { amount: number; dueIn: number; desc: string; paidAfter?: number; disputed?: string }
interface DemoDebtor {
  kind: 'business' | 'consumer'; name: string; contact?: string; email: string; phone?: string; city: string; street: string; postcode: string;
  kvk?: string; invoices: DemoInvoice[];
  reminders?: { step: Step; ago: number }[];
  call?: { ago: number; reached: boolean; notes: string };
  promise?: { ago: number; payIn: number };
  arrangement?: { installments: number; paidFirst: boolean };
  finalNotice?: { ago: number; tracking: string };
  handover?: { ago: number };
}

/**
 * A realistic small ledger with an example of every stage (not yet due, just overdue, reminded,
 * called, promised, in an arrangement, disputed, final notice sent, handed over, paid late), dated
 * relative to today so that it always looks current. Everything is marked is_demo.
 */
const DEBTORS: DemoDebtor[] = [
  { kind: 'business', name: 'Bakkerij De Korenschoof B.V.', contact: 'Anouk Verbeek', email: 'administratie@korenschoof.example', phone: '030 123 4567', city: 'Utrecht', street: 'Oudegracht 112', postcode: '3511 AX', kvk: '30123456',
    invoices: [{ amount: 1_250_00, dueIn: 12, desc: 'Nieuwe huisstijl en menukaarten' }, { amount: 480_00, dueIn: 2, desc: 'Fotografie vitrine en website' }] },
  { kind: 'business', name: 'Studio Lindeboom', contact: 'Sanne Lindeboom', email: 'sanne@studiolindeboom.example', phone: '06 12345678', city: 'Amersfoort', street: 'Langestraat 8', postcode: '3811 AB', kvk: '61234567',
    invoices: [{ amount: 726_00, dueIn: -3, desc: 'Tekstschrijven nieuwsbrief (3 edities)' }] },
  { kind: 'business', name: 'Van der Berg Installatietechniek B.V.', contact: 'Ruud van der Berg', email: 'ruud@vdberg-installatie.example', phone: '0345 612 345', city: 'Culemborg', street: 'Industrieweg 21', postcode: '4104 AR', kvk: '11223344',
    invoices: [{ amount: 2_178_00, dueIn: -15, desc: 'Ontwerp en bouw offertemodule' }, { amount: 605_00, dueIn: 20, desc: 'Onderhoud website oktober' }],
    reminders: [{ step: 'reminder-1', ago: 8 }] },
  { kind: 'consumer', name: 'Petra Jansen', email: 'petra.jansen@mail.example', phone: '06 23456789', city: 'Zeist', street: 'Slotlaan 45', postcode: '3701 GB',
    invoices: [{ amount: 395_00, dueIn: -22, desc: 'Interieuradvies woonkamer' }],
    reminders: [{ step: 'reminder-1', ago: 15 }, { step: 'reminder-2', ago: 8 }] },
  { kind: 'business', name: 'Hoveniersbedrijf Groen & Zn.', contact: 'Henk Groen', email: 'info@groenenzn.example', phone: '0318 456 789', city: 'Ede', street: 'Bosweg 3', postcode: '6711 LS', kvk: '09876543',
    invoices: [{ amount: 1_815_00, dueIn: -31, desc: 'Logo en bedrijfskleding' }, { amount: 242_00, dueIn: -31, desc: 'Drukproeven visitekaartjes' }],
    reminders: [{ step: 'reminder-1', ago: 24 }, { step: 'reminder-2', ago: 17 }], call: { ago: 9, reached: false, notes: 'Voicemail ingesproken, vraag om terugbellen.' } },
  { kind: 'consumer', name: 'Marieke de Vries', email: 'marieke.devries@mail.example', phone: '06 34567890', city: 'Houten', street: 'Het Rond 7', postcode: '3995 DN',
    invoices: [{ amount: 650_00, dueIn: -25, desc: 'Bruiloftsfotografie (restant)' }],
    reminders: [{ step: 'reminder-1', ago: 18 }, { step: 'reminder-2', ago: 11 }], call: { ago: 4, reached: true, notes: 'Factuur was in de spam beland. Betaalt volgende week.' }, promise: { ago: 4, payIn: 5 } },
  { kind: 'business', name: "Café 't Hoekje V.O.F.", contact: 'Joost Bakker', email: 'joost@cafehoekje.example', phone: '030 765 4321', city: 'Utrecht', street: 'Twijnstraat 30', postcode: '3511 ZL', kvk: '30987654',
    invoices: [{ amount: 1_089_00, dueIn: -70, desc: 'Nieuwe website met reserveringen' }, { amount: 363_00, dueIn: -55, desc: 'Socialemediapakket september' }, { amount: 363_00, dueIn: -40, desc: 'Socialemediapakket oktober' }],
    reminders: [{ step: 'reminder-1', ago: 60 }, { step: 'reminder-2', ago: 50 }], call: { ago: 45, reached: true, notes: 'Rustige zomer, vraagt om betalingsregeling in vier termijnen.' }, arrangement: { installments: 4, paidFirst: true } },
  { kind: 'business', name: 'Architectenbureau Smit', contact: 'Eva Smit', email: 'eva@smitarchitecten.example', phone: '020 555 0101', city: 'Amsterdam', street: 'Keizersgracht 300', postcode: '1016 EZ', kvk: '34567890',
    invoices: [{ amount: 3_025_00, dueIn: -35, desc: 'Visualisaties project Oostpoort', disputed: 'Klant stelt dat twee extra visualisaties niet waren afgesproken.' }, { amount: 907_50, dueIn: -65, desc: 'Presentatie gemeente', paidAfter: 2 }],
    reminders: [{ step: 'reminder-1', ago: 28 }] },
  { kind: 'consumer', name: 'Kemal Özdemir', email: 'k.ozdemir@mail.example', phone: '06 45678901', city: 'Nieuwegein', street: 'Zuidstedeweg 14', postcode: '3431 HA',
    invoices: [{ amount: 1_210_00, dueIn: -45, desc: 'Verbouwingstekeningen dakkapel' }, { amount: 181_50, dueIn: -38, desc: 'Aanvraag omgevingsvergunning' }],
    reminders: [{ step: 'reminder-1', ago: 38 }, { step: 'reminder-2', ago: 31 }], call: { ago: 24, reached: false, notes: 'Geen gehoor.' }, finalNotice: { ago: 6, tracking: '3SOPST1234567' } },
  { kind: 'business', name: 'Drukkerij Peeters B.V.', contact: 'Marco Peeters', email: 'marco@drukkerijpeeters.example', phone: '073 612 3456', city: "'s-Hertogenbosch", street: 'Hinthamerstraat 88', postcode: '5211 MS', kvk: '17123456',
    invoices: [{ amount: 2_420_00, dueIn: -52, desc: 'Ontwerp catalogus 2027' }],
    reminders: [{ step: 'reminder-1', ago: 45 }, { step: 'reminder-2', ago: 38 }], call: { ago: 31, reached: true, notes: 'Zegt dat de catalogus te laat was; betaalt "binnenkort".' }, finalNotice: { ago: 15, tracking: '3SOPST2468013' } },
  { kind: 'business', name: 'Bouwbedrijf Mulder B.V.', contact: 'Peter Mulder', email: 'p.mulder@mulderbouw.example', phone: '0341 234 567', city: 'Harderwijk', street: 'Havendam 2', postcode: '3841 AA', kvk: '08123456',
    invoices: [{ amount: 4_840_00, dueIn: -95, desc: 'Brochure en website nieuwbouwproject' }],
    reminders: [{ step: 'reminder-1', ago: 88 }, { step: 'reminder-2', ago: 81 }], call: { ago: 74, reached: true, notes: 'Zegt betaling toe "zodra de bank meewerkt".' }, finalNotice: { ago: 60, tracking: '3SOPST7654321' }, handover: { ago: 12 } },
  { kind: 'business', name: 'Reclamebureau Zonnig', contact: 'Fatima El Amrani', email: 'fatima@zonnig.example', phone: '010 234 5678', city: 'Rotterdam', street: 'Witte de Withstraat 50', postcode: '3012 BR', kvk: '24123456',
    invoices: [{ amount: 1_452_00, dueIn: -40, desc: 'Campagnebeelden voorjaar', paidAfter: 12 }, { amount: 968_00, dueIn: -20, desc: 'Animaties social media', paidAfter: 9 }, { amount: 544_50, dueIn: 9, desc: 'Retouches productfoto’s' }],
    reminders: [{ step: 'reminder-1', ago: 33 }, { step: 'reminder-1', ago: 13 }] },
  { kind: 'business', name: 'Łukasz Kowalski Webdesign', contact: 'Łukasz Kowalski', email: 'lukasz@kowalski.example', phone: '06 56789012', city: 'Den Haag', street: 'Prinsestraat 9', postcode: '2513 CA', kvk: '27123456',
    invoices: [{ amount: 1_936_00, dueIn: -50, desc: 'Samenwerking webshop (deel 1)', paidAfter: -2 }, { amount: 1_936_00, dueIn: 25, desc: 'Samenwerking webshop (deel 2)' }] },
  { kind: 'consumer', name: 'Jeroen en Lisa Bos', email: 'bos.gezin@mail.example', city: 'Bunnik', street: 'Dorpsstraat 60', postcode: '3981 EE',
    invoices: [{ amount: 275_00, dueIn: -8, desc: 'Fotoshoot gezin' }, { amount: 95_00, dueIn: -8, desc: 'Extra afdrukken' }],
    reminders: [{ step: 'nudge', ago: 11 }] },
];

const STEP_LABEL: Record<Step, string> = { nudge: 'Vriendelijke herinnering vooraf', 'reminder-1': 'Herinnering 1', 'reminder-2': 'Herinnering 2' };

export async function loadDemo(ctx: Context): Promise<DemoSummary> {
  const has = ctx.sqlite.prepare('SELECT (SELECT count(*) FROM debtors) + (SELECT count(*) FROM invoices) AS n').get() as { n: number };
  if (has.n > 0) throw new AppError('conflict', 'Er staan al gegevens in je administratie; voorbeeldgegevens laad je alleen in een lege administratie.', 'The ledger is not empty; demo data can only be loaded into an empty ledger.');
  const today = parseISO(ctx.today());
  const day = (n: number) => format(addDays(today, n), 'yyyy-MM-dd');
  const year = ctx.today().slice(0, 4);
  let invoiceCount = 0;

  await transaction(ctx, async () => {
    const business = await ctx.db.selectFrom('business').select('id').executeTakeFirst();
    if (!business) {
      await saveBusiness(ctx, businessInput.parse({
        name: 'Ontwerpstudio Voorbeeld', contactName: 'Noor Visser', street: 'Voorbeeldstraat 1', postcode: '3512 AB', city: 'Utrecht',
        email: 'noor@ontwerpstudio.example', phone: '06 11223344', kvk: '12345678', vatId: 'NL000099998B57', iban: 'NL91ABNA0417164300',
        paymentTermDays: 14, canDeductVat: true,
      }));
      await ctx.db.insertInto('app_meta').values({ key: 'demo_business', value: '1' }).onConflict((oc) => oc.column('key').doUpdateSet({ value: '1' })).execute();
    }
    let seq = 100;
    for (const spec of DEBTORS) {
      const debtor = await createDebtor(ctx, debtorInput.parse({
        kind: spec.kind, name: spec.name, contactName: spec.contact ?? null, email: spec.email, phone: spec.phone ?? null,
        street: spec.street, postcode: spec.postcode, city: spec.city, kvk: spec.kvk ?? null,
      }), { isDemo: true });
      const ids: number[] = [];
      for (const inv of spec.invoices) {
        seq += 1;
        const due = inv.dueIn;
        const created = await createInvoice(ctx, {
          debtorId: debtor.id, number: `${year}-${seq}`, invoiceDate: day(due - 14), deliveryDate: day(due - 16), dueDate: day(due),
          description: inv.desc, amount: inv.amount, paymentReference: null,
        }, { source: 'demo' });
        invoiceCount += 1;
        ids.push(created.id);
        if (inv.disputed) {
          await ctx.db.updateTable('invoices').set({ disputed: 1, dispute_reason: inv.disputed }).where('id', '=', created.id).execute();
          await addEvent(ctx, { debtorId: debtor.id, type: 'dispute.opened', occurredOn: day(due + 5), invoiceIds: [created.id], summary: `Betwist: ${inv.disputed}` });
        }
        if (inv.paidAfter !== undefined) {
          await recordPayment(ctx, { debtorId: debtor.id, date: day(due + inv.paidAfter), amount: inv.amount, allocations: [{ invoiceId: created.id, amount: inv.amount }], method: 'bank', counterpartyName: spec.name });
        }
      }
      const openIds = ids.filter((_, i) => spec.invoices[i]!.paidAfter === undefined);
      for (const r of spec.reminders ?? []) {
        await addEvent(ctx, { debtorId: debtor.id, type: r.step === 'nudge' ? 'nudge.sent' : 'reminder.sent', occurredOn: day(-r.ago), invoiceIds: openIds,
          summary: `${STEP_LABEL[r.step]} verstuurd per e-mail`, data: { step: r.step, channel: 'email' } });
      }
      if (spec.call) {
        await addEvent(ctx, { debtorId: debtor.id, type: 'call.logged', occurredOn: day(-spec.call.ago), invoiceIds: openIds,
          summary: `${spec.call.reached ? 'Gebeld en gesproken' : 'Gebeld, niet bereikt'}: ${spec.call.notes}`, data: { reached: spec.call.reached, notes: spec.call.notes } });
      }
      if (spec.promise) {
        const amount = spec.invoices.reduce((s, i) => s + i.amount, 0);
        const eventId = await addEvent(ctx, { debtorId: debtor.id, type: 'promise.made', occurredOn: day(-spec.promise.ago), invoiceIds: openIds,
          summary: `Belofte: betaalt uiterlijk ${day(spec.promise.payIn).split('-').reverse().join('-')}`, data: { promisedDate: day(spec.promise.payIn), amount } });
        await ctx.db.insertInto('promises').values({ debtor_id: debtor.id, event_id: eventId, promised_date: day(spec.promise.payIn), amount_cents: amount, status: 'open', resolved_on: null, created_at: ctx.now() }).execute();
      }
      if (spec.arrangement) {
        const total = spec.invoices.reduce((s, i) => s + i.amount, 0);
        const per = Math.floor(total / spec.arrangement.installments);
        const plan = await ctx.db.insertInto('payment_plans').values({ debtor_id: debtor.id, principal_cents: total, interest_cents: 0, costs_cents: 0, total_cents: total,
          first_date: day(-30), interval: 'month', status: 'active', acceleration_clause: 1, ended_on: null, created_at: ctx.now() }).returning('id').executeTakeFirstOrThrow();
        for (let i = 0; i < spec.arrangement.installments; i++) {
          const amount = i === spec.arrangement.installments - 1 ? total - per * i : per;
          await ctx.db.insertInto('installments').values({ plan_id: plan.id, seq: i + 1, due_date: format(addDays(parseISO(day(-30)), 30 * i), 'yyyy-MM-dd'), amount_cents: amount }).execute();
        }
        await addEvent(ctx, { debtorId: debtor.id, type: 'arrangement.created', occurredOn: day(-40), invoiceIds: openIds,
          summary: `Betalingsregeling afgesproken: ${spec.arrangement.installments} maandelijkse termijnen`, data: { planId: plan.id } });
        if (spec.arrangement.paidFirst) await recordPayment(ctx, { debtorId: debtor.id, date: day(-29), amount: per, method: 'bank', counterpartyName: spec.name });
      }
      if (spec.finalNotice) {
        const kind = spec.kind === 'consumer' ? 'veertiendagenbrief' : 'laatste aanmaning';
        await addEvent(ctx, { debtorId: debtor.id, type: 'letter.sent', occurredOn: day(-spec.finalNotice.ago), invoiceIds: openIds,
          summary: `${kind[0]!.toUpperCase()}${kind.slice(1)} verstuurd`, data: { letter: spec.kind === 'consumer' ? 'fourteen-day' : 'final-notice' } });
        await addEvent(ctx, { debtorId: debtor.id, type: 'registered.sent', occurredOn: day(-spec.finalNotice.ago), invoiceIds: openIds,
          summary: `Aangetekend verstuurd, track & trace ${spec.finalNotice.tracking}`, data: { tracking: spec.finalNotice.tracking } });
      }
      if (spec.handover) {
        const agency = await ctx.db.insertInto('agencies').values({ name: 'Incassobureau Voorbeeld (demo)', email: 'dossiers@incasso.example', phone: null, terms_kind: 'no-cure-no-pay', terms_percent_bp: 1500, terms_fee_cents: null })
          .onConflict((oc) => oc.column('name').doUpdateSet({ email: 'dossiers@incasso.example' })).returning('id').executeTakeFirstOrThrow();
        const claimed = spec.invoices.reduce((s, i) => s + i.amount, 0);
        await ctx.db.insertInto('handovers').values({ debtor_id: debtor.id, agency_id: agency.id, agency_reference: 'DEMO-2291', handed_over_on: day(-spec.handover.ago),
          terms_kind: 'no-cure-no-pay', terms_percent_bp: 1500, terms_fee_cents: null, claimed_cents: claimed, dossier_document_id: null, dossier_sha256: null, status: 'open', closed_on: null, created_at: ctx.now() }).execute();
        await addEvent(ctx, { debtorId: debtor.id, type: 'handover.created', occurredOn: day(-spec.handover.ago), invoiceIds: openIds,
          summary: 'Overgedragen aan Incassobureau Voorbeeld (demo), no cure no pay 15%', data: { reference: 'DEMO-2291' } });
      }
    }
    await ctx.db.insertInto('app_meta').values({ key: 'demo', value: '1' }).onConflict((oc) => oc.column('key').doUpdateSet({ value: '1' })).execute();
  });
  return { debtors: DEBTORS.length, invoices: invoiceCount };
}

/** Removes every demo record in one transaction; the user's own data is untouched. */
export async function removeDemo(ctx: Context): Promise<DemoSummary> {
  return transaction(ctx, async () => {
    const s = ctx.sqlite;
    const demo = 'SELECT id FROM debtors WHERE is_demo = 1';
    const counts = s.prepare(`SELECT (SELECT count(*) FROM debtors WHERE is_demo = 1) AS debtors, (SELECT count(*) FROM invoices WHERE debtor_id IN (${demo})) AS invoices`).get() as DemoSummary;
    s.exec(`
      DELETE FROM event_invoices WHERE event_id IN (SELECT id FROM events WHERE debtor_id IN (${demo}));
      DELETE FROM promises WHERE debtor_id IN (${demo});
      DELETE FROM events WHERE debtor_id IN (${demo});
      DELETE FROM payment_allocations WHERE payment_id IN (SELECT id FROM payments WHERE debtor_id IN (${demo}));
      UPDATE bank_lines SET payment_id = NULL, status = 'unmatched' WHERE payment_id IN (SELECT id FROM payments WHERE debtor_id IN (${demo}));
      DELETE FROM payments WHERE debtor_id IN (${demo});
      DELETE FROM installments WHERE plan_id IN (SELECT id FROM payment_plans WHERE debtor_id IN (${demo}));
      DELETE FROM payment_plans WHERE debtor_id IN (${demo});
      DELETE FROM handovers WHERE debtor_id IN (${demo});
      DELETE FROM agencies WHERE name LIKE '%(demo)' AND id NOT IN (SELECT agency_id FROM handovers);
      DELETE FROM invoices WHERE debtor_id IN (${demo}) AND kind = 'credit-note';
      DELETE FROM invoices WHERE debtor_id IN (${demo});
      DELETE FROM documents WHERE is_demo = 1;
      DELETE FROM debtors WHERE is_demo = 1;
      DELETE FROM app_meta WHERE key = 'demo';
    `);
    const demoBusiness = s.prepare("SELECT value FROM app_meta WHERE key = 'demo_business'").get();
    if (demoBusiness) s.exec("DELETE FROM business; DELETE FROM app_meta WHERE key = 'demo_business';");
    return counts;
  });
}
