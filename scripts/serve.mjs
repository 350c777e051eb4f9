// `npm run serve`: the browser shell, building the renderer first when it has not been built.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './build.mjs';
import { root, runTs } from './run-ts.mjs';

const args = process.argv.slice(2);
if (args.includes('--build') || !existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
  const code = await buildApp();
  if (code !== 0) process.exit(code);
}
process.exitCode = await runTs('electron/web/main.ts', args.filter((a) => a !== '--build'));
