import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../core/backend';
import { parseDoorArgs } from '../core/config/args';
import { startWebServer } from './server';

/** `npm run serve` / the fallback of `npm start`: the app in a browser at 127.0.0.1. */
async function main() {
  const args = parseDoorArgs(process.argv.slice(2));
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const backend = await createBackend({ dataDir: args.dataDir, today: args.today, prepareOverview: true });
  const server = await startWebServer({ backend, staticDir: path.join(root, 'out', 'renderer'), port: args.port });
  console.log(`Openstaand draait op ${server.url}  (gegevens: ${args.dataDir}; stoppen met Ctrl+C)`);
  const stop = async () => { await server.close(); backend.close(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Openstaand kon niet starten: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
