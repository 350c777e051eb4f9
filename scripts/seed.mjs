import { runTs } from './run-ts.mjs';

process.exitCode = await runTs('electron/cli/seed.ts', process.argv.slice(2));
