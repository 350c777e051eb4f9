// A draft e-mail as an .eml file (RFC 5322 + MIME, RFC 2045–2047, RFC 2231): multipart/mixed with
// the text as UTF-8 quoted-printable and the PDF as a base64 attachment. `X-Unsent: 1` makes mail
// programs (Outlook, and others that honour it) open the file as a draft to edit and send: the app
// itself never sends mail.
import { createHash } from 'node:crypto';

export interface EmlInput {
  from?: { name: string; email: string } | null;
  to?: { name: string; email: string } | null;
  subject: string;
  /** Plain text; any line ending. */
  body: string;
  /** RFC 5322 date-time of the draft. */
  date: Date;
  attachments: { fileName: string; mimeType: string; bytes: Uint8Array }[];
}

const CRLF = '\r\n';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `Tue, 24 Nov 2026 10:05:00 +0000` */
export function rfc5322Date(d: Date): string {
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

const isPlainAscii = (s: string) => /^[\x20-\x7e]*$/.test(s);

/**
 * A header value as RFC 2047 encoded-words (`=?UTF-8?B?…?=`) when it is not plain ASCII, each word
 * at most 75 characters and never splitting a character, folded onto continuation lines.
 */
export function encodeWords(text: string): string {
  if (isPlainAscii(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) { words.push(chunk); chunk = ''; }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(`${CRLF} `);
}

function mailbox(m: { name: string; email: string }): string {
  const name = m.name.replace(/[\r\n]/g, ' ').trim();
  if (!name) return `<${m.email}>`;
  const display = isPlainAscii(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeWords(name);
  return `${display} <${m.email}>`;
}

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text: lines of at most 76 characters, CRLF line ends. */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bytes = Buffer.from(line, 'utf8');
    const tokens: string[] = [];
    bytes.forEach((b, i) => {
      const last = i === bytes.length - 1;
      if ((b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last)) tokens.push(String.fromCharCode(b));
      else tokens.push(`=${b.toString(16).toUpperCase().padStart(2, '0')}`);
    });
    let current = '';
    for (const token of tokens) {
      if (current.length + token.length > 75) { out.push(`${current}=`); current = ''; }
      current += token;
    }
    out.push(current);
  }
  return out.join(CRLF);
}

function base64Lines(bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return (b64.match(/.{1,76}/g) ?? []).join(CRLF);
}

/** An ASCII-only stand-in for a file name (the real one goes in filename*). */
function asciiFileName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}

function rfc2231(name: string): string {
  return `UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export function buildEml(input: EmlInput): Uint8Array {
  const boundary = `=_Openstaand_${createHash('sha256').update(input.subject).update(input.body).update(String(input.date.getTime())).digest('hex').slice(0, 24)}`;
  const headers = [
    'MIME-Version: 1.0',
    `Date: ${rfc5322Date(input.date)}`,
    ...(input.from ? [`From: ${mailbox(input.from)}`] : []),
    ...(input.to ? [`To: ${mailbox(input.to)}`] : []),
    `Subject: ${encodeWords(input.subject.replace(/[\r\n]+/g, ' ').trim())}`,
    'X-Unsent: 1',
    'X-Mailer: Openstaand',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const parts = [
    [
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(input.body),
    ].join(CRLF),
    ...input.attachments.map((a) => [
      `Content-Type: ${a.mimeType}; name="${asciiFileName(a.fileName)}"`,
      `Content-Disposition: attachment; filename="${asciiFileName(a.fileName)}";${CRLF} filename*=${rfc2231(a.fileName)}`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(a.bytes),
    ].join(CRLF)),
  ];
  const text = [
    ...headers,
    '',
    'This is a multi-part message in MIME format.',
    ...parts.flatMap((p) => [`--${boundary}`, p]),
    `--${boundary}--`,
    '',
  ].join(CRLF);
  return new Uint8Array(Buffer.from(text, 'utf8'));
}
