// `npm test`: everything that must hold before a change lands, in one command.
// Type checks per layer, lint, unit + integration tests (Vitest), a build, and end-to-end tests
// (Playwright in Debian's Chromium against the browser shell). Any failure fails the run; the
// last line is the plain count `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildApp } from './build.mjs';
import { root } from './run-ts.mjs';
import { typecheck } from './typecheck.mjs';

const require = createRequire(path.join(root, 'package.json'));
const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
const run = (args, env = {}) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;
const outDir = path.join(root, 'tests', '.output');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const counts = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const step = (name, ok) => { console.log(`\n== ${name}: ${ok ? 'ok' : 'FAILED'}\n`); if (!ok) problems.push(name); };

step('native SQLite module', run([path.join(root, 'scripts', 'ensure-native.mjs'), '--quiet']) === 0);
step('type checks', typecheck() === 0);
step('lint', run([bin('eslint', 'bin/eslint.js'), '--max-warnings', '0', '.']) === 0);

const vitestJson = path.join(outDir, 'vitest.json');
const vitestStatus = run([bin('vitest', 'vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  counts.passed += r.numPassedTests; counts.failed += r.numFailedTests; counts.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
step('unit and integration tests', vitestStatus === 0);

const built = (await buildApp({ quiet: true })) === 0;
step('build', built);
if (built) {
  const e2eJson = path.join(root, 'test-results', 'e2e.json');
  rmSync(e2eJson, { force: true });
  const e2eStatus = run([bin('@playwright/test', 'cli.js'), 'test']);
  if (existsSync(e2eJson)) {
    const s = JSON.parse(readFileSync(e2eJson, 'utf8')).stats;
    counts.passed += s.expected; counts.failed += s.unexpected + (s.flaky ?? 0); counts.skipped += s.skipped;
  }
  step('end-to-end tests', e2eStatus === 0);
}

if (problems.length) console.log(`Failed steps: ${problems.join(', ')}`);
if (problems.length && counts.failed === 0) counts.failed = problems.length; // a failed check counts as a failure
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exitCode = problems.length ? 1 : 0;
