import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MAX_REQUEST_BYTES, type ErrorCode, type Result } from '../../shared/contract';
import { CONTENT_SECURITY_POLICY, SECRET_HEADER } from './security';

export interface Invoker {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
}

export interface WebServerOptions {
  backend: Invoker;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  maxBodyBytes?: number;
}

export interface WebServer {
  url: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

const STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400, 'not-found': 404, conflict: 409, forbidden: 403, unauthorized: 401,
  'too-large': 413, 'import-failed': 422, database: 500, internal: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.json': 'application/json',
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(text);
}

const fail = (res: ServerResponse, status: number, code: ErrorCode, message: string, messageEn: string) =>
  send(res, status, { ok: false, error: { code, message, messageEn } } satisfies Result<never>);

/**
 * A byte limit as people read it, 1024-based like the app's other size messages: "80 MB", "1,5 MB",
 * "1 kB". Rounded down, so that "the request is larger than …" stays true for any limit (whole MB
 * alone turned a 1 kB limit into "0 MB").
 */
export function limitText(bytes: number, language: 'nl' | 'en'): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MB'] : bytes >= 1024 ? [bytes / 1024, 'kB'] : [bytes, 'bytes'];
  const shown = String(Math.floor(value * 10) / 10);
  return `${language === 'nl' ? shown.replace('.', ',') : shown} ${unit}`;
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) { resolve('too-large'); req.resume(); return; }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) { over = true; chunks.length = 0; return; }
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The browser shell: the built renderer and the contract's methods (`POST /api/<method>`) on
 * 127.0.0.1 only. Every API call needs the per-run secret that is handed to the page we serve;
 * the Host and Origin checks stop DNS rebinding and other sites' pages.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const secret = randomBytes(32).toString('hex');
  const secretBytes = Buffer.from(secret);
  const staticRoot = path.resolve(options.staticDir);
  const limit = options.maxBodyBytes ?? MAX_REQUEST_BYTES;
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  let indexHtml: string | null = null;

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405, { allow: 'GET, HEAD' }); res.end(); return; }
    const file = path.resolve(staticRoot, `.${pathname}`);
    const inside = file === staticRoot || file.startsWith(staticRoot + path.sep);
    let isFile = false;
    if (inside && pathname !== '/' && pathname !== '/index.html') isFile = (await stat(file).catch(() => null))?.isFile() ?? false;
    const security = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' };
    if (isFile) {
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', ...security });
      res.end(req.method === 'HEAD' ? undefined : await readFile(file));
      return;
    }
    if (!inside || path.extname(pathname) !== '') { res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...security }); res.end('Niet gevonden'); return; }
    // The app's own routes all get the page, with this run's secret in it.
    indexHtml ??= await readFile(path.join(staticRoot, 'index.html'), 'utf8');
    const page = indexHtml.replace('</head>', `<meta name="openstaand-secret" content="${secret}">\n</head>`);
    res.writeHead(200, { 'content-type': MIME['.html']!, 'cache-control': 'no-store', ...security });
    res.end(req.method === 'HEAD' ? undefined : page);
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') { fail(res, 405, 'not-found', 'Gebruik POST.', 'Use POST.'); return; }
    const origin = req.headers.origin;
    if ((origin !== undefined && !allowedOrigins().has(origin)) || req.headers['sec-fetch-site'] === 'cross-site') {
      fail(res, 403, 'forbidden', 'Verzoek van een andere website geweigerd.', 'Cross-site request refused.');
      return;
    }
    const given = req.headers[SECRET_HEADER];
    const givenBytes = Buffer.from(typeof given === 'string' ? given : '');
    if (givenBytes.length !== secretBytes.length || !timingSafeEqual(givenBytes, secretBytes)) {
      fail(res, 401, 'unauthorized', 'Geen toegang: de sleutel van deze sessie ontbreekt of klopt niet. Herlaad de pagina.', 'Unauthorized: missing or wrong session secret. Reload the page.');
      return;
    }
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      fail(res, 415, 'invalid-input', 'Verwacht JSON (content-type application/json).', 'Expected application/json.');
      return;
    }
    const body = await readBody(req, limit);
    if (body === 'too-large') {
      fail(res, 413, 'too-large', `Het verzoek is groter dan ${limitText(limit, 'nl')}.`, `The request exceeds ${limitText(limit, 'en')}.`);
      return;
    }
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      fail(res, 400, 'invalid-input', 'De invoer is geen geldige JSON.', 'The body is not valid JSON.');
      return;
    }
    const result = await options.backend.invoke(method, input);
    send(res, result.ok ? 200 : STATUS[result.error.code], result);
  }

  const server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Onbekende host geweigerd.');
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', `http://${host}`).pathname);
    } catch {
      res.writeHead(400); res.end(); return;
    }
    if (pathname.includes('\0')) { res.writeHead(400); res.end(); return; }
    const handler = pathname.startsWith('/api/') ? serveApi(req, res, pathname.slice(5)) : serveStatic(req, res, pathname);
    handler.catch((error: unknown) => {
      console.error('[openstaand web]', error);
      if (!res.headersSent) fail(res, 500, 'internal', 'Er ging iets mis in de server.', 'Internal server error.');
      else res.end();
    });
  });
  server.requestTimeout = 5 * 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: nothing outside this computer can reach the ledger.
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    secret,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
