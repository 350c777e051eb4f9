// Zip archives unpacked with a budget: the number of entries and the bytes actually inflated are
// counted while inflating (the sizes in the headers are not trusted), so a zip bomb stops early.
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { ImportError } from './importError';
import { MAX_ZIP_ENTRIES, MAX_ZIP_UNCOMPRESSED_BYTES } from './limits';
import { isZip } from './textDecoding';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

export interface ZipLimits {
  maxEntries?: number;
  maxTotalBytes?: number;
}

/** Entries that are not content: folders, macOS resource forks, hidden files. */
const isJunk = (name: string) => name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\.[^/]*$/.test(name) || /(^|\/)Thumbs\.db$/i.test(name);

/** Feeds the archive in small pieces so no single inflate step can produce more than ~16 MB. */
const CHUNK = 16 * 1024;

export function unzipSafely(bytes: Uint8Array, limits: ZipLimits = {}): ZipEntry[] {
  const maxEntries = limits.maxEntries ?? MAX_ZIP_ENTRIES;
  const maxTotal = limits.maxTotalBytes ?? MAX_ZIP_UNCOMPRESSED_BYTES;
  if (!isZip(bytes)) throw new ImportError('malformed', 'Dit is geen geldig zip-bestand.', 'This is not a valid zip file.');

  const entries: ZipEntry[] = [];
  let total = 0;
  let count = 0;
  let failure: ImportError | null = null;
  let pending = 0;
  const open: UnzipFile[] = [];

  const unzip = new Unzip((file) => {
    if (failure) return;
    count++;
    if (count > maxEntries) {
      failure = new ImportError('zip-too-many-files', `Het zip-bestand bevat te veel bestanden (meer dan ${maxEntries}).`, `The zip file contains too many files (more than ${maxEntries}).`, { limit: maxEntries });
      return;
    }
    if (isJunk(file.name)) return;
    if (file.compression !== 0 && file.compression !== 8) {
      failure = new ImportError('unsupported-format', `${file.name}: dit zip-bestand gebruikt een compressie of versleuteling die Openstaand niet kan openen. Pak het zelf uit en kies de bestanden los.`, `${file.name}: this zip uses a compression or encryption Openstaand cannot open. Unpack it yourself and choose the files separately.`);
      return;
    }
    const chunks: Uint8Array[] = [];
    open.push(file);
    pending++;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = new ImportError('malformed', `Het zip-bestand is beschadigd (${file.name}).`, `The zip file is damaged (${file.name}).`);
        return;
      }
      total += chunk.length;
      if (total > maxTotal) {
        failure = new ImportError('zip-too-large', `Het zip-bestand pakt uit tot meer dan ${Math.round(maxTotal / (1024 * 1024))} MB; dat wordt niet geopend (mogelijk een zip-bom).`, `The zip file unpacks to more than ${Math.round(maxTotal / (1024 * 1024))} MB; it is not opened (possibly a zip bomb).`, { limit: maxTotal });
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        pending--;
        const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) { out.set(c, at); at += c.length; }
        entries.push({ name: file.name, bytes: out });
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  try {
    for (let i = 0; i < bytes.length && !failure; i += CHUNK) {
      unzip.push(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)), i + CHUNK >= bytes.length);
    }
  } catch (e) {
    if (e instanceof ImportError) throw e;
    failure ??= new ImportError('malformed', 'Het zip-bestand is beschadigd.', 'The zip file is damaged.');
  } finally {
    for (const f of open) {
      try { f.terminate(); } catch { /* already finished */ }
    }
  }
  if (failure) throw failure;
  if (pending > 0) throw new ImportError('malformed', 'Het zip-bestand is onvolledig of beschadigd.', 'The zip file is incomplete or damaged.');
  return entries;
}
