// Unpacking the moving zip (backup.importAll) with a budget. Only the entries we expect are
// accepted, each with its own size limit counted while inflating (the sizes a zip declares are
// not trusted), so a zip bomb stops after at most its limit, and nothing else in the archive
// (folders, other files, a second copy of an entry) is ever unpacked.
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { refuse } from './inspect';

/** Feeds the archive in small pieces so no single inflate step can produce much at once. */
const CHUNK = 64 * 1024;

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** `allowed`: entry name → the most bytes it may unpack to. Every allowed entry must be present, once. */
export function unzipExactly(bytes: Uint8Array, allowed: Record<string, number>): Map<string, Uint8Array> {
  if (!isZip(bytes)) throw refuse('Dit is geen verhuisbestand van Openstaand (geen zip-bestand).', 'This is not an Openstaand moving file (not a zip file).');
  const entries = new Map<string, Uint8Array>();
  const seen = new Set<string>();
  const open: UnzipFile[] = [];
  let failure: Error | null = null;
  let pending = 0;

  const unzip = new Unzip((file) => {
    if (failure) return;
    const limit = Object.prototype.hasOwnProperty.call(allowed, file.name) ? allowed[file.name]! : undefined;
    if (limit === undefined) {
      failure = refuse(`Het verhuisbestand bevat iets wat er niet in hoort (${file.name.slice(0, 80)}).`, `The moving file contains something that does not belong in it (${file.name.slice(0, 80)}).`);
      return;
    }
    if (seen.has(file.name)) {
      failure = refuse(`Het verhuisbestand bevat ${file.name} twee keer.`, `The moving file contains ${file.name} twice.`);
      return;
    }
    seen.add(file.name);
    if (file.compression !== 0 && file.compression !== 8) {
      failure = refuse('Het verhuisbestand gebruikt een compressie of versleuteling die Openstaand niet kent.', 'The moving file uses a compression or encryption Openstaand does not know.');
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    pending++;
    open.push(file);
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = refuse('Het verhuisbestand is beschadigd.', 'The moving file is damaged.');
        return;
      }
      size += chunk.length;
      if (size > limit) {
        failure = refuse(`${file.name} in het verhuisbestand pakt uit tot meer dan toegestaan (mogelijk een zip-bom).`, `${file.name} in the moving file unpacks to more than allowed (possibly a zip bomb).`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) {
        pending--;
        entries.set(file.name, Buffer.concat(chunks));
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  try {
    for (let i = 0; i < bytes.length && !failure; i += CHUNK) unzip.push(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)), i + CHUNK >= bytes.length);
  } catch {
    failure ??= refuse('Het verhuisbestand is beschadigd.', 'The moving file is damaged.');
  } finally {
    for (const f of open) {
      try { f.terminate(); } catch { /* already finished */ }
    }
  }
  if (failure) throw failure;
  const missing = Object.keys(allowed).filter((name) => !entries.has(name));
  if (pending > 0 || missing.length > 0) {
    throw refuse(`Het verhuisbestand is onvolledig${missing.length ? ` (${missing.join(', ')} ontbreekt)` : ''}.`, `The moving file is incomplete${missing.length ? ` (${missing.join(', ')} missing)` : ''}.`);
  }
  return entries;
}
