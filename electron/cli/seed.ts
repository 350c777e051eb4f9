import { createBackend } from '../core/backend';
import { parseDoorArgs } from '../core/config/args';
import { seedLargeLedger } from '../core/dev/largeLedger';

/** `npm run seed -- --debtors 5000 --invoices 100000 --data <folder>`: a large ledger for benchmarks. */
async function main() {
  const args = parseDoorArgs(process.argv.slice(2));
  const num = (flag: string, dflt: number) => {
    const i = args.rest.indexOf(flag);
    const n = i >= 0 ? Number(args.rest[i + 1]) : dflt;
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} verwacht een positief geheel getal`);
    return n;
  };
  const debtors = num('--debtors', 5000);
  const invoices = num('--invoices', 100_000);
  const backend = await createBackend({ dataDir: args.dataDir, today: args.today });
  const started = performance.now();
  seedLargeLedger(backend.context, { debtors, invoices, seed: num('--seed', 42) });
  backend.close();
  console.log(`${debtors} debiteuren en ${invoices} facturen aangemaakt in ${args.dataDir} (${Math.round(performance.now() - started)} ms)`);
}

main().catch((error: unknown) => { console.error(error instanceof Error ? error.message : error); process.exit(1); });
