// Type checks every layer with its own tsconfig: shared/ without Node or DOM types, core with
// Node, the doors with Node (and Electron's own types), the renderer with the DOM only, the tests.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root } from './run-ts.mjs';

const require = createRequire(path.join(root, 'package.json'));
const tsc = require.resolve('typescript/bin/tsc');
export const LAYERS = ['tsconfig.shared.json', 'tsconfig.core.json', 'tsconfig.node.json', 'tsconfig.renderer.json', 'tsconfig.tests.json'];

export function typecheck() {
  let failed = 0;
  for (const config of LAYERS) {
    const r = spawnSync(process.execPath, [tsc, '-p', config, '--pretty'], { cwd: root, stdio: 'inherit' });
    console.log(`typecheck ${config}: ${r.status === 0 ? 'ok' : 'FAILED'}`);
    if (r.status !== 0) failed++;
  }
  return failed;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = typecheck() ? 1 : 0;
