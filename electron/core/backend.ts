import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contract, isMethodName, type ApiError, type Result } from '../../shared/contract';
import { toIsoDate } from '../../shared/domain/dates';
import { createKysely, type Context } from './context';
import { openSqlite } from './db/connection';
import { migrate } from './db/migrate';
import { AppError } from './errors';
import { handlers } from './handlers';
import { copyBeforeMigration } from './db/safetyCopy';

export interface BackendOptions {
  dataDir: string;
  /** Fixed "today" (yyyy-MM-dd) for tests and demos; default the computer's date. */
  today?: string;
  appVersion?: string;
}

export interface Backend {
  /** Validates `input` against the method's schema, runs it, and answers a Result. Never throws. */
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  close(): void;
  readonly context: Context;
}

export const DATABASE_FILE = 'openstaand.sqlite';

/** Readable field messages from a schema failure: "iban: Dit IBAN klopt niet…". */
export function describeInvalidInput(error: z.ZodError): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '(invoer)';
    fields[key] ??= issue.message;
  }
  const list = Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ');
  return { code: 'invalid-input', message: `Ongeldige invoer — ${list}`, messageEn: `Invalid input — ${list}`, fields };
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return error.toApiError();
  if (error instanceof z.ZodError) return describeInvalidInput(error);
  const message = error instanceof Error ? error.message : String(error);
  if (/UNIQUE constraint failed/.test(message)) return { code: 'conflict', message: 'Dit bestaat al.', messageEn: 'This already exists.' };
  if (/CHECK constraint failed|FOREIGN KEY constraint failed|NOT NULL constraint failed/.test(message)) {
    return { code: 'invalid-input', message: `De gegevens kloppen niet met elkaar (${message}). Er is niets opgeslagen.`, messageEn: `Inconsistent data (${message}). Nothing was saved.` };
  }
  console.error('[openstaand] unexpected error:', error);
  return { code: 'internal', message: 'Er ging iets onverwachts mis. Er is niets opgeslagen.', messageEn: 'Something unexpected went wrong. Nothing was saved.' };
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  mkdirSync(options.dataDir, { recursive: true });
  const databaseFile = path.join(options.dataDir, DATABASE_FILE);
  const sqlite = openSqlite(databaseFile);
  try {
    await migrate(sqlite, { beforeMigrate: async (from, to) => { await copyBeforeMigration(sqlite, databaseFile, from, to); } });
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const fixedToday = options.today ?? process.env.OPENSTAAND_TODAY;
  const context: Context = {
    sqlite,
    db: createKysely(sqlite),
    dataDir: options.dataDir,
    databaseFile,
    appVersion: options.appVersion ?? '0.1.0',
    today: () => fixedToday ?? toIsoDate(new Date()),
    now: () => new Date().toISOString(),
  };

  // One request at a time: better-sqlite3 is synchronous anyway, and it keeps every
  // transaction (db/transaction.ts) free of statements from another request.
  let queue: Promise<unknown> = Promise.resolve();
  async function run(method: string, input: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'not-found', message: `Onbekende opdracht: ${method}`, messageEn: `Unknown method: ${method}` } };
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: describeInvalidInput(parsed.error) };
    try {
      const handler = handlers[method] as (input: unknown, ctx: Context) => unknown;
      return { ok: true, value: await handler(parsed.data, context) };
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
  }

  return {
    context,
    invoke(method, input) {
      const result = queue.then(() => run(method, input));
      queue = result.catch(() => undefined);
      return result;
    },
    close() {
      sqlite.close();
    },
  };
}
