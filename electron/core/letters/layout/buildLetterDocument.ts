// The Dutch business letter as a pdfmake document definition. Pure: the same model gives the same
// definition; everything (amounts, interest, costs, dates, the EPC payload) comes computed from the
// caller, this module only arranges and formats it.
//
// Page 1 (A4, millimetres from the top left corner):
//   - letterhead in a column beside the envelope window (right of it for a left window, left of it
//     for a right window): logo, name, address, phone/e-mail/website, KvK, btw-id, IBAN, BIC;
//   - the window (DIN 5008 form B by default, 45/20 mm, 85 × 45 mm): a return-address line in its
//     top zone, the recipient's address below it;
//   - fold marks at 105 and 210 mm and the punch mark at 148.5 mm in the left margin;
//   - the body starts below the window and the letterhead.
// Later pages: a one-line header (recipient, reference, date). Every page: the sender's short
// details in the footer, plus "Pagina n van m" when there is more than one page.
import type {
  CanvasElement, Column, Content, ContentTable, CustomTableLayout, TableCell, TDocumentDefinitions,
} from 'pdfmake/interfaces';
import { a4PageSetup, A4_MM, mm, PDF_COLORS } from '../../pdf/page';
import {
  addressLines, formatCents, formatIban, formatLongDate, formatPercent, formatPostcode, formatShortDate,
  isNetherlands, returnAddressLine,
} from './format';
import type { LetterLanguage } from './format';
import { LABELS } from './labels';
import type { LetterLabels } from './labels';
import { parseBoldMarkup } from './markup';
import { DEFAULT_WINDOW } from './model';
import type { EnvelopeWindow, LetterModel } from './model';
import { epcQrSvg, QUIET_ZONE_MODULES } from './qr';

export { mm };
export const PAGE_MM = A4_MM;
/** Text margins. The top margin applies to later pages; page 1 starts its body below the window. */
export const MARGINS_MM = Object.freeze({ left: 25, top: 22, right: 20, bottom: 27 });
/** DIN 5008 form B folds (DL / EA5/6 envelope) and the punch mark. */
export const FOLD_MARKS_MM: readonly number[] = Object.freeze([105, 210]);
export const PUNCH_MARK_MM = 148.5;
/** Side length of the QR code's modules area (without its quiet zone); EPC advice: at least 25 mm. */
export const QR_SIZE_MM = 30;

const LETTERHEAD_TOP_MM = 15;
/** Horizontal inset of the address inside the window, so a letter that shifts a little still fits. */
const WINDOW_INSET_MM = 5;
/** The body starts this far below the window… */
const GAP_BELOW_WINDOW_MM = 8;
/** …and at least this far below the letterhead. */
const GAP_ABOVE_BODY_MM = 6;

const { text: COLOR_TEXT, muted: COLOR_MUTED, rule: COLOR_RULE, headerFill: COLOR_HEADER_FILL, boxFill: COLOR_BOX_FILL } = PDF_COLORS;
const COLOR_TEST = '#d0021b';

const BODY_FONT_SIZE = 10;
const TABLE_FONT_SIZE = 8.8;

/** Builds the document definition of one letter. Render it with renderPdf(). */
export function buildLetterDocument(model: LetterModel): TDocumentDefinitions {
  const lang: LetterLanguage = model.language;
  const labels = LABELS[lang];
  const window = model.window ?? DEFAULT_WINDOW;

  const content: Content[] = [
    ...windowContent(model, labels, window),
    topOfPageOne(model, labels, window),
    ...referenceBlock(model, labels),
    { text: model.salutation, margin: [0, 0, 0, 8] },
    ...model.paragraphs.map((paragraph): Content => ({
      text: parseBoldMarkup(paragraph).map((run) => ({ ...run, text: keepAmountsTogether(run.text) })),
      margin: [0, 0, 0, 7],
    })),
  ];
  if (model.specification) content.push(...specificationBlock(model, labels));
  if (model.interest) content.push(...interestBlock(model, labels));
  content.push(...summaryBlock(model, labels));
  if (model.payment) content.push(paymentBlock(model, labels));
  content.push(closingBlock(model, labels, !model.signatureBlock));
  if (model.signatureBlock) content.push(signatureBlock(model.signatureBlock));

  return {
    // Created at noon UTC on the letter's date: the same model always gives the same bytes.
    ...a4PageSetup({
      marginsMm: MARGINS_MM, language: lang === 'nl' ? 'nl-NL' : 'en-GB', date: model.date,
      title: model.subject, author: model.sender.name, subject: model.subject,
    }),
    defaultStyle: { font: 'Roboto', fontSize: BODY_FONT_SIZE, lineHeight: 1.22, color: COLOR_TEXT },
    styles: {
      heading: { fontSize: 10.5, bold: true, color: COLOR_TEXT },
      tableHeader: { bold: true, fontSize: TABLE_FONT_SIZE, color: COLOR_TEXT },
      table: { fontSize: TABLE_FONT_SIZE, lineHeight: 1.1 },
    },
    background: (currentPage) => (currentPage === 1 ? pageOneMarks(window, model.language, model.drawWindowOutline === true) : null),
    header: (currentPage) => (currentPage === 1 ? null : continuationHeader(model, labels)),
    footer: (currentPage, pageCount) => footerContent(model, labels, currentPage, pageCount),
    content,
  };
}

const NBSP = '\u00a0';

/** `€ 1.234,56` never breaks after the euro sign. */
function keepAmountsTogether(text: string): string {
  return text.replace(/€ (?=-?\d)/g, `€${NBSP}`);
}

/** Spaces that do not break: a footer item (`IBAN NL91 ABNA …`) stays on one line. */
function unbreakable(text: string): string {
  return text.replace(/ /g, NBSP);
}

// ---------------------------------------------------------------------------------------------
// Letterhead and window

/**
 * The top of page 1 in the flow: the letterhead in one column and, in the other, an empty block as
 * tall as the window. The body then starts below whichever ends lower, so a long letterhead can
 * never run into it. (The address itself is placed absolutely, see windowContent.)
 */
function topOfPageOne(model: LetterModel, labels: LetterLabels, window: EnvelopeWindow): Content {
  const column = letterheadColumn(window);
  const textWidthMm = PAGE_MM.width - MARGINS_MM.left - MARGINS_MM.right;
  const letterhead: Column = { width: mm(column.widthMm), stack: letterheadContent(model, labels, column.widthMm) };
  const spacerHeightMm = window.topMm + window.heightMm + GAP_BELOW_WINDOW_MM - LETTERHEAD_TOP_MM - GAP_ABOVE_BODY_MM;
  const spacer = (widthMm: number): Column => ({ width: mm(Math.max(0, widthMm)), canvas: [], margin: [0, Math.max(0, mm(spacerHeightMm)), 0, 0] });
  const offsetMm = column.leftMm - MARGINS_MM.left;
  const columns: Column[] = offsetMm > 0
    ? [spacer(offsetMm), letterhead]
    : [letterhead, spacer(textWidthMm - column.widthMm)];
  return { columns, columnGap: 0, margin: [0, mm(LETTERHEAD_TOP_MM - MARGINS_MM.top), 0, mm(GAP_ABOVE_BODY_MM)] };
}

/** The letterhead goes on the side of the page away from the window. */
function letterheadColumn(window: EnvelopeWindow): { leftMm: number; widthMm: number } {
  const windowCentre = window.leftMm + window.widthMm / 2;
  if (windowCentre <= PAGE_MM.width / 2) {
    const leftMm = Math.max(window.leftMm + window.widthMm + 10, 120);
    return { leftMm, widthMm: Math.max(40, PAGE_MM.width - MARGINS_MM.right - leftMm) };
  }
  const leftMm = MARGINS_MM.left;
  return { leftMm, widthMm: Math.max(40, Math.min(75, window.leftMm - 10 - leftMm)) };
}

function letterheadContent(model: LetterModel, labels: LetterLabels, widthMm: number): Content[] {
  const s = model.sender;
  const content: Content[] = [];
  if (s.logoPng && s.logoPng.length > 0) {
    content.push({ image: `data:image/png;base64,${Buffer.from(s.logoPng).toString('base64')}`, fit: [mm(Math.min(45, widthMm)), mm(18)], margin: [0, 0, 0, mm(3)] });
  }
  content.push({ text: s.name, fontSize: 13, bold: true, lineHeight: 1.1, margin: [0, 0, 0, 2] });

  const addressText = senderAddressLines(model);
  content.push({ text: addressText.join('\n'), fontSize: 8.5, lineHeight: 1.25, margin: [0, 0, 0, 5] });

  const contact: [string, string][] = [];
  if (s.phone) contact.push([labels.phone, s.phone]);
  if (s.email) contact.push([labels.email, s.email]);
  if (s.website) contact.push([labels.website, s.website]);
  const business: [string, string][] = [];
  if (s.kvk) business.push([labels.kvk, s.kvk]);
  if (s.vatId) business.push([labels.vatId, s.vatId]);
  business.push([labels.iban, formatIban(s.iban)]);
  if (s.bic) business.push([labels.bic, s.bic]);
  // One table for both groups, so that their values line up; a gap before the second group.
  const groups = [contact, business].filter((group) => group.length > 0);
  const rows = groups.flatMap((group, g) => group.map(([label, value], i): LabelValueRow => [label, value, g > 0 && i === 0 ? 2.2 : 0]));
  content.push(labelValueTable(rows, 8.5, [0, 0, 0, 0]));
  return content;
}

function senderAddressLines(model: LetterModel): string[] {
  const s = model.sender;
  // The sender's own address, written normally (the capitals are for the recipient's envelope).
  const lines = [s.contactName?.trim() ?? '', s.street.trim(), `${formatPostcode(s.postcode)} ${s.city.trim()}`];
  if (!isNetherlands(s.country)) lines.push(s.country!.trim());
  return lines.filter((line) => line !== '');
}

/** Label, value, and optionally extra space (mm) above the row. */
type LabelValueRow = [string, string] | [string, string, number];

/** A borderless two-column table: muted labels, values. */
function labelValueTable(rows: LabelValueRow[], fontSize: number, margin: [number, number, number, number]): Content {
  return {
    table: {
      widths: ['auto', '*'],
      body: rows.map(([label, value, gapMm]): TableCell[] => {
        const cellMargin: [number, number, number, number] = [0, mm(gapMm ?? 0), 0, 0];
        return [
          { text: label, color: COLOR_MUTED, fontSize, noWrap: true, margin: cellMargin },
          // A value without spaces (an e-mail address, a website) may break anywhere rather than run
          // off the page when it is longer than the column.
          { text: value, fontSize, margin: cellMargin, wordBreak: /\s/.test(value) ? 'normal' : 'break-all' },
        ];
      }),
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: (i) => (i === 0 ? 0 : 6), paddingRight: () => 0, paddingTop: () => 0.6, paddingBottom: () => 0.6 },
    margin,
  };
}

function windowContent(model: LetterModel, labels: LetterLabels, window: EnvelopeWindow): Content[] {
  const inset = Math.min(WINDOW_INSET_MM, window.widthMm / 10);
  const widthMm = window.widthMm - 2 * inset;
  const returnLine = returnAddressLine(model.sender);
  // About 0.5 em per character in Roboto; shrink a long return line rather than wrap it.
  const returnFontSize = Math.max(5.5, Math.min(7, mm(widthMm) / (returnLine.length * 0.5)));
  const lines = addressLines(model.recipient, labels.attention);
  const zoneMm = window.heightMm - window.returnLineMm - 2;
  // At 10 pt a line takes about 4.3 mm; more lines than fit get a smaller size.
  const addressFontSize = Math.min(10, (zoneMm / Math.max(lines.length, 1) / 4.3) * 10);
  return [
    {
      absolutePosition: { x: mm(window.leftMm + inset), y: mm(window.topMm + Math.max(0.8, window.returnLineMm - 3.8)) },
      columns: [{
        width: mm(widthMm),
        text: returnLine,
        fontSize: returnFontSize,
        lineHeight: 1,
        color: COLOR_MUTED,
        decoration: 'underline',
        decorationColor: COLOR_MUTED,
        noWrap: true,
      }],
    },
    {
      absolutePosition: { x: mm(window.leftMm + inset), y: mm(window.topMm + window.returnLineMm + 2) },
      columns: [{ width: mm(widthMm), text: lines.join('\n'), fontSize: addressFontSize, lineHeight: 1.2 }],
    },
  ];
}

function pageOneMarks(window: EnvelopeWindow, lang: LetterLanguage, outline: boolean): Content {
  const marks: CanvasElement[] = [
    ...FOLD_MARKS_MM.map((y): CanvasElement => ({ type: 'line', x1: mm(4), y1: mm(y), x2: mm(9), y2: mm(y), lineWidth: 0.5, lineColor: COLOR_MUTED })),
    { type: 'line', x1: mm(4), y1: mm(PUNCH_MARK_MM), x2: mm(11), y2: mm(PUNCH_MARK_MM), lineWidth: 0.5, lineColor: COLOR_MUTED },
  ];
  const stack: Content[] = [{ canvas: marks, absolutePosition: { x: 0, y: 0 } }];
  if (outline) {
    const w = window;
    stack.push({
      canvas: [
        { type: 'rect', x: mm(w.leftMm), y: mm(w.topMm), w: mm(w.widthMm), h: mm(w.heightMm), lineWidth: 0.8, lineColor: COLOR_TEST, dash: { length: 4, space: 2 } },
        { type: 'line', x1: mm(w.leftMm), y1: mm(w.topMm + w.returnLineMm), x2: mm(w.leftMm + w.widthMm), y2: mm(w.topMm + w.returnLineMm), lineWidth: 0.4, lineColor: COLOR_TEST, dash: { length: 2 } },
        ...FOLD_MARKS_MM.map((y): CanvasElement => ({ type: 'line', x1: 0, y1: mm(y), x2: mm(PAGE_MM.width), y2: mm(y), lineWidth: 0.3, lineColor: COLOR_TEST, dash: { length: 1, space: 3 } })),
      ],
      absolutePosition: { x: 0, y: 0 },
    });
    stack.push({
      absolutePosition: { x: mm(w.leftMm), y: mm(Math.max(2, w.topMm - 4.5)) },
      text: LABELS[lang].windowTest(fmtMm(w.widthMm, lang), fmtMm(w.heightMm, lang), fmtMm(w.topMm, lang), fmtMm(w.leftMm, lang)),
      fontSize: 7,
      color: COLOR_TEST,
    });
  }
  return { stack };
}

function fmtMm(value: number, lang: LetterLanguage): string {
  const text = String(Math.round(value * 10) / 10);
  return lang === 'nl' ? text.replace('.', ',') : text;
}

// ---------------------------------------------------------------------------------------------
// Body

/** Place and date, references, subject. */
function referenceBlock(model: LetterModel, labels: LetterLabels): Content[] {
  const rows: [string, string][] = [[labels.ourReference, model.ourReference]];
  if (model.yourReference?.trim()) rows.push([labels.yourReference, model.yourReference.trim()]);
  return [
    { text: `${model.place}, ${formatLongDate(model.date, model.language)}`, margin: [0, 0, 0, 8] },
    labelValueTable(rows, 9, [0, 0, 0, 8]),
    {
      text: [{ text: `${labels.subject}: ` }, { text: model.subject, bold: true }],
      margin: [0, 0, 0, 12],
    },
  ];
}

/**
 * Data tables: row 0 is the table's title and row 1 its column header; both repeat on every page
 * (headerRows: 2), and keepWithHeaderRows keeps them with the first data row, so a title never ends
 * a page on its own. The last row is the total.
 */
const dataTableLayout: CustomTableLayout = {
  hLineWidth: (i, node) => {
    const rows = node.table.body.length;
    if (i === 0) return 0;
    return i === 1 || i === 2 || i === rows - 1 || i === rows ? 0.7 : 0.3;
  },
  vLineWidth: () => 0,
  hLineColor: (i) => (i <= 2 ? '#8a8f94' : COLOR_RULE),
  fillColor: (rowIndex) => (rowIndex === 1 ? COLOR_HEADER_FILL : null),
  paddingLeft: (i) => (i === 0 ? 4 : 6),
  paddingRight: (i, node) => (i === (node.table.widths?.length ?? 1) - 1 ? 4 : 6),
  paddingTop: (row) => (row === 0 ? 6 : 2.6),
  paddingBottom: (row) => (row === 0 ? 4 : 2.6),
};

/** The title row of a data table: one cell over all columns, flush with the body text. */
function titleRow(text: string, columns: number): TableCell[] {
  const cells: TableCell[] = [{ text, style: 'heading', colSpan: columns, margin: [-4, 0, 0, 0] }];
  for (let i = 1; i < columns; i++) cells.push({});
  return cells;
}

function headerCell(text: string, alignment: 'left' | 'right' = 'left'): TableCell {
  return { text, style: 'tableHeader', alignment };
}

function amountCell(amount: number, lang: LetterLanguage, bold = false): TableCell {
  return { text: formatCents(amount, lang), alignment: 'right', noWrap: true, bold };
}

function specificationBlock(model: LetterModel, labels: LetterLabels): Content[] {
  const spec = model.specification!;
  const lang = model.language;
  const body: TableCell[][] = [titleRow(labels.specification, 6), [
    headerCell(labels.invoiceNumber),
    headerCell(labels.invoiceDate),
    headerCell(labels.dueDate),
    headerCell(labels.amount, 'right'),
    headerCell(labels.paid, 'right'),
    headerCell(labels.open, 'right'),
  ]];
  for (const row of spec.rows) {
    body.push([
      { text: row.number },
      { text: formatShortDate(row.invoiceDate, lang), noWrap: true },
      { text: formatShortDate(row.dueDate, lang), noWrap: true },
      amountCell(row.amount, lang),
      amountCell(row.paid, lang),
      amountCell(row.open, lang),
    ]);
  }
  body.push([
    { text: labels.totalOpen, bold: true, colSpan: 5 }, {}, {}, {}, {},
    amountCell(spec.totalOpen, lang, true),
  ]);
  const table: ContentTable = {
    style: 'table',
    table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths: ['*', 62, 62, 66, 66, 70], body },
    layout: dataTableLayout,
    margin: [0, 0, 0, 10],
  };
  return [table];
}

function interestBlock(model: LetterModel, labels: LetterLabels): Content[] {
  const interest = model.interest!;
  const lang = model.language;
  // Periods of several invoices in one table get a first column naming the invoice.
  const labelled = interest.periods.some((p) => p.label !== undefined && p.label !== '');
  const columns = labelled ? 7 : 6;
  const body: TableCell[][] = [titleRow(`${labels.interest}: ${interest.kindLabel}`, columns), [
    ...(labelled ? [headerCell(labels.invoiceNumber)] : []),
    headerCell(labels.from),
    headerCell(labels.to),
    headerCell(labels.days, 'right'),
    headerCell(labels.rate, 'right'),
    headerCell(labels.base, 'right'),
    headerCell(labels.interestAmount, 'right'),
  ]];
  for (const p of interest.periods) {
    body.push([
      ...(labelled ? [{ text: p.label ?? '' }] : []),
      { text: formatShortDate(p.from, lang), noWrap: true },
      { text: formatShortDate(p.to, lang), noWrap: true },
      { text: String(p.days), alignment: 'right' },
      { text: formatPercent(p.percent, lang), alignment: 'right', noWrap: true },
      amountCell(p.base, lang),
      amountCell(p.interest, lang),
    ]);
  }
  const spanned: TableCell[] = Array.from({ length: columns - 2 }, () => ({}));
  body.push([
    { text: labels.totalInterest, bold: true, colSpan: columns - 1 }, ...spanned,
    amountCell(interest.total, lang, true),
  ]);
  const widths: (number | '*')[] = labelled ? ['*', 54, 54, 30, 48, 62, 62] : [62, 62, '*', 66, 66, 70];
  return [{
    style: 'table',
    table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths, body },
    layout: dataTableLayout,
    margin: [0, 0, 0, 10],
  }];
}

/** The sum: outstanding invoices, interest, collection costs (and their VAT), total due. */
function summaryBlock(model: LetterModel, labels: LetterLabels): Content[] {
  const lang = model.language;
  const rows: TableCell[][] = [];
  const hasExtras = model.interest !== undefined || model.costs !== undefined;
  if (model.specification && hasExtras) rows.push([{ text: labels.principal }, amountCell(model.specification.totalOpen, lang)]);
  if (model.interest) rows.push([{ text: labels.interest }, amountCell(model.interest.total, lang)]);
  if (model.costs) {
    rows.push([
      { stack: [{ text: labels.costs }, { text: model.costs.explanation, fontSize: 7.8, color: COLOR_MUTED, margin: [0, 1, 0, 0] }] },
      amountCell(model.costs.amount, lang),
    ]);
    if (model.costs.vat !== undefined) rows.push([{ text: labels.costsVat }, amountCell(model.costs.vat, lang)]);
  }
  const totalRow = model.totalDue !== undefined;
  if (totalRow) rows.push([{ text: labels.totalDue, bold: true }, amountCell(model.totalDue!, lang, true)]);
  if (rows.length === 0) return [];
  const last = rows.length;
  return [{
    unbreakable: true,
    style: 'table',
    table: { widths: ['*', 70], body: rows, dontBreakRows: true },
    layout: {
      hLineWidth: (i) => (totalRow && i === last - 1 ? 0.8 : 0),
      vLineWidth: () => 0,
      hLineColor: () => '#8a8f94',
      paddingLeft: (i) => (i === 0 ? 4 : 6),
      paddingRight: (i) => (i === 1 ? 4 : 6),
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    fontSize: 9.5,
    margin: [0, 0, 0, 12],
  }];
}

function paymentBlock(model: LetterModel, labels: LetterLabels): Content {
  const p = model.payment!;
  const lang = model.language;
  const rows: [string, string][] = [[labels.payAmount, formatCents(p.amount, lang)]];
  rows.push([labels.iban, formatIban(p.iban)]);
  if (p.bic) rows.push([labels.bic, p.bic]);
  rows.push([labels.accountName, p.accountName]);
  rows.push([p.referenceLabel ?? labels.reference, p.reference]);
  if (p.lastDay) rows.push([labels.lastDay, formatLongDate(p.lastDay, lang)]);
  const details: Content = {
    stack: [
      { text: labels.payment, bold: true, fontSize: 10, margin: [0, 0, 0, 5] },
      {
        table: {
          widths: ['auto', '*'],
          body: rows.map(([label, value], i): TableCell[] => [
            { text: label, color: COLOR_MUTED, noWrap: true },
            { text: value, bold: i === 0 || label === (p.referenceLabel ?? labels.reference) },
          ]),
        },
        layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: (i) => (i === 0 ? 0 : 10), paddingRight: () => 0, paddingTop: () => 1.4, paddingBottom: () => 1.4 },
        fontSize: 9.5,
      },
    ],
  };
  const cells: TableCell[] = [details];
  const widths: ('*' | number)[] = ['*'];
  if (p.qrPayload) {
    const qr = epcQrSvg(p.qrPayload);
    const totalModules = qr.modules + 2 * QUIET_ZONE_MODULES;
    const sidePt = mm(QR_SIZE_MM) * (totalModules / qr.modules);
    cells.push({
      stack: [
        { svg: qr.svg, width: sidePt, height: sidePt },
        { text: labels.scanToPay, fontSize: 7.5, color: COLOR_MUTED, alignment: 'center', margin: [0, -3, 0, 0] },
      ],
    });
    widths.push(sidePt);
  }
  return {
    unbreakable: true,
    table: { widths, body: [cells] },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      hLineColor: () => COLOR_RULE,
      vLineColor: () => COLOR_RULE,
      fillColor: () => COLOR_BOX_FILL,
      paddingLeft: (i) => (i === 0 ? 10 : 0),
      paddingRight: (i) => (i === cells.length - 1 ? 6 : 6),
      paddingTop: () => 8,
      paddingBottom: () => 6,
    },
    margin: [0, 2, 0, 14],
  };
}

/**
 * Closing, room to sign, name, and the enclosures: kept together on one page. As the last block
 * it has no bottom margin: pdfmake would start an empty page for a margin that no longer fits.
 */
function closingBlock(model: LetterModel, labels: LetterLabels, last: boolean): Content {
  const stack: Content[] = [
    { text: model.closing },
    { text: model.signatureName, margin: [0, mm(14), 0, 0] },
  ];
  if (model.sender.name.trim() !== model.signatureName.trim()) stack.push({ text: model.sender.name, color: COLOR_MUTED });
  const attachments = (model.attachments ?? []).filter((a) => a.trim() !== '');
  if (attachments.length > 0) {
    stack.push({ text: `${labels.attachments}:`, bold: true, fontSize: 9, margin: [0, 12, 0, 0] });
    stack.push({ ul: attachments, fontSize: 9, margin: [0, 1, 0, 0] });
  }
  return { stack, unbreakable: true, margin: [0, 0, 0, last ? 0 : 12] };
}

/** "Voor akkoord": a heading and, per field, a label and a line to write on. */
function signatureBlock(block: { heading: string; fields: string[] }): Content {
  return {
    unbreakable: true,
    margin: [0, 4, 0, 12],
    stack: [
      { text: block.heading, bold: true, margin: [0, 0, 0, 2] },
      {
        table: {
          widths: ['auto', mm(75)],
          body: block.fields.map((field): TableCell[] => [
            { text: `${field}:`, border: [false, false, false, false] },
            { text: ' ', border: [false, false, false, true] },
          ]),
        },
        layout: {
          hLineWidth: () => 0.5,
          vLineWidth: () => 0,
          hLineColor: () => COLOR_MUTED,
          paddingLeft: (i) => (i === 0 ? 0 : 6),
          paddingRight: () => 0,
          paddingTop: () => mm(6),
          paddingBottom: () => 1,
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Header and footer

function continuationHeader(model: LetterModel, labels: LetterLabels): Content {
  const parts = [model.recipient.name, `${labels.ourReference} ${model.ourReference}`, formatLongDate(model.date, model.language)];
  return {
    text: `${parts.join(' · ')} (${labels.continued})`,
    fontSize: 7.5,
    color: COLOR_MUTED,
    margin: [mm(MARGINS_MM.left), mm(11), mm(MARGINS_MM.right), 0],
  };
}

function footerContent(model: LetterModel, labels: LetterLabels, currentPage: number, pageCount: number): Content {
  const s = model.sender;
  const details = [s.name, returnAddressLine({ ...s, name: '' }).replace(/^ · /, '')];
  if (s.kvk) details.push(`${labels.kvk} ${s.kvk}`);
  if (s.vatId) details.push(`${labels.vatId} ${s.vatId}`);
  details.push(`${labels.iban} ${formatIban(s.iban)}`);
  const widthPt = mm(PAGE_MM.width - MARGINS_MM.left - MARGINS_MM.right);
  const stack: Content[] = [
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: widthPt, y2: 0, lineWidth: 0.4, lineColor: COLOR_RULE }], margin: [0, 0, 0, 3] },
  ];
  if (model.footerNote?.trim()) stack.push({ text: model.footerNote.trim(), margin: [0, 0, 0, 1] });
  stack.push({
    columns: [
      { width: '*', text: details.map(unbreakable).join(' · ') },
      { width: 'auto', text: pageCount > 1 ? labels.page(currentPage, pageCount) : '', alignment: 'right', noWrap: true, margin: [8, 0, 0, 0] },
    ],
  });
  return {
    stack,
    fontSize: 7,
    lineHeight: 1.2,
    color: COLOR_MUTED,
    margin: [mm(MARGINS_MM.left), mm(8), mm(MARGINS_MM.right), 0],
  };
}
