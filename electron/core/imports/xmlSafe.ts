// XML read safely: size first, then text checks, DOCTYPE/ENTITY refused before any parser sees
// the file (no external entities, no entity expansion), then one strict pass (xmlReader.ts) that
// checks well-formedness with a readable message and builds the tree, every value a string.
// (fast-xml-parser did this in two passes before; at 10,000 lines it took seconds.)
import { ImportError } from './importError';
import { readXml, XmlSyntaxError } from './xmlReader';
import { assertImportSize } from './limits';
import { decodeAs, decodeText, looksBinary, notTextError } from './textDecoding';

/** A parsed element: child elements by local name (always arrays), `#text`, `@_attr`. */
export type XNode = { readonly [key: string]: unknown };

export interface ParsedXml {
  /** Local name of the root element (namespace prefix removed). */
  rootName: string;
  /** Namespace URI of the root element, when declared. */
  namespace?: string;
  root: XNode;
}


const SINGLE_BYTE: Record<string, 'windows-1252' | 'iso-8859-1' | 'iso-8859-15'> = {
  'iso-8859-1': 'iso-8859-1', latin1: 'iso-8859-1', 'iso_8859-1': 'iso-8859-1', 'l1': 'iso-8859-1',
  'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'iso-8859-15': 'iso-8859-15', latin9: 'iso-8859-15',
};

/** Bytes to text, honouring the encoding the XML declaration names. */
function decodeXml(bytes: Uint8Array): string {
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const declared = /^(?:\xef\xbb\xbf)?\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return decodeText(bytes).text;
  if (declared && SINGLE_BYTE[declared]) return decodeAs(bytes, SINGLE_BYTE[declared]);
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && declared !== 'us-ascii' && declared !== 'ascii') {
    throw new ImportError('encoding', `Het XML-bestand gebruikt tekenset "${declared}"; Openstaand leest UTF-8, ISO-8859-1 en Windows-1252.`, `The XML file uses character set "${declared}"; Openstaand reads UTF-8, ISO-8859-1 and Windows-1252.`);
  }
  try {
    return decodeAs(bytes, 'utf-8');
  } catch {
    throw new ImportError('encoding', 'Het XML-bestand is geen geldige UTF-8-tekst (maar zegt dat wel te zijn).', 'The XML file is not valid UTF-8 text (though it says it is).');
  }
}

/** Refuses DTDs outright: they are the door for XXE (external entities) and billion-laughs bombs. */
export function assertNoDtd(text: string): void {
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    throw new ImportError(
      'xml-entities',
      'Het XML-bestand bevat een DOCTYPE- of ENTITY-declaratie. Bankafschriften en e-facturen hebben die nooit nodig; om veiligheidsredenen wordt het bestand niet gelezen.',
      'The XML file contains a DOCTYPE or ENTITY declaration. Bank statements and e-invoices never need one; for safety the file is not read.',
    );
  }
}

function rootNamespace(text: string): string | undefined {
  const start = /<(?![?!])(?:([A-Za-z_][\w.-]*):)?[A-Za-z_][\w.-]*([^>]*)>/.exec(text);
  if (!start) return undefined;
  const prefix = start[1];
  const attrs = start[2] ?? '';
  const re = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*["']([^"']*)["']`) : /xmlns\s*=\s*["']([^"']*)["']/;
  return re.exec(attrs)?.[1];
}

/** Parses XML bytes into a tree of XNode, or throws ImportError. */
export function parseXmlSafely(bytes: Uint8Array, fileName = ''): ParsedXml {
  assertImportSize(bytes);
  if (looksBinary(bytes)) throw notTextError(fileName, 'xml');
  const text = decodeXml(bytes);
  if (!/^\s*</.test(text)) {
    throw new ImportError('not-xml', 'Dit is geen XML-bestand (het begint niet met "<").', 'This is not an XML file (it does not start with "<").');
  }
  assertNoDtd(text);
  let read: ReturnType<typeof readXml>;
  try {
    read = readXml(text);
  } catch (e) {
    if (!(e instanceof XmlSyntaxError)) {
      throw new ImportError('malformed', `Het XML-bestand kon niet worden gelezen: ${(e as Error).message}`, `The XML file could not be read: ${(e as Error).message}`);
    }
    const { line, column, nl, en } = e.detail;
    throw new ImportError('malformed', `Het XML-bestand is beschadigd of onvolledig (regel ${line}, kolom ${column}): ${nl}.`, `The XML file is damaged or incomplete (line ${line}, column ${column}): ${en}.`, { line, column });
  }
  const colon = read.rootQName.indexOf(':');
  const rootName = colon === -1 ? read.rootQName : read.rootQName.slice(colon + 1);
  return { rootName, namespace: rootNamespace(text), root: read.root as XNode };
}

// --- reading the tree -------------------------------------------------------------------------

/** The child elements with this local name. */
export function kids(node: XNode | undefined, name: string): XNode[] {
  const v = node?.[name];
  return Array.isArray(v) ? (v as XNode[]).filter((x) => x !== null && typeof x === 'object') : [];
}

/** The first element along a path of local names. */
export function kid(node: XNode | undefined, ...path: string[]): XNode | undefined {
  let cur = node;
  for (const name of path) {
    cur = kids(cur, name)[0];
    if (!cur) return undefined;
  }
  return cur;
}

/** All elements along a path (every branch). */
export function all(node: XNode | undefined, ...path: string[]): XNode[] {
  let cur: XNode[] = node ? [node] : [];
  for (const name of path) cur = cur.flatMap((n) => kids(n, name));
  return cur;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined XML entities and character references; nothing else is ever expanded. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** The element's text (entities decoded, CDATA appended, trimmed); undefined when empty or absent. */
export function txt(node: XNode | undefined): string | undefined {
  if (!node) return undefined;
  let s = typeof node['#text'] === 'string' ? decodeXmlEntities(node['#text']) : '';
  for (const c of kids(node, '#cdata')) if (typeof c['#text'] === 'string') s += c['#text'];
  s = s.trim();
  return s === '' ? undefined : s;
}

/** Text of the first element along a path. */
export const val = (node: XNode | undefined, ...path: string[]) => txt(kid(node, ...path));

/** An attribute's value (entities decoded). */
export function attr(node: XNode | undefined, name: string): string | undefined {
  const v = node?.[`@_${name}`];
  return typeof v === 'string' ? decodeXmlEntities(v) : undefined;
}

/** Collapses runs of whitespace (newlines in descriptions) to one space. */
export const oneLine = (s: string | undefined) => (s === undefined ? undefined : s.replace(/\s+/g, ' ').trim() || undefined);
