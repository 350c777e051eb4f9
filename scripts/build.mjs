import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from './run-ts.mjs';

const require = createRequire(path.join(root, 'package.json'));

/** electron-vite build: main, preload and renderer into out/. */
export function buildApp({ quiet = false } = {}) {
  const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const child = spawn(process.execPath, [cli, 'build'], { cwd: root, stdio: quiet ? 'ignore' : 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}
