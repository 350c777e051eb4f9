// overzicht.pdf: the claim as a report an incassobureau reads (docs/domain-nl.md §10 and the Wki:
// principal, interest per period and rate, BIK with how they were computed, payments, history).
// A4 portrait, no letter layout: a title, the two parties side by side, the totals, then the detail.
// Pure: the same claim gives the same definition (and, with the fixed creation date, the same bytes).
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { addressLines, formatCents, formatIban, formatLongDate, formatPercent, formatShortDate } from '../letters/layout/format';
import { a4PageSetup, mm, PDF_COLORS } from '../pdf/page';
import type { Claim } from './claim';

const { text: TEXT, muted: MUTED, rule: RULE, headerFill: HEAD_FILL, boxFill: BOX_FILL } = PDF_COLORS;
const WARN = '#b42318';

const NBSP = '\u00a0';
const MARGINS_MM = { left: 20, top: 18, right: 18, bottom: 18 };
const money = (c: number) => formatCents(c).replace('€ ', `€${NBSP}`);
const d = (iso: string | null) => (iso ? formatShortDate(iso) : '–');

const lightLines = {
  hLineWidth: (i: number, node: ContentTable) => (i === 0 || i === 1 || i === node.table.body.length ? 0.6 : 0.3),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
  fillColor: (row: number) => (row === 0 ? HEAD_FILL : null),
};

const th = (text: string, right = false): TableCell => ({ text, bold: true, alignment: right ? 'right' : 'left' });
const num = (c: number, bold = false): TableCell => ({ text: money(c), alignment: 'right', noWrap: true, bold });

function heading(text: string): Content {
  return { text, style: 'h2', margin: [0, 12, 0, 5], headlineLevel: 1 };
}

function table(widths: (string | number)[], header: TableCell[], rows: TableCell[][], footer?: TableCell[]): Content {
  const body = [header, ...rows];
  if (footer) body.push(footer);
  return { table: { headerRows: 1, dontBreakRows: true, widths, body }, layout: lightLines, style: 'table' };
}

function labelValues(title: string, rows: [string, string | null][]): Content {
  return {
    stack: [
      { text: title, style: 'h3', margin: [0, 0, 0, 3] },
      {
        table: {
          widths: [mm(30), '*'],
          body: rows.filter((r) => r[1] !== null && r[1] !== '').map(([label, value]) => [{ text: label, color: MUTED }, { text: value! }]),
        },
        layout: 'noBorders',
        style: 'table',
      },
    ],
  };
}

function parties(c: Claim): Content {
  const b = c.business;
  const creditorAddress = b ? addressLines({ name: '', street: b.street, postcode: b.postcode, city: b.city, country: b.country }, '').join('\n') : null;
  const debtor = c.debtor;
  const debtorAddress = debtor.street && debtor.postcode && debtor.city
    ? addressLines({ name: '', street: debtor.street, postcode: debtor.postcode, city: debtor.city, country: debtor.country }, '').join('\n')
    : [debtor.street, debtor.postcode, debtor.city].filter(Boolean).join(' ') || null;
  const terms = c.documents.find((x) => x.kind === 'terms');
  return {
    columns: [
      labelValues('Schuldeiser', [
        ['Naam', b?.name ?? '(bedrijfsgegevens ontbreken)'],
        ['Eigenaar / contact', b?.contactName ?? null],
        ['KvK-nummer', b?.kvk ?? null],
        ['Btw-id', b?.vatId ?? null],
        ['Adres', creditorAddress],
        ['Telefoon', b?.phone ?? null],
        ['E-mail', b?.email ?? null],
        ['IBAN', b ? formatIban(b.iban) : null],
        ['BIC', b?.bic ?? null],
        ['Btw-plichtig', b ? (b.canDeductVat ? 'Ja (btw aftrekbaar)' : 'Nee (kan geen btw aftrekken)') : null],
        ['Voorwaarden', terms ? 'Algemene voorwaarden bijgevoegd' : 'Geen algemene voorwaarden bijgevoegd'],
      ]),
      labelValues('Schuldenaar', [
        ['Soort', debtor.type === 'B2B' ? 'Zakelijk (B2B)' : 'Particulier (B2C)'],
        ['Naam', debtor.name],
        ['Contactpersoon', debtor.contactName],
        ['KvK-nummer', debtor.kvk],
        ['Btw-id', debtor.vatId],
        ['Adres', debtorAddress],
        ['Telefoon', debtor.phone],
        ['E-mail', debtor.email],
      ]),
    ],
    columnGap: mm(8),
  };
}

function totalsBox(c: Claim): Content {
  const rows: TableCell[][] = [
    [{ text: 'Openstaande hoofdsom' }, num(c.totals.principal)],
    [{ text: `Rente tot en met ${d(c.today)}` }, num(c.totals.interest)],
    [{ text: c.costs.vatSurcharge ? 'Buitengerechtelijke incassokosten (incl. btw)' : 'Buitengerechtelijke incassokosten' }, num(c.totals.costs)],
  ];
  if (c.totals.credit > 0) rows.push([{ text: 'Af: tegoed (te veel betaald of gecrediteerd)' }, { text: `-${money(c.totals.credit)}`, alignment: 'right', noWrap: true }]);
  rows.push([{ text: 'Totaal gevorderd', bold: true }, num(c.totals.total, true)]);
  return {
    table: { widths: ['*', mm(35)], body: rows },
    layout: {
      hLineWidth: (i: number, node: ContentTable) => (i === node.table.body.length - 1 ? 0.8 : 0),
      vLineWidth: () => 0,
      hLineColor: () => TEXT,
      fillColor: () => BOX_FILL,
      paddingLeft: () => 6, paddingRight: () => 6, paddingTop: () => 3, paddingBottom: () => 3,
    },
    margin: [mm(60), 0, 0, 0],
  };
}

function specification(c: Claim): Content[] {
  if (c.invoices.length === 0) return [heading('Specificatie van de vordering'), { text: 'Er staan geen vervallen facturen open.', color: MUTED }];
  const credited = c.invoices.some((i) => i.credited > 0);
  const header: TableCell[] = [th('Factuur'), th('Factuurdatum'), th('Leverdatum'), th('Vervaldatum'), th('Bedrag', true), th('Betaald', true), ...(credited ? [th('Gecrediteerd', true)] : []), th('Open', true)];
  const rows = c.invoices.map((i): TableCell[] => [
    { stack: [{ text: i.number, bold: true }, ...(i.description ? [{ text: i.description, color: MUTED, fontSize: 7.5 }] : []),
      ...(i.disputed ? [{ text: `Betwist${i.disputeReason ? `: ${i.disputeReason}` : ''}`, color: WARN, fontSize: 7.5 }] : [])] },
    d(i.invoiceDate), d(i.deliveryDate), d(i.dueDate), num(i.amount), num(i.paid), ...(credited ? [num(i.credited)] : []), num(i.open, true),
  ]);
  const sum = (f: (i: Claim['invoices'][number]) => number) => c.invoices.reduce((s, i) => s + f(i), 0);
  const footer: TableCell[] = [{ text: 'Totaal', bold: true }, '', '', '', num(sum((i) => i.amount), true), num(sum((i) => i.paid), true), ...(credited ? [num(sum((i) => i.credited), true)] : []), num(sum((i) => i.open), true)];
  const widths = ['*', 'auto', 'auto', 'auto', 'auto', 'auto', ...(credited ? ['auto'] : []), 'auto'];
  const notes: Content[] = [];
  if (c.notYetDue.length > 0) {
    notes.push({ text: `Niet in deze vordering (nog niet vervallen): ${c.notYetDue.map((i) => `${i.number} (vervalt ${d(i.dueDate)}, ${money(i.open)})`).join('; ')}.`, color: MUTED, fontSize: 8, margin: [0, 4, 0, 0] });
  }
  return [heading('Specificatie van de vordering'), table(widths, header, rows, footer), ...notes];
}

function interest(c: Claim): Content[] {
  const basis = c.interestKind === 'commercial' ? 'Wettelijke handelsrente (art. 6:119a BW)' : 'Wettelijke rente (art. 6:119 BW)';
  const intro = `${basis} vanaf de dag na de vervaldatum tot en met ${d(c.today)}, per periode en percentage; na elk vol jaar wordt de rente bij de hoofdsom opgeteld. Rentedagen: werkelijke dagen / 365. Deelbetalingen zijn afgeboekt op de factuur waarop ze zijn geboekt; over het betaalde deel is rente berekend tot en met de betaaldag.`;
  const rows: TableCell[][] = [];
  for (const i of c.invoices) {
    if (i.periods.length === 0) {
      rows.push([{ text: i.number, bold: true }, { text: i.interestFrom === null ? 'geen rente (rente pas na de veertiendagenbrief)' : 'geen rente', colSpan: 5, color: MUTED }, '', '', '', '', num(0)]);
      continue;
    }
    i.periods.forEach((p, n) => {
      rows.push([
        n === 0 ? { text: i.number, bold: true } : '',
        d(p.from), d(p.to), { text: String(p.days), alignment: 'right' }, { text: formatPercent(p.percent), alignment: 'right', noWrap: true },
        { stack: [{ text: money(p.base), alignment: 'right', noWrap: true }, ...(p.paidOn ? [{ text: `betaald ${d(p.paidOn)}`, alignment: 'right' as const, color: MUTED, fontSize: 7 }] : [])] },
        num(p.interest),
      ]);
    });
  }
  return [
    heading('Rente'),
    { text: intro, margin: [0, 0, 0, 5] },
    table(['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
      [th('Factuur'), th('Van'), th('Tot en met'), th('Dagen', true), th('Rente', true), th('Grondslag', true), th('Bedrag', true)],
      rows, [{ text: 'Totaal rente', bold: true, colSpan: 6 }, '', '', '', '', '', num(c.totals.interest, true)]),
  ];
}

function costs(c: Claim): Content[] {
  const k = c.costs;
  const out: Content[] = [heading('Buitengerechtelijke incassokosten'), { text: k.explanation, margin: [0, 0, 0, 5] }];
  if (!k.applicable) {
    out.push({ text: `Incassokosten in deze vordering: ${money(0)}.`, bold: true });
    return out;
  }
  const rows: TableCell[][] = k.slices.map((s) => [
    `${formatPercent(s.percent).replace(/,00%$/, '%')} over ${s.to === null ? `het deel boven ${money(s.from)}` : s.from === 0 ? `de eerste ${money(Math.min(s.to, k.base))}` : `${money(s.from)} tot ${money(Math.min(s.to, k.base))}`}`,
    num(s.amount),
  ]);
  if (k.minimumApplied) rows.push(['Verhoogd tot het minimum', num(k.staffel)]);
  if (k.maximumApplied) rows.push(['Beperkt tot het maximum', num(k.staffel)]);
  if (k.vatSurcharge) rows.push([`Btw ${formatPercent(21).replace(/,00%$/, '%')} over de incassokosten`, num(k.vat)]);
  out.push(table(['*', 'auto'], [th(`Staffel over ${money(k.base)}`), th('Bedrag', true)], rows, [{ text: 'Totaal incassokosten', bold: true }, num(k.total, true)]));
  return out;
}

const METHOD: Record<string, string> = { bank: 'bank', manual: 'handmatig geboekt', agency: 'via incassobureau' };

function payments(c: Claim): Content[] {
  if (c.payments.length === 0) return [heading('Ontvangen betalingen'), { text: 'Geen betalingen ontvangen op deze facturen.', color: MUTED }];
  const rows = c.payments.map((p): TableCell[] => [
    d(p.date), num(p.amount), METHOD[p.method] ?? p.method,
    [...p.applied.map((a) => `${a.invoiceNumber} (${money(a.amount)})`), ...(p.unallocated > 0 ? [`niet toegewezen (tegoed) ${money(p.unallocated)}`] : [])].join(', '),
  ]);
  return [heading('Ontvangen betalingen'), table(['auto', 'auto', 'auto', '*'], [th('Datum'), th('Bedrag', true), th('Wijze'), th('Geboekt op')], rows)];
}

function timeline(c: Claim): Content[] {
  if (c.timeline.length === 0) return [heading('Tijdlijn'), { text: 'Nog niets vastgelegd.', color: MUTED }];
  const pathOf = new Map(c.documents.map((x) => [x.id, x.path]));
  const rows = c.timeline.map((e): TableCell[] => {
    const extra = [
      e.channel ? `Kanaal: ${e.channel}` : null,
      e.trackingCode ? `Track & trace: ${e.trackingCode}` : null,
      e.documentId !== null ? `Bijlage: ${pathOf.get(e.documentId)}` : null,
    ].filter(Boolean).join(' · ');
    return [d(e.date), { text: e.label, bold: true }, { stack: [e.description, ...(extra ? [{ text: extra, color: MUTED, fontSize: 7.5 }] : [])] }];
  });
  return [heading('Tijdlijn'), table(['auto', 'auto', '*'], [th('Datum'), th('Wat'), th('Omschrijving')], rows)];
}

function attachments(c: Claim): Content[] {
  const files = c.documents;
  const list: Content = files.length === 0
    ? { text: 'Geen opgeslagen brieven, facturen of voorwaarden bij deze klant.', color: MUTED }
    : table(['*', 'auto'], [th('Bestand'), th('SHA-256')], files.map((f) => [f.path, { text: f.sha256, fontSize: 6.5, color: MUTED, noWrap: true }]));
  return [
    heading('In dit dossier'),
    { text: 'overzicht.pdf (dit overzicht), vordering.json met vordering.schema.json (dezelfde gegevens voor een computer), facturen.csv en tijdlijn.csv (voor Excel), en:', margin: [0, 0, 0, 4] },
    list,
  ];
}

/** The document definition of overzicht.pdf. Render it with renderPdf(). */
export function buildOverzichtDocument(c: Claim): TDocumentDefinitions {
  const creditor = c.business?.name ?? '';
  const content: Content[] = [
    { text: 'Dossier vordering', style: 'h1' },
    { text: c.debtor.name, fontSize: 13, margin: [0, 0, 0, 2] },
    { text: `Opgesteld op ${formatLongDate(c.today)} door ${creditor || 'de schuldeiser'} voor de overdracht aan een incassobureau. Alle bedragen in euro, berekend tot en met ${d(c.today)}.`, color: MUTED, margin: [0, 0, 0, 10] },
    parties(c),
    heading('Samenvatting'),
    totalsBox(c),
    ...specification(c),
    ...interest(c),
    ...costs(c),
    ...payments(c),
    ...timeline(c),
    ...attachments(c),
  ];
  return {
    ...a4PageSetup({
      marginsMm: MARGINS_MM, language: 'nl-NL', date: c.today,
      title: `Dossier vordering ${c.debtor.name}`, author: creditor, subject: 'Overdracht aan incassobureau',
    }),
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2, color: TEXT },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
      h2: { fontSize: 11.5, bold: true },
      h3: { fontSize: 10, bold: true },
      table: { fontSize: 8.3, lineHeight: 1.1 },
      footer: { color: MUTED, fontSize: 7.5 },
    },
    footer: (page, pages) => ({
      columns: [
        { text: `Dossier ${c.debtor.name} · ${creditor} · ${d(c.today)}`, style: 'footer' },
        { text: `Pagina ${page} van ${pages}`, alignment: 'right', style: 'footer', width: 'auto' },
      ],
      style: 'footer',
      margin: [mm(MARGINS_MM.left), mm(6), mm(MARGINS_MM.right), 0],
    }),
    // A section heading never stays alone at the bottom of a page.
    // (The footer's own nodes are on every page; they carry the style 'footer' and do not count.)
    pageBreakBefore: (node, nodes) => node.headlineLevel === 1
      && nodes.getFollowingNodesOnPage().filter((n) => n.headlineLevel !== 1 && n.style !== 'footer').length < 2,
    content,
  };
}
