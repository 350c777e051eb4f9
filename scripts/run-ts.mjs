// Runs a TypeScript entry point of the project with tsx on the project's own Node (see package.json
// devDependencies: `node`), passing the arguments through.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function runTs(entry, args, options = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, entry), ...args], { cwd: root, stdio: 'inherit', ...options });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}
