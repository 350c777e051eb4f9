// Electron's security settings, asserted on what actually ships: the BUILT main and preload
// bundles (out/), not the sources. The Electron binary cannot run here, so the main bundle is read
// as a program (parsed with TypeScript's parser, so formatting and quoting do not matter) and the
// preload bundle is run in a VM with a fake 'electron' module.
//   main: every window sandboxed, context-isolated, without Node; the CSP allows only the app's own
//         scripts; navigation away and new windows are refused; every IPC handler checks that the
//         sender is our own page in the top frame before anything else; permissions denied.
//   preload: exposes exactly the contract's method names, each forwarding to its own channel, and
//         nothing of ipcRenderer; it needs no module but 'electron' (a sandboxed preload cannot require).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { ipcChannel, methodNames } from '../../../shared/contract';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN = path.join(ROOT, 'out/main/index.js');
const PRELOAD = path.join(ROOT, 'out/preload/index.cjs');
/** What the two bundles are built from. */
const SOURCES = ['electron/main', 'electron/preload', 'electron/web/security.ts', 'shared/contract', 'electron.vite.config.ts'];

function newestSource(): number {
  let newest = 0;
  const visit = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const s of SOURCES) visit(path.join(ROOT, s));
  return newest;
}

const stale = (file: string) => !fs.existsSync(file) || fs.statSync(file).mtimeMs < newestSource();

let main: ts.SourceFile;
let mainText: string;

beforeAll(() => {
  if (stale(MAIN) || stale(PRELOAD)) {
    const require = createRequire(path.join(ROOT, 'package.json'));
    const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
    const r = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    if (r.status !== 0) throw new Error(`electron-vite build failed:\n${r.stdout}\n${r.stderr}`);
  }
  mainText = fs.readFileSync(MAIN, 'utf8');
  main = ts.createSourceFile(MAIN, mainText, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
}, 300_000);

/** Every node of a tree that passes `test`. */
function findAll<T extends ts.Node>(root: ts.Node, test: (n: ts.Node) => n is T): T[] {
  const found: T[] = [];
  const visit = (n: ts.Node) => { if (test(n)) found.push(n); ts.forEachChild(n, visit); };
  visit(root);
  return found;
}

const propName = (p: ts.ObjectLiteralElementLike) => (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined);

/** An object literal's plain properties as source text: { sandbox: 'true', … }. */
function properties(obj: ts.ObjectLiteralExpression): Record<string, string> {
  return Object.fromEntries(obj.properties.filter(ts.isPropertyAssignment).map((p) => [propName(p), p.initializer.getText()]));
}

/** Calls `<something>.<method>(…)`, optionally with a first argument string. */
function callsOf(methodName: string, firstArg?: string): ts.CallExpression[] {
  return findAll(main, ts.isCallExpression).filter((c) =>
    ts.isPropertyAccessExpression(c.expression) && c.expression.name.text === methodName &&
    (firstArg === undefined || (c.arguments[0] !== undefined && ts.isStringLiteralLike(c.arguments[0]) && c.arguments[0].text === firstArg)));
}

const fn = (n: ts.Node | undefined) => (n && (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) ? n : undefined);

describe('the built main bundle (out/main/index.js)', () => {
  it('opens every window sandboxed, context-isolated, without Node and with web security', () => {
    const windows = findAll(main, ts.isNewExpression).filter((n) => n.expression.getText() === 'BrowserWindow');
    expect(windows.length).toBeGreaterThan(0);
    for (const w of windows) {
      const options = w.arguments?.[0];
      expect(options && ts.isObjectLiteralExpression(options)).toBe(true);
      const prefs = (options as ts.ObjectLiteralExpression).properties.filter(ts.isPropertyAssignment).find((p) => propName(p) === 'webPreferences');
      expect(prefs && ts.isObjectLiteralExpression(prefs.initializer), 'webPreferences given').toBe(true);
      const p = properties(prefs!.initializer as ts.ObjectLiteralExpression);
      expect(p).toMatchObject({ sandbox: 'true', contextIsolation: 'true', nodeIntegration: 'false', nodeIntegrationInWorker: 'false' });
      expect(p.webSecurity ?? 'true').toBe('true');
      expect(p.allowRunningInsecureContent ?? 'false').toBe('false');
      expect(p.webviewTag ?? 'false').toBe('false');
      expect(p.experimentalFeatures ?? 'false').toBe('false');
      expect(p.preload).toMatch(/index\.cjs/);
    }
  });

  it('nowhere weakens those settings (no sandbox: false, nodeIntegration: true, …)', () => {
    const chunks = fs.readdirSync(path.join(ROOT, 'out/main/chunks')).map((f) => fs.readFileSync(path.join(ROOT, 'out/main/chunks', f), 'utf8'));
    for (const text of [mainText, ...chunks]) {
      expect(text).not.toMatch(/\bsandbox\s*:\s*false/);
      expect(text).not.toMatch(/\bcontextIsolation\s*:\s*false/);
      expect(text).not.toMatch(/\bnodeIntegration(InWorker|InSubFrames)?\s*:\s*true/);
      expect(text).not.toMatch(/\bwebSecurity\s*:\s*false/);
      expect(text).not.toMatch(/\bwebviewTag\s*:\s*true/);
      expect(text).not.toMatch(/allowRunningInsecureContent\s*:\s*true/);
      expect(text).not.toMatch(/enableRemoteModule|--no-sandbox|disable-web-security/);
    }
  });

  it('sends a Content Security Policy that runs only the app\'s own scripts', () => {
    const declaration = findAll(main, ts.isVariableDeclaration).find((d) => d.name.getText() === 'CONTENT_SECURITY_POLICY');
    expect(declaration, 'CONTENT_SECURITY_POLICY in the bundle').toBeDefined();
    const list = findAll(declaration!, ts.isArrayLiteralExpression)[0]!;
    const csp = list.elements.map((e) => (ts.isStringLiteralLike(e) ? e.text : '?')).join('; ');
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:/);
    // …and it is set on every response of the app:// protocol.
    const sets = callsOf('set', 'Content-Security-Policy');
    expect(sets.length).toBeGreaterThan(0);
    expect(sets.every((c) => c.arguments[1]?.getText() === 'CONTENT_SECURITY_POLICY')).toBe(true);
  });

  it('prevents navigation away from the app and denies every new window', () => {
    const navigate = callsOf('on', 'will-navigate');
    expect(navigate).toHaveLength(1);
    const handler = fn(navigate[0]!.arguments[1]);
    expect(handler?.getText()).toMatch(/\.preventDefault\(\)/);
    expect(handler?.getText()).toMatch(/APP_ORIGIN/);

    const open = callsOf('setWindowOpenHandler');
    expect(open).toHaveLength(1);
    const returns = findAll(fn(open[0]!.arguments[0])!, ts.isReturnStatement);
    expect(returns.length).toBeGreaterThan(0);
    for (const r of returns) expect(r.expression?.getText().replace(/\s/g, '')).toBe('{action:"deny"}');

    expect(fn(callsOf('on', 'will-attach-webview')[0]?.arguments[1])?.getText()).toMatch(/preventDefault\(\)/);
    const permissions = callsOf('setPermissionRequestHandler');
    expect(permissions).toHaveLength(1);
    expect(fn(permissions[0]!.arguments[0])?.getText()).toMatch(/callback\(false\)\s*$/);
  });

  it('checks the sender frame first in every IPC handler, and listens on no other IPC', () => {
    const handles = callsOf('handle').filter((c) => c.expression.getText().startsWith('ipcMain.'));
    expect(handles.length).toBeGreaterThan(0);
    expect(callsOf('on').filter((c) => c.expression.getText().startsWith('ipcMain.'))).toEqual([]);
    expect(callsOf('handleOnce').filter((c) => c.expression.getText().startsWith('ipcMain.'))).toEqual([]);
    for (const h of handles) {
      const handler = fn(h.arguments[1])!;
      expect(handler).toBeDefined();
      const first = ts.isBlock(handler.body) ? handler.body.statements[0] : undefined;
      expect(first && ts.isIfStatement(first), 'the first statement is the check').toBe(true);
      const check = (first as ts.IfStatement).expression.getText();
      const checker = /^!\s*(\w+)\(event\)$/.exec(check)?.[1];
      expect(checker, `handler starts with: ${check}`).toBeDefined();
      expect((first as ts.IfStatement).thenStatement.getText()).toMatch(/forbidden/);
      // The checker: the sending frame is the window's main frame, and its origin is the app's.
      const body = findAll(main, ts.isFunctionDeclaration).find((f) => f.name?.text === checker)!.getText();
      expect(body).toMatch(/senderFrame/);
      expect(body).toMatch(/===\s*event\.sender\.mainFrame/);
      expect(body).toMatch(/\.origin\s*===\s*APP_ORIGIN/);
    }
    expect(mainText).toMatch(/APP_ORIGIN\s*=\s*"app:\/\/openstaand"/);
  });
});

describe('the built preload bundle (out/preload/index.cjs)', () => {
  function runPreload() {
    const exposed: { name: string; value: unknown }[] = [];
    const invoked: unknown[][] = [];
    const required: string[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.push({ name, value }) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => { invoked.push(args); return Promise.resolve({ ok: true, value: null }); },
        send: () => { throw new Error('send must not be used'); },
        on: () => { throw new Error('on must not be used'); },
      },
    };
    const requireFake = (id: string) => {
      required.push(id);
      if (id === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    };
    const module = { exports: {} };
    const context = vm.createContext({ require: requireFake, module, exports: module.exports, console, URL, TextEncoder, TextDecoder });
    vm.runInContext(fs.readFileSync(PRELOAD, 'utf8'), context, { filename: 'preload/index.cjs' });
    return { exposed, invoked, required };
  }

  it('exposes one object, frozen, with exactly the contract\'s method names, each forwarding to its own channel', async () => {
    const { exposed, invoked, required } = runPreload();
    expect([...new Set(required)]).toEqual(['electron']);
    expect(exposed.map((e) => e.name)).toEqual(['openstaand']);
    const bridge = exposed[0]!.value as { shell: string; api: Record<string, (input: unknown) => Promise<unknown>> };
    expect(Object.keys(bridge).sort()).toEqual(['api', 'shell']);
    expect(bridge.shell).toBe('electron');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.api)).toBe(true);
    expect(Object.keys(bridge.api).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) {
      expect(typeof bridge.api[name]).toBe('function');
      await bridge.api[name]!({ probe: name });
    }
    expect(invoked).toEqual(methodNames.map((name) => [ipcChannel(name), { probe: name }]));
  });

  it('leaks nothing of ipcRenderer or Node: no other functions, no generic channel', () => {
    const { exposed } = runPreload();
    const bridge = exposed[0]!.value as { api: Record<string, unknown> };
    const text = fs.readFileSync(PRELOAD, 'utf8');
    expect(Object.values(bridge.api).every((f) => typeof f === 'function' && (f as () => unknown).length === 1)).toBe(true);
    expect(text).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    expect(text).not.toMatch(/ipcRenderer\.(send|on|once|sendSync|postMessage)\(/);
  });
});
