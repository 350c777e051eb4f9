// Moving to another laptop: backup.exportAll packs the ledger and a manifest into one zip;
// backup.importAll takes it in on a new installation, checks it against the manifest, and only
// then replaces the (empty) ledger. Refused with nothing changed otherwise.
import { readFileSync, writeFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { z } from 'zod';
import { MAX_LEDGER_BYTES, type MoveExport, type MoveManifest, type RestoreSummary } from '../../../shared/contract/methods/backup';
import type { Context } from '../context';
import { AppError } from '../errors';
import { sha256Hex } from '../util/hash';
import { hasData } from './automatic';
import { inspectLedgerFile, refuse, type LedgerFacts } from './inspect';
import { replaceLedger } from './restore';
import { removeDatabaseFiles, tempLedgerPath, writeSnapshot } from './snapshot';
import { unzipExactly } from './zip';

export const MANIFEST_ENTRY = 'manifest.json';
export const DATABASE_ENTRY = 'openstaand.sqlite';
const MAX_MANIFEST_BYTES = 256 * 1024;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const manifestSchema = z.object({
  format: z.literal('openstaand-verhuizing'),
  formatVersion: z.literal(1),
  createdAt: z.string().max(40),
  appVersion: z.string().max(40),
  schemaVersion: z.number().int().min(1).max(100_000),
  database: z.object({ fileName: z.literal(DATABASE_ENTRY), sizeBytes: count, sha256 }).strict(),
  counts: z.record(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/), count).refine((c) => Object.keys(c).length <= 200),
  openCents: count,
}).strict();

export async function exportAll(ctx: Context): Promise<MoveExport> {
  const file = tempLedgerPath(ctx.dataDir, 'kopie');
  try {
    await writeSnapshot(ctx.sqlite, file);
    // The manifest describes exactly this file; checking it also proves the export is sound.
    const facts = await inspectLedgerFile(file);
    const bytes = readFileSync(file);
    const manifest: MoveManifest = {
      format: 'openstaand-verhuizing',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      appVersion: ctx.appVersion,
      schemaVersion: facts.schemaVersion,
      database: { fileName: DATABASE_ENTRY, sizeBytes: bytes.length, sha256: sha256Hex(bytes) },
      counts: facts.counts,
      openCents: facts.openCents,
    };
    const zip = Buffer.from(zipSync({
      [MANIFEST_ENTRY]: [strToU8(JSON.stringify(manifest, null, 2)), { level: 6 }],
      [DATABASE_ENTRY]: [bytes, { level: 6 }],
    }));
    return {
      fileName: `openstaand-verhuizing-${ctx.today()}.zip`,
      mimeType: 'application/zip',
      dataBase64: zip.toString('base64'),
      sizeBytes: zip.length,
      sha256: sha256Hex(zip),
      manifest,
    };
  } finally {
    removeDatabaseFiles(file);
  }
}

function sameCounts(a: Record<string, number>, b: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((n) => a[n] !== b[n]).map((n) => `${n}: ${b[n] ?? '–'} in het manifest, ${a[n] ?? '–'} in de database`);
}

export async function importAll(ctx: Context, dataBase64: string): Promise<RestoreSummary> {
  if (hasData(ctx.sqlite)) {
    throw new AppError(
      'forbidden',
      'Deze installatie bevat al een administratie. Een verhuisbestand kan alleen op een nieuwe, lege installatie worden ingelezen. Wil je hier een back-up terugzetten, gebruik dan "Terugzetten". Er is niets veranderd.',
      'This installation already holds a ledger. A moving file can only be read into a new, empty installation. To put back a backup here, use "Restore". Nothing was changed.',
    );
  }
  const zip = Buffer.from(dataBase64, 'base64');
  if (zip.length > MAX_LEDGER_BYTES) throw refuse('Het verhuisbestand is te groot.', 'The moving file is too large.');
  const entries = unzipExactly(zip, { [MANIFEST_ENTRY]: MAX_MANIFEST_BYTES, [DATABASE_ENTRY]: MAX_LEDGER_BYTES });

  let manifest: MoveManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(Buffer.from(entries.get(MANIFEST_ENTRY)!).toString('utf8'))) as MoveManifest;
  } catch {
    throw refuse('Het manifest in het verhuisbestand is onleesbaar of onvolledig.', 'The manifest in the moving file is unreadable or incomplete.');
  }
  const database = entries.get(DATABASE_ENTRY)!;
  if (database.length !== manifest.database.sizeBytes || sha256Hex(database) !== manifest.database.sha256) {
    throw refuse('De administratie in het verhuisbestand is niet meer dezelfde als bij het exporteren (de controlecode klopt niet).', 'The ledger in the moving file is not the one that was exported (checksum mismatch).');
  }

  const candidate = tempLedgerPath(ctx.dataDir, 'herstel');
  try {
    writeFileSync(candidate, database);
    return await replaceLedger(ctx, candidate, 'verhuizing', (facts: LedgerFacts) => {
      const differences = sameCounts(facts.counts, manifest.counts);
      if (facts.schemaVersion !== manifest.schemaVersion) differences.unshift(`schema ${manifest.schemaVersion} in het manifest, ${facts.schemaVersion} in de database`);
      if (facts.openCents !== manifest.openCents) differences.push(`openstaand ${manifest.openCents} cent in het manifest, ${facts.openCents} in de database`);
      if (differences.length > 0) {
        throw refuse(`De administratie klopt niet met het manifest (${differences.slice(0, 3).join('; ')}).`, `The ledger does not match its manifest (${differences.slice(0, 3).join('; ')}).`);
      }
    });
  } finally {
    removeDatabaseFiles(candidate);
  }
}
