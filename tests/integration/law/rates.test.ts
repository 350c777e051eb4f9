import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/core/backend';

let backend: Backend;
let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'openstaand-law-'));
  backend = await createBackend({ dataDir: dir, today: '2026-11-24' });
});
afterEach(() => { backend.close(); rmSync(dir, { recursive: true, force: true }); });

describe('statutory rates as the user keeps them (Instellingen → Wettelijke rente)', () => {
  it('computes the domain doc example with the built-in table', async () => {
    const r = await backend.invoke('law.interest', { kind: 'commercial', principal: 300_000, dueDate: '2024-03-31', until: '2025-06-30' });
    expect(r.ok && r.value).toMatchObject({ interest: 45_467, collectionCosts: 42_500 });
  });

  it('uses a rate the user entered instead of the built-in one, and marks it verified', async () => {
    const save = await backend.invoke('law.saveRate', { kind: 'commercial', from: '2025-01-01', percent: 12.15, source: 'eigen controle' });
    expect(save.ok).toBe(true);
    const r = await backend.invoke('law.interest', { kind: 'commercial', principal: 300_000, dueDate: '2024-12-31', until: '2025-03-31' });
    if (!r.ok) throw new Error(r.error.message);
    // 2025-01-01 … 03-31 = 90 days at 12.15 % over € 3.000 = € 89,88
    expect(r.value.periods).toEqual([expect.objectContaining({ days: 90, percent: 12.15, interest: 8_988, verified: true })]);
    const rates = await backend.invoke('law.rates', {});
    expect(rates.ok && rates.value.commercial.find((x) => x.from === '2025-01-01')).toMatchObject({ origin: 'user', verified: true });
    await backend.invoke('law.deleteRate', { kind: 'commercial', from: '2025-01-01' });
    const back = await backend.invoke('law.interest', { kind: 'commercial', principal: 300_000, dueDate: '2024-12-31', until: '2025-03-31' });
    expect(back.ok && back.value.periods[0]).toMatchObject({ percent: 11.15, verified: false });
  });

  it('refuses a rate that does not start on 1 January or 1 July, and an until before the due date', async () => {
    const bad = await backend.invoke('law.saveRate', { kind: 'consumer', from: '2026-03-01', percent: 4, source: 'x y z' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const early = await backend.invoke('law.interest', { kind: 'consumer', principal: 100, dueDate: '2026-03-01', until: '2026-01-01' });
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
