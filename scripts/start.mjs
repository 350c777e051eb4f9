// `npm start`: builds the app and opens it in Electron. Where Electron cannot start (its binary
// could not be downloaded, or there is no display) it says so in one line and serves the same app
// in the browser shell instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './build.mjs';
import { root, runTs } from './run-ts.mjs';

const args = process.argv.slice(2);
const electronDir = path.join(root, 'node_modules', 'electron');

function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function whyNoElectron() {
  if (!existsSync(electronDir)) return 'Electron is not installed';
  if (!electronBinary()) {
    // Electron's own install script is not run by npm here (package.json allowScripts): fetch its
    // binary now, on machines that can reach the download.
    const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'ignore', timeout: 120_000 });
    if (r.status !== 0 || !electronBinary()) return 'the Electron binary could not be downloaded';
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'there is no display';
  return null;
}

const built = await buildApp();
if (built !== 0) process.exit(built);

const reason = whyNoElectron();
if (reason) {
  console.log(`Electron kan hier niet starten (${reason}); Openstaand opent in de browser op het adres hieronder.`);
  process.exitCode = await runTs('electron/web/main.ts', args);
} else {
  const native = spawnSync(process.execPath, [path.join(root, 'scripts', 'ensure-native.mjs'), '--electron'], { stdio: 'inherit' });
  if (native.status !== 0) process.exit(native.status ?? 1);
  const binding = readFileSync(path.join(root, 'node_modules', '.cache', 'openstaand-native', 'electron-binding.txt'), 'utf8').trim();
  const child = spawn(electronBinary(), [root, ...args], { stdio: 'inherit', env: { ...process.env, OPENSTAAND_SQLITE_BINDING: binding } });
  child.on('exit', (code) => process.exit(code ?? 0));
}
