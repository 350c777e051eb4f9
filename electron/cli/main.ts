import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { contract, methodNames } from '../../shared/contract';
import { createBackend } from '../core/backend';
import { parseDoorArgs } from '../core/config/args';

const USAGE = `Gebruik: npm run cli -- <methode> '<json-invoer>' [--data <map>] [--out <bestand>]
         npm run cli -- --list
Bestanden: schrijf {"$file": "pad/naar/bestand"} waar de invoer bestandsinhoud (base64) verwacht;
met --out worden de bytes van een antwoord met "dataBase64" naar dat bestand geschreven.`;

/** Replaces every {"$file": path} in the input by the file's bytes as base64. */
function inlineFiles(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inlineFiles);
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.$file === 'string' && Object.keys(obj).length === 1) return readFileSync(obj.$file).toString('base64');
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, inlineFiles(v)]));
  }
  return value;
}

/** The command line door: the same contract, one method per call, JSON out. */
async function main(): Promise<number> {
  const args = parseDoorArgs(process.argv.slice(2));
  let out: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.rest.length; i++) {
    if (args.rest[i] === '--out') out = args.rest[++i];
    else rest.push(args.rest[i]!);
  }
  if (rest[0] === '--list') {
    const list = methodNames.map((name) => ({ method: name, summary: contract[name].summary, input: z.toJSONSchema(contract[name].input, { io: 'input', unrepresentable: 'any' }) }));
    console.log(JSON.stringify(list, null, 2));
    return 0;
  }
  const [method, json] = rest;
  if (!method || rest[0] === '--help') { console.error(USAGE); return method ? 0 : 2; }
  let input: unknown = {};
  if (json !== undefined) {
    try { input = inlineFiles(JSON.parse(json)); } catch (error) {
      console.error(`De invoer is geen geldige JSON: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  const backend = await createBackend({ dataDir: args.dataDir, today: args.today });
  try {
    const result = await backend.invoke(method, input);
    if (result.ok && out && result.value && typeof result.value === 'object' && 'dataBase64' in result.value) {
      const { dataBase64, ...restOfValue } = result.value as { dataBase64: string };
      writeFileSync(out, Buffer.from(dataBase64, 'base64'));
      console.log(JSON.stringify({ ok: true, value: { ...restOfValue, writtenTo: out } }, null, 2));
    } else {
      console.log(JSON.stringify(result, null, 2));
    }
    return result.ok ? 0 : 1;
  } finally {
    backend.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(`Fout: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
