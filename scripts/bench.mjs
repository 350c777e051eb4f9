// `npm run bench`: builds the renderer when needed, then times the large-ledger paths.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './build.mjs';
import { root, runTs } from './run-ts.mjs';

if (!existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
  const code = await buildApp({ quiet: true });
  if (code !== 0) process.exit(code);
}
process.exitCode = await runTs('tests/bench/bench.ts', process.argv.slice(2));
