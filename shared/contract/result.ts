/** How every backend answer crosses a door (IPC, HTTP, command line): never a thrown error. */
export type ErrorCode =
  | 'invalid-input'     // the payload does not match the method's schema
  | 'not-found'         // the method, or a record it names, does not exist
  | 'conflict'          // e.g. a duplicate invoice number
  | 'forbidden'         // the action is not allowed in this state (e.g. editing a sent invoice)
  | 'unauthorized'      // browser shell: missing or wrong per-run secret
  | 'too-large'
  | 'import-failed'
  | 'database'          // the database cannot be opened or is from a newer app
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  /** Dutch, shown to the user as is. */
  message: string;
  /** English, for the English interface and for support. */
  messageEn?: string;
  /** Field-level messages for forms: path ("debtor.iban") → Dutch message. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
