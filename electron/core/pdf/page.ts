// The page setup that our own documents share (the letters, the handover's overzicht.pdf): A4
// portrait, margins in millimetres, the document's language, and a creation date fixed to noon UTC
// of the document's date, so that the same input always gives the same bytes.
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * The colours of every PDF we make, so a letter, the call sheet and the agency's overzicht look like
 * one app: near-black text, grey secondary text and rules, light fills for table heads and boxes.
 */
export const PDF_COLORS = Object.freeze({
  text: '#1a1a1a',
  muted: '#5f6368',
  rule: '#b0b4b8',
  headerFill: '#eef0f2',
  boxFill: '#f6f7f8',
});

/** Creator and producer in the metadata of every PDF we make. */
export const PDF_PRODUCER = 'Openstaand';

const PT_PER_MM = 72 / 25.4;
/** Millimetres to PDF points. */
export const mm = (value: number): number => value * PT_PER_MM;

export const A4_MM = Object.freeze({ width: 210, height: 297 });

export interface MarginsMm { left: number; top: number; right: number; bottom: number }

/** Noon UTC on `yyyy-MM-dd`: a date-only document gets the same timestamp on every run, in every zone. */
export function noonUtc(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/** The page and metadata part of a document definition; the caller adds styles and content. */
export function a4PageSetup(setup: {
  marginsMm: MarginsMm;
  /** BCP 47, e.g. nl-NL. */
  language: string;
  /** The document's date (yyyy-MM-dd); its creation date is noon UTC on that day. */
  date: string;
  title: string;
  author: string;
  subject: string;
}): Pick<TDocumentDefinitions, 'pageSize' | 'pageOrientation' | 'pageMargins' | 'language' | 'info'> {
  const m = setup.marginsMm;
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: [mm(m.left), mm(m.top), mm(m.right), mm(m.bottom)],
    language: setup.language,
    info: {
      title: setup.title,
      author: setup.author,
      subject: setup.subject,
      creator: PDF_PRODUCER,
      producer: PDF_PRODUCER,
      creationDate: noonUtc(setup.date),
    },
  };
}
