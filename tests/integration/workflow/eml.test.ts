// The .eml a mail program opens as a draft: parsed here with a small MIME parser of our own
// (RFC 5322 headers with folding, RFC 2047 encoded words, multipart/mixed, quoted-printable and
// base64), and its PDF attachment compared byte for byte with the document stored when the mail is
// marked as sent.
import { describe, expect, it } from 'vitest';
import { call, TODAY, withBackend } from '../../helpers/backend';
import { customerWithInvoice } from './helpers';

interface Part { headers: Map<string, string>; body: string }

/** Header block → map (lower-case names), unfolding continuation lines. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const at = line.indexOf(':');
    if (at <= 0) throw new Error(`Not a header line: ${JSON.stringify(line)}`);
    headers.set(line.slice(0, at).toLowerCase(), line.slice(at + 1).trim());
  }
  return headers;
}

function splitPart(text: string): Part {
  const at = text.indexOf('\r\n\r\n');
  if (at < 0) throw new Error('No blank line between headers and body');
  return { headers: parseHeaders(text.slice(0, at)), body: text.slice(at + 4) };
}

/** RFC 2047: `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=` words; whitespace between adjacent words is dropped. */
function decodeWords(value: string): string {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, enc: string, data: string) => {
    expect(charset.toUpperCase()).toBe('UTF-8');
    const bytes = enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    return bytes.toString('utf8');
  });
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const raw = text.replace(/=\r\n/g, '');
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '=') { bytes.push(parseInt(raw.slice(i + 1, i + 3), 16)); i += 2; } else bytes.push(raw.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

function param(header: string, name: string): string | undefined {
  return new RegExp(`${name}="([^"]*)"`, 'i').exec(header)?.[1];
}

function parseEml(bytes: Buffer) {
  const text = bytes.toString('utf8');
  const top = splitPart(text);
  const contentType = top.headers.get('content-type') ?? '';
  expect(contentType).toMatch(/^multipart\/mixed;/);
  const boundary = param(contentType, 'boundary')!;
  expect(boundary).toBeTruthy();
  const sections = top.body.split(`--${boundary}`);
  // preamble, parts…, and the closing `--` after the last delimiter
  expect(sections[sections.length - 1]!.startsWith('--')).toBe(true);
  const parts = sections.slice(1, -1).map((s) => splitPart(s.replace(/^\r\n/, '').replace(/\r\n$/, '')));
  return { text, headers: top.headers, parts };
}

describe('reminders.eml', () => {
  it('is a valid MIME draft: UTF-8 headers, X-Unsent: 1, the text quoted-printable, the PDF attached and identical to the stored document', async () => {
    const { backend } = await withBackend();
    const { debtor, invoice } = await customerWithInvoice(backend, TODAY, { name: 'Kemal Özdemir', kind: 'consumer', contactName: 'Kemal Özdemir', email: 'k.ozdemir@mail.example', daysAgo: 7 });
    const draft = await call(backend, 'reminders.draft', { debtorId: debtor.id, step: 'reminder-1' });
    // The user edits: a long line with non-ASCII text, a trailing space, an "=" sign.
    const subject = `${draft.subject} — graag vóór 1 december, Özdemir`;
    const body = `${draft.body}\nÉén regel met een heel lange zin die langer is dan zesenzeventig tekens, zodat hij gevouwen moet worden = ok. \nLaatste regel.`;
    const request = { debtorId: debtor.id, step: 'reminder-1' as const, subject, body, invoiceIds: [invoice.id] };
    const file = await call(backend, 'reminders.eml', request);
    expect(file.mimeType).toBe('message/rfc822');
    expect(file.fileName).toMatch(/\.eml$/);
    const eml = parseEml(Buffer.from(file.dataBase64, 'base64'));

    // Every line ends in CRLF and stays within 998 characters; header lines are plain ASCII.
    expect(eml.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(Math.max(...eml.text.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(998);
    const headerBlock = eml.text.slice(0, eml.text.indexOf('\r\n\r\n'));
    expect(headerBlock).toMatch(/^[\x20-\x7e\r\n\t]*$/);

    const h = eml.headers;
    expect(h.get('mime-version')).toBe('1.0');
    expect(h.get('x-unsent')).toBe('1');
    expect(h.get('date')).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(decodeWords(h.get('subject')!)).toBe(subject);
    expect(decodeWords(h.get('to')!)).toBe('Kemal Özdemir <k.ozdemir@mail.example>');
    expect(decodeWords(h.get('from')!)).toBe('"Ontwerpstudio Test" <noor@studio.example>');

    expect(eml.parts).toHaveLength(2);
    const [textPart, pdfPart] = eml.parts as [Part, Part];
    expect(textPart.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(textPart.headers.get('content-transfer-encoding')).toBe('quoted-printable');
    expect(Math.max(...textPart.body.split('\r\n').map((l) => l.length))).toBeLessThanOrEqual(76);
    expect(decodeQuotedPrintable(textPart.body)).toBe(body.replace(/\n/g, '\r\n'));

    expect(pdfPart.headers.get('content-type')).toMatch(/^application\/pdf; name="[^"]+\.pdf"$/);
    expect(pdfPart.headers.get('content-disposition')).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''.+\.pdf$/);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(pdfPart.headers.get('content-disposition')!)![1]!)).toContain('Özdemir');
    expect(pdfPart.headers.get('content-transfer-encoding')).toBe('base64');
    const pdf = Buffer.from(pdfPart.body.replace(/\r\n/g, ''), 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.equals(Buffer.from(draft.attachment.dataBase64, 'base64'))).toBe(true);

    // Marked as sent: the stored attachment is exactly the PDF the mail program got.
    const sent = await call(backend, 'reminders.markSent', request);
    const stored = backend.context.sqlite.prepare('SELECT bytes, kind, mime_type FROM documents WHERE id = ?').get(sent.pdfDocumentId) as { bytes: Buffer; kind: string; mime_type: string };
    expect(stored).toMatchObject({ kind: 'reminder', mime_type: 'application/pdf' });
    expect(Buffer.compare(stored.bytes, pdf)).toBe(0);
  });

  it('leaves out To when the customer has no e-mail address (the user fills it in)', async () => {
    const { backend } = await withBackend();
    const { debtor, invoice } = await customerWithInvoice(backend, TODAY, { email: null, daysAgo: 7 });
    const draft = await call(backend, 'reminders.draft', { debtorId: debtor.id, step: 'reminder-1' });
    expect(draft.to).toBeNull();
    const file = await call(backend, 'reminders.eml', { debtorId: debtor.id, step: 'reminder-1', subject: draft.subject, body: draft.body, invoiceIds: [invoice.id] });
    const eml = parseEml(Buffer.from(file.dataBase64, 'base64'));
    expect(eml.headers.has('to')).toBe(false);
    expect(eml.headers.get('x-unsent')).toBe('1');
  });
});
