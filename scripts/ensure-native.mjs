#!/usr/bin/env node
// Makes sure better-sqlite3's native module is built for the Node.js that runs this project
// (the one pinned in devDependencies, not the machine's). Runs as the root postinstall and before
// tests. Why by hand: better-sqlite3's own install script tries to download a prebuilt binary
// (impossible on offline machines) and would otherwise compile against whatever headers the
// user-level npm config names, which may belong to another Node version.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const quiet = process.argv.includes('--quiet');
const log = (msg) => { if (!quiet) console.log(`[ensure-native] ${msg}`); };

function loads() {
  const probe = spawnSync(process.execPath, ['-e',
    "const D=require('better-sqlite3'); new D(':memory:').prepare('select 1').get()"],
  { cwd: root, encoding: 'utf8' });
  return probe.status === 0;
}

function findHeaders() {
  const plat = process.platform === 'win32' ? 'win' : process.platform;
  const pkg = `node-${plat}-${process.arch}`;
  const candidates = [
    path.join(root, 'node_modules', 'node', 'node_modules', pkg),
    path.join(root, 'node_modules', '.cache', 'openstaand-node-headers', process.version, 'package'),
    path.dirname(path.dirname(process.execPath)),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, 'include', 'node', 'node_version.h')));
  if (found) return found;
  // The pinned `node` package removes its platform package after install, headers included; fetch
  // the same version's package from the npm registry (the only network these machines have).
  const dest = path.join(root, 'node_modules', '.cache', 'openstaand-node-headers', process.version);
  mkdirSync(dest, { recursive: true });
  log(`fetching headers for Node ${process.version} (${pkg}) from the npm registry`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = spawnSync(npm, ['pack', `${pkg}@${process.version.slice(1)}`, '--silent'],
    { cwd: dest, encoding: 'utf8', shell: process.platform === 'win32' });
  if (packed.status !== 0) throw new Error(`npm pack ${pkg} failed: ${packed.stderr}`);
  const tgz = readdirSync(dest).find((f) => f.endsWith('.tgz'));
  const untar = spawnSync('tar', ['-xzf', tgz, 'package/include'], { cwd: dest, encoding: 'utf8' });
  if (untar.status !== 0) throw new Error(`unpacking ${tgz} failed: ${untar.stderr}`);
  return path.join(dest, 'package');
}

if (process.argv.includes('--electron')) {
  // Electron has its own ABI: build a second copy of the module for it, kept apart from the
  // Node build the tests use, and tell the caller where it is (OPENSTAAND_SQLITE_BINDING).
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const cacheDir = path.join(root, 'node_modules', '.cache', 'openstaand-native');
  const target = path.join(cacheDir, `electron-${electronVersion}`, 'better_sqlite3.node');
  if (!existsSync(target)) {
    const moduleDir = path.dirname(require.resolve('better-sqlite3/package.json'));
    const work = path.join(cacheDir, 'electron-build');
    rmSync(work, { recursive: true, force: true });
    cpSync(moduleDir, work, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
    log(`building better-sqlite3 for Electron ${electronVersion}`);
    const gyp = require.resolve('node-gyp/bin/node-gyp.js');
    const r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'],
      { cwd: work, stdio: 'inherit' });
    if (r.status !== 0) { console.error('[ensure-native] could not build better-sqlite3 for Electron'); process.exit(1); }
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  }
  writeFileSync(path.join(cacheDir, 'electron-binding.txt'), target);
  process.exit(0);
}

if (loads()) {
  log(`better-sqlite3 is ready for Node ${process.version}`);
  process.exit(0);
}
const headers = findHeaders();
const gyp = require.resolve('node-gyp/bin/node-gyp.js');
const moduleDir = path.dirname(require.resolve('better-sqlite3/package.json'));
log(`building better-sqlite3 for Node ${process.version} (takes a minute or two)`);
const env = { ...process.env };
for (const key of Object.keys(env)) if (/^npm_config_(nodedir|devdir|target|runtime|disturl)$/i.test(key)) delete env[key];
const built = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--nodedir=${headers}`, `-j`, 'max'],
  { cwd: moduleDir, stdio: quiet ? 'pipe' : 'inherit', env });
if (built.status !== 0 || !loads()) {
  console.error('[ensure-native] could not build better-sqlite3; see the output above');
  process.exit(1);
}
log('better-sqlite3 built');
