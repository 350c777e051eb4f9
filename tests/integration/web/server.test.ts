import fs from 'node:fs';
import { request } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECRET_HEADER } from '../../../electron/web/security';
import { limitText, startWebServer, type WebServer } from '../../../electron/web/server';
import { latestVersion } from '../../../electron/core/db/migrate';
import { MAX_REQUEST_BYTES, type Result } from '../../../shared/contract';
import { createTestBackend, dumpDatabase, type TestBackend } from '../../helpers/backend';
import { aBusiness } from '../../helpers/ledger';

const INDEX_HTML = '<html><head></head><body>x</body></html>';
const ASSET = 'console.log("openstaand");\n';
const OUTSIDE = 'GEHEIM buiten de statische map';

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

let t: TestBackend;
let server: WebServer;
let staticDir: string;

/** Starts a backend and a web server over it; `root` holds static/ (index.html, assets/app.js) and a file outside it. */
async function start(options: { maxBodyBytes?: number } = {}) {
  t = await createTestBackend();
  staticDir = path.join(t.dataDir, 'static');
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), ASSET);
  fs.writeFileSync(path.join(t.dataDir, 'outside.txt'), OUTSIDE);
  server = await startWebServer({ backend: t.backend, staticDir, port: 0, ...options });
}

beforeEach(async () => { await start(); });
afterEach(async () => {
  await server.close();
  t.cleanup();
});

/** A raw HTTP request to the server (node:http, so that Host and the path go out exactly as given). */
function send(options: { method?: string; path: string; headers?: Record<string, string | number | undefined>; body?: string | Buffer; host?: string; chunked?: boolean }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: options.host ?? '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path,
      // A header given as undefined is left out altogether.
      headers: Object.fromEntries(Object.entries({ host: `127.0.0.1:${server.port}`, ...options.headers }).filter(([, v]) => v !== undefined)) as Record<string, string | number>,
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        // No content-length: the body arrives in pieces, so the server must count while reading.
        const body = Buffer.from(options.body);
        for (let i = 0; i < body.length; i += 1024) req.write(body.subarray(i, i + 1024));
      } else req.write(options.body);
    }
    req.end();
  });
}

/** A POST to /api/<method> with the right secret, Host and content-type unless overridden. */
function api(method: string, input: unknown, headers: Record<string, string | number | undefined> = {}, extra: { body?: string | Buffer; chunked?: boolean } = {}) {
  return send({
    method: 'POST', path: `/api/${method}`, body: extra.body ?? JSON.stringify(input), chunked: extra.chunked,
    headers: { 'content-type': 'application/json', [SECRET_HEADER]: server.secret, ...headers },
  });
}

const json = (reply: Reply) => JSON.parse(reply.body) as Result<unknown>;

describe('the browser shell API', () => {
  it('answers a correct call with 200 and the Result', async () => {
    const reply = await api('app.info', {});
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(json(reply)).toMatchObject({ ok: true, value: { schemaVersion: latestVersion(), started: false } });
  });

  it('accepts localhost as well as 127.0.0.1 as Host and Origin', async () => {
    const reply = await api('app.info', {}, { host: `localhost:${server.port}`, origin: `http://localhost:${server.port}`, 'sec-fetch-site': 'same-origin' });
    expect(reply.status).toBe(200);
  });

  it.each([
    ['no secret header', { [SECRET_HEADER]: undefined }],
    ['an empty secret', { [SECRET_HEADER]: '' }],
    ['a wrong secret of the right length', { [SECRET_HEADER]: 'f'.repeat(64) }],
    ['a wrong secret of another length', { [SECRET_HEADER]: 'abc' }],
  ])('refuses a call with %s: 401 unauthorized', async (_what, headers) => {
    const reply = await api('app.info', {}, headers);
    expect(reply.status).toBe(401);
    expect(json(reply)).toMatchObject({ ok: false, error: { code: 'unauthorized', message: expect.stringMatching(/Geen toegang/) } });
  });

  it('refuses a secret sent in the query string instead of the header', async () => {
    const reply = await send({ method: 'POST', path: `/api/app.info?secret=${server.secret}`, body: '{}', headers: { 'content-type': 'application/json' } });
    expect(reply.status).toBe(401);
  });

  it.each([
    ['another site', 'evil.example'],
    ['another site on our port', 'evil.example:PORT'],
    ['our IP on another port', '127.0.0.1:1'],
    ['no port', '127.0.0.1'],
  ])('refuses a request with a Host header of %s (DNS rebinding): 403', async (_what, host) => {
    const reply = await api('app.info', {}, { host: host.replace('PORT', String(server.port)) });
    expect([403, 421]).toContain(reply.status);
    expect(reply.body).not.toContain('"ok":true');
    const page = await send({ path: '/', headers: { host: host.replace('PORT', String(server.port)) } });
    expect([403, 421]).toContain(page.status);
    expect(page.body).not.toContain(server.secret);
  });

  it.each([
    ['an Origin of another site', { origin: 'http://evil.example' }],
    ['an Origin of another port', { origin: 'http://127.0.0.1:1' }],
    ['the null Origin', { origin: 'null' }],
    ['sec-fetch-site: cross-site', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a cross-site request (%s): 403 even with the right secret', async (_what, headers) => {
    const reply = await api('business.save', aBusiness(), headers);
    expect(reply.status).toBe(403);
    expect(json(reply)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dumpDatabase(t.databaseFile)).toMatch(/== business \(0\)/);
  });

  it('answers an unknown method with 404 and the Result code not-found', async () => {
    const reply = await api('ledger.dropEverything', {});
    expect(reply.status).toBe(404);
    expect(json(reply)).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('Onbekende opdracht') } });
  });

  it('does not treat inherited object properties as methods', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const reply = await api(name, {});
      expect(reply.status, name).toBe(404);
    }
  });

  it('answers an invalid payload with 400, a readable Dutch message, and writes nothing', async () => {
    const before = dumpDatabase(t.databaseFile);
    const reply = await api('business.save', aBusiness({ iban: 'NL91ABNA0417164301' }));
    expect(reply.status).toBe(400);
    expect(json(reply)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/IBAN klopt niet/), fields: { iban: expect.any(String) } } });
    expect(dumpDatabase(t.databaseFile)).toBe(before);
  });

  it('maps other error codes to their HTTP status (conflict → 409)', async () => {
    await api('debtors.create', { kind: 'business', name: 'A' });
    await api('invoices.create', { debtorId: 1, number: 'F-1', invoiceDate: '2026-11-01', amount: 100 });
    const reply = await api('invoices.create', { debtorId: 1, number: 'F-1', invoiceDate: '2026-11-01', amount: 100 });
    expect(reply.status).toBe(409);
    expect(json(reply)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('answers a body that is not JSON with 400', async () => {
    const reply = await api('app.info', undefined, {}, { body: '{"niet": json' });
    expect(reply.status).toBe(400);
    expect(json(reply)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: 'De invoer is geen geldige JSON.' } });
  });

  it('refuses another content-type than JSON (a form post from another page): 415', async () => {
    const reply = await api('app.info', {}, { 'content-type': 'text/plain' });
    expect(reply.status).toBe(415);
  });

  it('answers GET on /api/… with 405', async () => {
    const reply = await send({ path: '/api/x', headers: { [SECRET_HEADER]: server.secret } });
    expect(reply.status).toBe(405);
    expect(json(reply)).toMatchObject({ ok: false });
  });
});

describe('the body limit', () => {
  beforeEach(async () => {
    await server.close();
    t.cleanup();
    await start({ maxBodyBytes: 1024 });
  });

  it('refuses a body over the limit (declared by content-length) with 413, and writes nothing', async () => {
    const before = dumpDatabase(t.databaseFile);
    const reply = await api('debtors.create', { kind: 'business', name: 'x'.repeat(2000) });
    expect(reply.status).toBe(413);
    // The message states this server's limit (1024 bytes), not a rounded "0 MB".
    expect(json(reply)).toEqual({ ok: false, error: { code: 'too-large', message: 'Het verzoek is groter dan 1 kB.', messageEn: 'The request exceeds 1 kB.' } });
    expect(dumpDatabase(t.databaseFile)).toBe(before);
  });

  it('refuses a body over the limit sent in chunks (no content-length) with 413', async () => {
    const reply = await api('debtors.create', undefined, {}, { body: JSON.stringify({ kind: 'business', name: 'x'.repeat(5000) }), chunked: true });
    expect(reply.status).toBe(413);
    expect(dumpDatabase(t.databaseFile)).toMatch(/== debtors \(0\)/);
  });

  it('accepts a body under the limit', async () => {
    const reply = await api('debtors.create', { kind: 'business', name: 'Klein genoeg' });
    expect(reply.status).toBe(200);
  });
});

describe('the default body limit', () => {
  it('is MAX_REQUEST_BYTES, and the 413 message names that same limit', async () => {
    // Declared one byte over the limit: refused on the header, before any of the body is read.
    const reply = await api('debtors.create', undefined, { 'content-length': MAX_REQUEST_BYTES + 1 }, { body: '{}' }).catch((e: unknown) => ({ status: -1, body: String(e), headers: {} }));
    expect(reply.status).toBe(413);
    expect(json(reply)).toEqual({ ok: false, error: {
      code: 'too-large', message: `Het verzoek is groter dan ${limitText(MAX_REQUEST_BYTES, 'nl')}.`, messageEn: `The request exceeds ${limitText(MAX_REQUEST_BYTES, 'en')}.`,
    } });
    expect(limitText(MAX_REQUEST_BYTES, 'nl')).toBe(`${MAX_REQUEST_BYTES / 1024 / 1024} MB`);
  });

  it('is written as people read it, rounded down so that "larger than" stays true', () => {
    expect([80 * 1024 * 1024, 1.5 * 1024 * 1024, 1.55 * 1024 * 1024, 1024, 1536, 500].map((b) => [limitText(b, 'nl'), limitText(b, 'en')])).toEqual([
      ['80 MB', '80 MB'], ['1,5 MB', '1.5 MB'], ['1,5 MB', '1.5 MB'], ['1 kB', '1 kB'], ['1,5 kB', '1.5 kB'], ['500 bytes', '500 bytes'],
    ]);
  });
});

describe('the static files', () => {
  it('serves the page at / with this run\'s secret in a meta tag and the CSP header', async () => {
    const reply = await send({ path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/html/);
    expect(reply.body).toContain(`<meta name="openstaand-secret" content="${server.secret}">`);
    expect(reply.body).toContain('<body>x</body>');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('serves an asset as it is, with its type', async () => {
    const reply = await send({ path: '/assets/app.js' });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/);
    expect(reply.body).toBe(ASSET);
  });

  it('gives the page for the app\'s own routes (SPA fallback), and 404 for a missing file', async () => {
    const route = await send({ path: '/debiteuren/12' });
    expect(route.status).toBe(200);
    expect(route.body).toContain('openstaand-secret');
    expect((await send({ path: '/assets/missing.js' })).status).toBe(404);
  });

  it.each([
    '/../package.json',
    '/../outside.txt',
    '/../../../../../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2e%2e/outside.txt',
    '/..%2f..%2fetc/passwd',
    '/..%2foutside.txt',
    '/assets/..%2f..%2foutside.txt',
    '/%2e%2e%2foutside.txt',
    '/..%5coutside.txt',
    '/..\\outside.txt',
    '//etc/passwd',
    '/%00',
    '/index.html%00.js',
    '/..%00/outside.txt',
    '/%252e%252e/outside.txt',
    '/%',
  ])('never serves a file outside the static folder: %s', async (attempt) => {
    const reply = await send({ path: attempt });
    expect(reply.body).not.toContain(OUTSIDE);
    expect(reply.body).not.toMatch(/root:.*:0:0:/);
    expect(reply.body).not.toContain('"name": "openstaand"');
    // Either refused, or the app's own page.
    if (reply.status === 200) expect(reply.body).toContain('<body>x</body>');
    else expect([400, 403, 404]).toContain(reply.status);
  });

  it('refuses to change anything through a static path: POST / → 405', async () => {
    expect((await send({ method: 'POST', path: '/', body: 'x' })).status).toBe(405);
  });
});

describe('the listening address', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const others = Object.values(os.networkInterfaces()).flat()
      .filter((a): a is os.NetworkInterfaceInfo => !!a && !a.internal && a.family === 'IPv4').map((a) => a.address);
    if (process.platform === 'linux') others.push('127.0.0.2');
    for (const address of others) {
      const reachable = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port: server.port, timeout: 2000 });
        socket.once('connect', () => { socket.destroy(); resolve(true); });
        socket.once('timeout', () => { socket.destroy(); resolve(false); });
        socket.once('error', () => resolve(false));
      });
      expect(reachable, `reachable on ${address}`).toBe(false);
    }
  });
});
