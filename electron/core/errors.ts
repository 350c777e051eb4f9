import type { ApiError, ErrorCode } from '../../shared/contract';

/** An error the user can act on: a code for programs and a sentence for people (nl + en). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly messageEn?: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, messageEn: this.messageEn, fields: this.fields };
  }
}

export const notFound = (what: string, whatEn: string) =>
  new AppError('not-found', `${what} bestaat niet (meer).`, `${whatEn} does not exist.`);
