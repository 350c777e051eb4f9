import { ImportError } from './importError';

/** The largest file any import accepts (50 MiB): a year of statements of a busy business is far smaller. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** A zip may hold at most this many entries… */
export const MAX_ZIP_ENTRIES = 1000;
/** …and unpack to at most this many bytes in total (a zip bomb stops here). */
export const MAX_ZIP_UNCOMPRESSED_BYTES = MAX_IMPORT_BYTES;

const mib = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;

/** Refuses input larger than the limit before anything looks at its content. */
export function assertImportSize(bytes: Uint8Array, limit = MAX_IMPORT_BYTES): void {
  if (bytes.length > limit) {
    throw new ImportError(
      'too-large',
      `Het bestand is te groot (${mib(bytes.length)}); het maximum is ${mib(limit)}. Exporteer een kortere periode.`,
      `The file is too large (${mib(bytes.length)}); the maximum is ${mib(limit)}. Export a shorter period.`,
      { size: bytes.length, limit },
    );
  }
  if (bytes.length === 0) {
    throw new ImportError('empty', 'Het bestand is leeg.', 'The file is empty.');
  }
}
