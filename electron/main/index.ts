import { app, BrowserWindow, dialog, ipcMain, net, protocol, session, shell, utilityProcess, type UtilityProcess } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contract, ipcChannel, methodNames, type ApiError, type Result } from '../../shared/contract';
import { describeInvalidInput } from '../core/backend';
import { parseDoorArgs } from '../core/config/args';
import { CONTENT_SECURITY_POLICY } from '../web/security';

const APP_ORIGIN = 'app://openstaand';
const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseDoorArgs(process.argv.slice(app.isPackaged ? 1 : 2));

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let backend: UtilityProcess | null = null;
let nextId = 1;
const pending = new Map<number, (result: Result<unknown>) => void>();
let backendFailure: string | null = null;

function startBackend() {
  backend = utilityProcess.fork(path.join(here, 'backendProcess.js'), ['--data', args.dataDir, ...(args.today ? ['--today', args.today] : [])], {
    serviceName: 'Openstaand backend',
  });
  backend.on('message', (message: { id?: number; result?: Result<unknown>; fatal?: string }) => {
    if (message.fatal) { backendFailure = message.fatal; dialog.showErrorBox('Openstaand kan de administratie niet openen', message.fatal); return; }
    if (message.id !== undefined && message.result) { pending.get(message.id)?.(message.result); pending.delete(message.id); }
  });
  backend.on('exit', () => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message: 'De achtergrondverwerking is gestopt.' } });
    pending.clear();
  });
}

function callBackend(method: string, input: unknown): Promise<Result<unknown>> {
  if (!backend || backendFailure) return Promise.resolve({ ok: false, error: { code: 'database', message: backendFailure ?? 'De administratie is niet geopend.' } });
  const id = nextId++;
  return new Promise((resolve) => { pending.set(id, resolve); backend!.postMessage({ id, method, input }); });
}

/** Only our own page, in the top frame, may call the backend. */
function fromOurPage(event: Electron.IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!frame && frame === event.sender.mainFrame && new URL(frame.url).origin === APP_ORIGIN;
}

function bindContract() {
  for (const name of methodNames) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!fromOurPage(event)) return { ok: false, error: { code: 'forbidden', message: 'Geweigerd: verzoek niet van Openstaand zelf.' } satisfies ApiError };
      const parsed = contract[name].input.safeParse(input ?? {});
      if (!parsed.success) return { ok: false, error: describeInvalidInput(parsed.error) };
      return callBackend(name, input);
    });
  }
}

function serveRenderer() {
  const root = path.join(here, '..', 'renderer');
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    const target = file.startsWith(root + path.sep) && path.extname(file) ? file : path.join(root, 'index.html');
    const response = await net.fetch(pathToFileURL(target).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

async function openExternal(url: string, parent: BrowserWindow | null) {
  const { protocol: scheme } = new URL(url);
  if (scheme !== 'https:' && scheme !== 'http:' && scheme !== 'mailto:' && scheme !== 'tel:') return;
  const options = { type: 'question' as const, buttons: ['Openen', 'Annuleren'], defaultId: 0, cancelId: 1, message: `Deze link openen buiten Openstaand?\n${url}` };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(url);
}

function createWindow() {
  const win = new BrowserWindow({
    width: 1280, height: 860, minWidth: 960, minHeight: 640, title: 'Openstaand', show: false,
    webPreferences: {
      preload: path.join(here, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/`);
}

app.on('web-contents-created', (_event, contents) => {
  // No navigation away from the app and no new windows; outside links go to the browser, asked first.
  contents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== APP_ORIGIN) { event.preventDefault(); void openExternal(url, BrowserWindow.fromWebContents(contents)); }
  });
  contents.setWindowOpenHandler(({ url }) => { void openExternal(url, BrowserWindow.fromWebContents(contents)); return { action: 'deny' }; });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  serveRenderer();
  startBackend();
  bindContract();
  createWindow();
  app.on('activate', () => { if (BrowserWindow.getAllWindows().length === 0) createWindow(); });
}).catch((error: unknown) => { console.error(error); app.quit(); });

app.on('window-all-closed', () => { if (process.platform !== 'darwin') app.quit(); });
app.on('before-quit', () => backend?.kill());
