/**
 * The backend in Electron's utility process: SQLite and PDF work never run on the window's thread
 * nor on the main process's. It speaks {id, method, input} → {id, result} with the main process.
 * It does not import 'electron': `process.parentPort` is all it needs.
 */
import { createBackend } from '../core/backend';
import { parseDoorArgs } from '../core/config/args';

interface ParentPort {
  on(event: 'message', listener: (e: { data: { id: number; method: string; input: unknown } }) => void): void;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort: ParentPort }).parentPort;
const args = parseDoorArgs(process.argv.slice(2));

createBackend({ dataDir: args.dataDir, today: args.today, prepareOverview: true }).then(
  (backend) => {
    port.on('message', ({ data }) => {
      void backend.invoke(data.method, data.input).then((result) => port.postMessage({ id: data.id, result }));
    });
    port.postMessage({ ready: true });
  },
  (error: unknown) => {
    port.postMessage({ fatal: error instanceof Error ? error.message : String(error) });
  },
);
