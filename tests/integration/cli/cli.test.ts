// The command-line door: the same contract, one method per call, JSON out. Each spawn costs about a
// second (tsx compiles on the fly), so the four runs start together.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import { countRows, makeTempDir, removeDir } from '../../helpers/backend';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface Run { code: number | null; stdout: string; stderr: string }

function cli(args: string[]): Promise<Run> {
  // No OPENSTAAND_* variables from the environment: the data folder is always the test's own.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OPENSTAAND_')));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli/main.ts'), ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dataDir: string;
let list: Run, ok: Run, notFound: Run, badJson: Run;

beforeAll(async () => {
  dataDir = makeTempDir('openstaand-cli-');
  const data = ['--data', dataDir, '--today', '2026-11-24'];
  // The ledger calls run one after another (they share the data folder); --list needs none.
  [list, ok] = await Promise.all([
    cli(['--list']),
    cli(['debtors.create', JSON.stringify({ kind: 'consumer', name: 'Petra Jansen', postcode: '3701gb' }), ...data]),
  ]);
  [notFound, badJson] = await Promise.all([
    cli(['debtors.page', '{"id": 999}', ...data]),
    cli(['debtors.create', '{kind: business}', ...data]),
  ]);
}, 120_000);

afterAll(() => removeDir(dataDir));

describe('the command line', () => {
  it('--list prints every method with its summary and input schema', () => {
    expect(list.code, list.stderr).toBe(0);
    const methods = JSON.parse(list.stdout) as { method: string; summary: string; input: { type?: string; properties?: Record<string, unknown> } }[];
    const names = methods.map((m) => m.method);
    expect(names).toEqual(expect.arrayContaining(['app.info', 'overview.get', 'debtors.create', 'invoices.create', 'payments.record']));
    const overview = methods.find((m) => m.method === 'overview.get')!;
    expect(overview.summary).toMatch(/Debiteuren/);
    expect(overview.input.type).toBe('object');
    expect(Object.keys(overview.input.properties ?? {})).toEqual(expect.arrayContaining(['search', 'stage', 'kind', 'overdueOnly', 'sort', 'direction']));
  });

  it('runs a method against the given data folder: exit 0 and the ok Result on stdout', () => {
    expect(ok.code, ok.stderr).toBe(0);
    const result = JSON.parse(ok.stdout) as Result<{ id: number; name: string; postcode: string }>;
    expect(result).toMatchObject({ ok: true, value: { id: 1, name: 'Petra Jansen', postcode: '3701 GB' } });
    expect(fs.existsSync(path.join(dataDir, 'openstaand.sqlite'))).toBe(true);
  });

  it('exits 1 with the error Result when the backend says no', () => {
    expect(notFound.code, notFound.stderr).toBe(1);
    expect(JSON.parse(notFound.stdout)).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/bestaat niet/) } });
  });

  it('exits 2 with a Dutch message on stderr when the input is not JSON, and touches nothing', () => {
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toMatch(/geen geldige JSON/);
    expect(badJson.stdout).toBe('');
    expect(countRows(path.join(dataDir, 'openstaand.sqlite')).debtors).toBe(1);
  });
});
