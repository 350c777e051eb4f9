import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contract, isMethodName, type ApiError, type InputOf, type MethodName, type OutputOf, type Result } from '../../shared/contract';
import { toIsoDate } from '../../shared/domain/dates';
import { createKysely, type Context, type LedgerSwap } from './context';
import { openSqlite } from './db/connection';
import { migrate } from './db/migrate';
import { AppError } from './errors';
import { handlers } from './handlers';
import { copyBeforeMigration } from './db/safetyCopy';
import { scheduleAutomaticBackups } from './backup/automatic';
import { keepOverviewPrepared } from './ledger/overview';

export interface BackendOptions {
  dataDir: string;
  /** Fixed "today" (yyyy-MM-dd) for tests and demos; default the computer's date. */
  today?: string;
  appVersion?: string;
  /**
   * The automatic backup (backup/automatic.ts): first run `delayMs` after start (default 2 s, so
   * start-up is not slowed), then hourly; `false` turns it off (tests of other things may).
   */
  autoBackup?: false | { delayMs?: number; intervalMs?: number };
  /**
   * Evaluate Debiteuren ahead of the user (ledger/overview.ts keepOverviewPrepared): after start and
   * every minute. Off unless asked: the doors ask; tests that count statements must not race it.
   */
  prepareOverview?: boolean | { delayMs?: number; intervalMs?: number };
}

export interface Backend {
  /** Validates `input` against the method's schema, runs it, and answers a Result. Never throws. */
  invoke<M extends MethodName>(method: M, input: InputOf<M>): Promise<Result<OutputOf<M>>>;
  /** The same for a name and payload from outside (a door), typed as unknown. */
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  close(): void;
  /** Closes and reopens the ledger file (through the request queue, after requests before it). */
  reopen(): Promise<void>;
  /** The open ledger. A restore replaces it: read it again rather than keeping it. */
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
  // A trigger's refusal the user must see as is: RAISE(ABORT, 'forbidden: <nl> | <en>').
  const refused = /^forbidden: ([^|]+)\|(.+)$/.exec(message);
  if (refused) return { code: 'forbidden', message: refused[1]!.trim(), messageEn: refused[2]!.trim() };
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
  const fixedToday = options.today ?? process.env.OPENSTAAND_TODAY;

  /** Opens the ledger file, brings its schema up to date, and builds the Context services get. */
  async function openLedger(): Promise<Context> {
    const sqlite = openSqlite(databaseFile);
    try {
      await migrate(sqlite, { beforeMigrate: async (from, to) => { await copyBeforeMigration(sqlite, databaseFile, from, to); } });
    } catch (error) {
      sqlite.close();
      throw error;
    }
    return {
      sqlite,
      db: createKysely(sqlite),
      dataDir: options.dataDir,
      databaseFile,
      appVersion: options.appVersion ?? '0.1.0',
      today: () => fixedToday ?? toIsoDate(new Date()),
      now: () => new Date().toISOString(),
      swapLedger,
    };
  }

  /**
   * Replaces the ledger under the running backend (a restore): only ever called from inside a
   * request, so no other request sees it closed or half-swapped; every later request gets the
   * new Context. When the new file cannot be opened, `rollback` puts the old one back.
   */
  async function swapLedger(steps: LedgerSwap): Promise<Context> {
    if (context.sqlite.open) context.sqlite.close();
    try {
      await steps.install(databaseFile);
      context = await openLedger();
    } catch (error) {
      try {
        await steps.rollback(databaseFile);
        context = await openLedger();
      } catch (again) {
        broken = again;
      }
      throw error;
    }
    return context;
  }

  let context = await openLedger();
  /** Set when even the rollback of a swap could not be reopened: every request then says so. */
  let broken: unknown = null;

  // One request at a time: better-sqlite3 is synchronous anyway, and it keeps every
  // transaction (db/transaction.ts) free of statements from another request.
  let queue: Promise<unknown> = Promise.resolve();
  async function run(method: string, input: unknown): Promise<Result<unknown>> {
    if (broken) {
      const detail = broken instanceof Error ? broken.message : String(broken);
      return { ok: false, error: { code: 'database', message: `De administratie kon na het terugzetten niet opnieuw worden geopend (${detail}). Start Openstaand opnieuw; de vorige versie staat in de map backups.`, messageEn: `The ledger could not be reopened after the restore (${detail}). Restart Openstaand; the previous version is in the backups folder.` } };
    }
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

  /** Runs `task` in the queue, after every request before it, with the Context of that moment. */
  function enqueue<T>(task: (ctx: Context) => Promise<T>): Promise<T> {
    const result = queue.then(() => task(context));
    queue = result.catch(() => undefined);
    return result;
  }

  const stopAutomaticBackups = options.autoBackup === false ? () => {} : scheduleAutomaticBackups(enqueue, options.autoBackup);
  const stopPreparing = options.prepareOverview
    ? keepOverviewPrepared(enqueue, options.prepareOverview === true ? {} : options.prepareOverview) : () => {};

  return {
    get context() { return context; },
    invoke(method: string, input: unknown): Promise<Result<never>> {
      const result = queue.then(() => run(method, input));
      queue = result.catch(() => undefined);
      return result as Promise<Result<never>>;
    },
    reopen() {
      return enqueue(async () => { await swapLedger({ install: () => {}, rollback: () => {} }); });
    },
    close() {
      stopAutomaticBackups();
      stopPreparing();
      if (context.sqlite.open) context.sqlite.close();
    },
  };
}
