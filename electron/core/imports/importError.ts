/**
 * Why an import file was refused. `message` is Dutch (shown to the user), `messageEn` English.
 * Every parser in this folder throws only this error for bad input.
 */
export type ImportErrorCode =
  | 'too-large'
  | 'empty'
  | 'not-xml'
  | 'not-csv'
  | 'not-mt940'
  | 'not-text'
  | 'xml-entities'
  | 'malformed'
  | 'unsupported-format'
  | 'balance-mismatch'
  | 'encoding'
  | 'zip-too-large'
  | 'zip-too-many-files';

export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly messageEn: string,
    readonly details?: Readonly<Record<string, string | number>>,
  ) {
    super(message);
  }

  /** The same error with the file (or zip entry) named in front of the message. */
  inFile(fileName: string): ImportError {
    if (!fileName || this.details?.['file'] !== undefined) return this;
    return new ImportError(this.code, `${fileName}: ${this.message}`, `${fileName}: ${this.messageEn}`, {
      ...this.details,
      file: fileName,
    });
  }
}

export const isImportError = (e: unknown): e is ImportError => e instanceof ImportError;

/** A file that does not follow its format; `where` says where (e.g. "regel 12"). */
export function malformed(nl: string, en: string, details?: Record<string, string | number>): ImportError {
  return new ImportError('malformed', nl, en, details);
}

/** Anything but an ImportError escaping a parser becomes one: the user gets a message, not a crash. */
export function asImportError(e: unknown): ImportError {
  if (e instanceof ImportError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  // `internal` marks a fault of ours (a TypeError, a stack overflow on absurd nesting), not of the file.
  return new ImportError('malformed', `Het bestand kon niet worden gelezen (${msg}).`, `The file could not be read (${msg}).`, { internal: e instanceof Error ? e.name : typeof e });
}
