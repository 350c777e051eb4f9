import { runTs } from './run-ts.mjs';

process.exitCode = await runTs('electron/cli/main.ts', process.argv.slice(2));
