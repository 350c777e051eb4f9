// Hostile input at every door (issue 11, part 5). Random and malformed payloads go to EVERY method
// of the contract, through the backend's invoke (what Electron's IPC hands over: structured-clone
// values, so also Maps, Dates, bigints, typed arrays, null-prototype objects) and through the
// browser shell (HTTP with the secret: JSON and raw bodies). For each payload:
//   - the door answers (no crash, no hang) with a well-formed Result, never a thrown error
//   - schema-invalid input is refused as 'invalid-input' (HTTP 400, never 500 'internal') and a
//     dump of every table is unchanged
//   - valid input may write, but an error answer never leaves a write behind, and is never 'internal'
// Bounded: CASES per method per door. What tests/integration/web/server.test.ts already covers for
// the shell (secret, Host, Origin, body limit, a list of traversal paths) is not repeated; what is
// added here: every method behind the secret and the origin check, CORS preflight, random Host
// headers and random traversal paths.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Agent, request } from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { automaticBackupIfDue } from '../../../electron/core/backup';
import { createBackend, type Backend } from '../../../electron/core/backend';
import { SECRET_HEADER } from '../../../electron/web/security';
import { startWebServer, type WebServer } from '../../../electron/web/server';
import { contract, methodNames, type ErrorCode, type MethodName, type Result } from '../../../shared/contract';
import { call, makeTempDir, removeDir, TODAY } from '../../helpers/backend';
import { aBusiness, aDebtor, anInvoice, createDebtor, createInvoice } from '../../helpers/ledger';

const CASES = Number(process.env.FUZZ_CASES ?? 30);
/** Method i uses seed SEED + i (invoke) and SEED + 100000 + i (HTTP); a failure prints its seed. */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 30);
const ERROR_CODES = new Set<ErrorCode>(['invalid-input', 'not-found', 'conflict', 'forbidden', 'unauthorized', 'too-large', 'import-failed', 'database', 'internal']);
const PDF64 = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

/** A valid payload per method where one is easy to give; the rest start from {} (mutations still find the fields). */
const EXAMPLES: Partial<Record<MethodName, unknown>> = {
  'business.save': aBusiness(),
  'debtors.create': aDebtor({ kind: 'consumer', email: 'a@b.nl', iban: 'NL20INGB0001234567' }),
  'debtors.update': { id: 2, debtor: aDebtor() },
  'debtors.archive': { id: 2, archived: true },
  'debtors.list': { includeArchived: true },
  'debtors.page': { id: 1 },
  'debtors.forget': { id: 3 },
  'invoices.create': anInvoice(1, { number: 'FUZZ-1' }),
  'invoices.update': { ...anInvoice(1, { number: 'FUZZ-2' }), debtorId: undefined, id: 1 },
  'invoices.credit': { invoiceId: 1, amount: 1_00, date: TODAY, number: 'C-FUZZ', reason: 'korting' },
  'invoices.attachPdf': { invoiceId: 1, fileName: 'f.pdf', dataBase64: PDF64 },
  'invoices.getPdf': { invoiceId: 1 },
  'payments.record': { debtorId: 1, date: TODAY, amount: 10_00, note: 'fuzz' },
  'overview.get': {},
  'ledger.defaultDueDate': { debtorId: 1, invoiceDate: TODAY },
  'law.saveRate': { kind: 'commercial', from: '2030-01-01', percent: 12.5, source: 'Staatsblad (test)' },
  'law.deleteRate': { kind: 'commercial', from: '2030-01-01' },
  'law.interest': { kind: 'commercial', principal: 100_00, dueDate: '2026-01-01', until: TODAY },
  'backup.restore': { fileName: 'automatisch-2026-11-24T09-00-00-000Z.sqlite' },
  'backup.importAll': { dataBase64: PDF64 },
};

const junk = fc.oneof(
  fc.anything({ maxDepth: 3, maxKeys: 6, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withObjectString: true }),
  fc.constantFrom<unknown>(null, undefined, 0, -1, 0.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e308, 2 ** 53 + 1, '', ' ', '0', 'null', '{}', '__proto__', 'constructor', [], [{}], {},
    '../../../etc/passwd', 'C:\\Windows\\win.ini', '\u0000', '\u202e', '🦄'.repeat(50), '<script>alert(1)</script>', "' OR 1=1 --", '%PDF-', '=cmd|" /C calc"!A0',
    'x'.repeat(100_000), Array.from({ length: 2000 }, (_, i) => i), JSON.parse('{"__proto__": {"polluted": true}}'), { constructor: { prototype: { polluted: true } } }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.integer({ min: -5, max: 5 }),
);

/** JSON-safe junk for the HTTP door. */
const jsonJunk = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(null, 0, -1, 1e308, '', '../../x', '\u0000', 'x'.repeat(100_000), [], {}, JSON.parse('{"__proto__": {"polluted": true}}')),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

function nested(depth: number): unknown {
  let v: unknown = 'bodem';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Payloads for one method: mostly near-valid (one field changed, removed or added), some pure junk. */
function payloads(method: MethodName, anyJunk: fc.Arbitrary<unknown>) {
  const example = (EXAMPLES[method] ?? {}) as Record<string, unknown>;
  const keys = Object.keys(example);
  const field = keys.length ? fc.constantFrom(...keys) : fc.string({ maxLength: 12 });
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(field, anyJunk).map(([k, v]) => ({ ...example, [k]: v })) },
    { weight: 1, arbitrary: field.map((k) => Object.fromEntries(Object.entries(example).filter(([key]) => key !== k))) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 20 }), anyJunk).map(([k, v]) => ({ ...example, [k]: v })) },
    { weight: 1, arbitrary: fc.constant(example) },
    { weight: 2, arbitrary: anyJunk },
    { weight: 1, arbitrary: fc.constantFrom(nested(1000), [example], { input: example }, Object.assign(Object.create(null) as object, example)) },
  );
}

/** The JSON a browser would send for `input` ('' for undefined; a deep-nesting body where the stack runs out). */
function toJson(input: unknown): string {
  try {
    return JSON.stringify(input) ?? '';
  } catch {
    return `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
  }
}

const isValid = (method: MethodName, input: unknown) => contract[method].input.safeParse(input ?? {}).success;

function expectResult(result: unknown, where: string): asserts result is Result<unknown> {
  expect(result, where).toBeTypeOf('object');
  const r = result as Result<unknown>;
  expect(typeof r.ok, where).toBe('boolean');
  if (!r.ok) {
    expect(ERROR_CODES.has(r.error.code), `${where}: code ${r.error.code}`).toBe(true);
    expect(r.error.message, where).toBeTypeOf('string');
    expect(r.error.message.length, where).toBeGreaterThan(3);
  }
}

let dataDir: string;
let backend: Backend;
let server: WebServer;
/**
 * A read-only connection of the test's own that hashes every row of every table (blobs included):
 * the "dump of all tables" compared before and after each call, at a millisecond a call.
 */
class Watcher {
  private db: Database.Database | null = null;
  private statements: Database.Statement[] = [];
  open() {
    this.db = new Database(path.join(dataDir, 'openstaand.sqlite'), { readonly: true, fileMustExist: true });
    const tables = this.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    this.statements = tables.map((t) => this.db!.prepare(`SELECT * FROM "${t}"`).raw());
  }
  close() {
    this.db?.close();
    this.db = null;
  }
  dump(): string {
    const hash = createHash('sha256');
    for (const statement of this.statements) {
      hash.update(`\u0001${statement.source}`);
      for (const row of statement.iterate() as Iterable<unknown[]>) {
        for (const value of row) {
          if (value instanceof Uint8Array) hash.update(`b${value.length}:`).update(value);
          else hash.update(`${typeof value}:${String(value)}\u0000`);
        }
      }
    }
    return hash.digest('hex');
  }
}
const watcher = new Watcher();
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const figures = { methods: 0, invoke: 0, http: 0, invalid: 0, validOk: 0, validRefused: 0, rawBodies: 0 };

const dump = () => watcher.dump();
/** Restore replaces the file and refuses while another connection has it open: the watcher steps aside. */
const replacesFile = (method: MethodName) => method === 'backup.restore' || method === 'backup.importAll';
async function aside<T>(method: MethodName, fn: () => Promise<T>): Promise<T> {
  if (!replacesFile(method)) return fn();
  watcher.close();
  try {
    return await fn();
  } finally {
    watcher.open();
  }
}

beforeAll(async () => {
  dataDir = makeTempDir('openstaand-fuzz-');
  backend = await createBackend({ dataDir, today: TODAY, autoBackup: false });
  // A ledger with something to hit: the business, three customers, invoices, a PDF, a payment, a backup.
  await call(backend, 'business.save', aBusiness());
  const a = await createDebtor(backend, { name: 'Eerste Klant' });
  await createDebtor(backend, { kind: 'consumer', name: 'Tweede Klant' });
  await createDebtor(backend, { name: 'Derde Klant (vergeetbaar)' });
  const inv = await createInvoice(backend, a.id, { amount: 250_00 });
  await createInvoice(backend, a.id, { amount: 80_00 });
  await call(backend, 'invoices.attachPdf', { invoiceId: inv.id, fileName: 'f.pdf', dataBase64: PDF64 });
  await call(backend, 'payments.record', { debtorId: a.id, date: TODAY, amount: 50_00 });
  await automaticBackupIfDue(backend.context, new Date('2026-11-24T09:00:00.000Z'));
  const staticDir = path.join(dataDir, 'static');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<html><head></head><body>app</body></html>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'ok');
  fs.writeFileSync(path.join(dataDir, 'geheim.txt'), 'GEHEIM');
  server = await startWebServer({ backend, staticDir, port: 0 });
  watcher.open();
}, 60_000);

afterAll(async () => {
  console.log(`[hostile input] seed ${SEED}: ${figures.methods} methods × ${CASES} cases × 2 doors = ${figures.invoke} invoke + ${figures.http} HTTP calls ` +
    `(${figures.rawBodies} raw bodies); ${figures.invalid} schema-invalid refused with nothing written; ${figures.validOk} valid accepted, ${figures.validRefused} valid refused cleanly`);
  watcher.close();
  await server?.close();
  backend?.close();
  agent.destroy();
  removeDir(dataDir);
});

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, agent, method: options.method ?? 'POST', path: options.path, headers: { host: `127.0.0.1:${server.port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (method: string, body: string, headers: Record<string, string> = {}) =>
  send({ path: `/api/${encodeURIComponent(method)}`, body, headers: { 'content-type': 'application/json', [SECRET_HEADER]: server.secret, ...headers } });

/** The rules every answer obeys, whichever door it came through. */
async function judge(method: MethodName, input: unknown, result: Result<unknown>, before: string, where: string): Promise<string> {
  expectResult(result, where);
  const after = dump();
  if (!isValid(method, input)) {
    figures.invalid++;
    expect(result.ok, `${where}: schema-invalid input accepted`).toBe(false);
    if (!result.ok) expect(result.error.code, `${where}: ${result.error.message}`).toBe('invalid-input');
    expect(after === before, `${where}: schema-invalid input wrote to the ledger`).toBe(true);
    return before;
  }
  if (!result.ok) {
    figures.validRefused++;
    expect(result.error.code, `${where}: valid input gave an internal error: ${result.error.message}`).not.toBe('internal');
    expect(result.error.code, `${where}: ${result.error.message}`).not.toBe('database');
    expect(after === before, `${where}: a refused call (${result.error.code}) wrote to the ledger`).toBe(true);
    return before;
  }
  figures.validOk++;
  return after;
}

/** A short printable form of any input (deeply nested or cyclic ones included). */
const describeInput = (v: unknown) => {
  try {
    const text = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
    return text === undefined ? String(v) : text.slice(0, 200);
  } catch {
    try {
      return String(v).slice(0, 200);
    } catch {
      return '(not printable)';
    }
  }
};

describe('every method, through the backend\'s invoke (structured-clone values)', () => {
  it.each(methodNames.map((m, i) => [m, i] as const))('%s', async (method, index) => {
    figures.methods++;
    let before = dump();
    await fc.assert(fc.asyncProperty(payloads(method, junk), async (input) => {
      figures.invoke++;
      let result: Result<unknown>;
      try {
        result = await aside(method, () => backend.invoke(method, input));
      } catch (error) {
        throw new Error(`invoke threw for ${method} ${describeInput(input)}: ${String(error)}`);
      }
      before = await judge(method, input, result, before, `invoke ${method} ${describeInput(input)}`);
    }), { numRuns: CASES, seed: SEED + index, endOnFailure: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('every method, through the browser shell (HTTP with the secret)', () => {
  it.each(methodNames.map((m, i) => [m, i] as const))('%s', async (method, index) => {
    let before = dump();
    const body = fc.oneof(
      { weight: 5, arbitrary: payloads(method, jsonJunk).map((input) => ({ input, raw: toJson(input) })) },
      { weight: 1, arbitrary: fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('{', '{"a":', '[[[[', 'null', '"x"', '\u0000', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, '{"__proto__":{"polluted":1}}'))
        .map((raw) => ({ input: undefined as unknown, raw })) },
    );
    await fc.assert(fc.asyncProperty(body, async ({ raw }) => {
      figures.http++;
      const reply = await aside(method, () => api(method, raw));
      let parsedInput: unknown;
      let isJson = true;
      try { parsedInput = raw.length ? JSON.parse(raw) : {}; } catch { isJson = false; }
      if (!isJson) {
        figures.rawBodies++;
        expect(reply.status, `HTTP ${method} raw ${describeInput(raw)}`).toBe(400);
        expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
        expect(dump() === before, `HTTP ${method}: a body that is not JSON wrote to the ledger`).toBe(true);
        return;
      }
      const where = `HTTP ${method} ${describeInput(parsedInput)}`;
      const result = JSON.parse(reply.body) as Result<unknown>;
      if (!isValid(method, parsedInput)) expect(reply.status, where).toBe(400);
      expect(reply.status, `${where}: ${reply.body.slice(0, 300)}`).not.toBe(500);
      expect(reply.headers['access-control-allow-origin'], where).toBeUndefined();
      before = await judge(method, parsedInput, result, before, where);
    }), { numRuns: CASES, seed: SEED + 100_000 + index, endOnFailure: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('is still up and answering after all of it', async () => {
    const reply = await api('app.info', '{}');
    expect(reply.status).toBe(200);
    // And the ledger behind it is sound: SQLite's check, references, stored balances, document hashes.
    expect(await call(backend, 'backup.checkIntegrity', {})).toMatchObject({ ok: true });
  });
});

describe('the browser shell\'s gate, for every method (adds to tests/integration/web/server.test.ts)', () => {
  it('refuses every method without the secret, with a wrong one, from another origin and cross-site: 401/403, nothing written', async () => {
    const before = dump();
    const valid = JSON.stringify({});
    for (const method of methodNames) {
      const body = JSON.stringify(EXAMPLES[method] ?? {}) ?? valid;
      const cases: [Record<string, string>, number][] = [
        [{ [SECRET_HEADER]: '' }, 401],
        [{ [SECRET_HEADER]: server.secret.replace(/.$/, (c) => (c === '0' ? '1' : '0')) }, 401],
        [{ [SECRET_HEADER]: server.secret.toUpperCase() === server.secret ? 'x' : server.secret.toUpperCase() }, 401],
        [{ origin: 'http://evil.example' }, 403],
        [{ origin: `http://127.0.0.1:${server.port + 1}` }, 403],
        [{ 'sec-fetch-site': 'cross-site' }, 403],
      ];
      for (const [headers, status] of cases) {
        const reply = await api(method, body, headers);
        expect(reply.status, `${method} ${JSON.stringify(headers)}`).toBe(status);
        expect(reply.body).not.toContain('"ok":true');
      }
    }
    expect(dump()).toBe(before);
  });

  it('answers no CORS preflight and grants no cross-origin access', async () => {
    const reply = await send({ method: 'OPTIONS', path: '/api/app.info', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': SECRET_HEADER } });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    expect(reply.headers['access-control-allow-headers']).toBeUndefined();
  });

  it('accepts only its own Host (random Host headers)', async () => {
    const own = new Set([`127.0.0.1:${server.port}`, `localhost:${server.port}`]);
    await fc.assert(fc.asyncProperty(
      fc.oneof(fc.domain(), fc.constantFrom('127.0.0.1', 'localhost', `127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`, `127.0.0.1:${server.port}.evil.example`, `evil.example#@127.0.0.1:${server.port}`, `[::1]:${server.port}`, `0.0.0.0:${server.port}`, `127.1:${server.port}`), fc.string({ minLength: 1, maxLength: 40 }).filter((s) => /^[\x21-\x7e]+$/.test(s))),
      async (host) => {
        const reply = await send({ path: '/api/app.info', body: '{}', headers: { host, 'content-type': 'application/json', [SECRET_HEADER]: server.secret } }).catch(() => ({ status: 400, body: '', headers: {} }));
        if (own.has(host)) expect(reply.status, host).toBe(200);
        else expect(reply.status, host).toBeGreaterThanOrEqual(400);
        expect(reply.body.includes(server.secret), host).toBe(false);
      },
    ), { numRuns: 60, seed: SEED });
  });

  it('never serves a file outside the static folder (random traversal paths)', async () => {
    const segment = fc.constantFrom('..', '.', '%2e%2e', '%2E%2E', '%252e%252e', '..%2f', '..%5c', '%2f', '\\', '%5c', '', 'assets', 'app.js', 'geheim.txt', 'index.html', '%00', '..;', '%c0%ae%c0%ae', '．．', 'etc', 'passwd', 'openstaand.sqlite', 'static');
    await fc.assert(fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 8 }), async (parts) => {
      const p = `/${parts.join('/')}`;
      const reply = await send({ method: 'GET', path: p }).catch(() => ({ status: 400, body: '', headers: {} }));
      expect(reply.status, p).not.toBe(500);
      expect(reply.body.includes('GEHEIM'), p).toBe(false);
      expect(reply.body.includes('SQLite format'), p).toBe(false);
      if (reply.status === 200) expect(reply.body === 'ok' || reply.body.includes('<body>app</body>'), p).toBe(true);
    }), { numRuns: 150, seed: SEED });
  });
});
