import { test as base, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/core/backend';
import { startWebServer, type WebServer } from '../../electron/web/server';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const TODAY = '2026-11-24';

interface AppFixture {
  /** A fresh ledger in a temp folder behind the real browser shell, for one test. */
  app: { url: string; backend: Backend; server: WebServer; dataDir: string };
}

export const test = base.extend<AppFixture>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  app: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'openstaand-e2e-'));
    const backend = await createBackend({ dataDir, today: TODAY });
    const server = await startWebServer({ backend, staticDir: path.join(ROOT, 'out', 'renderer') });
    await use({ url: server.url, backend, server, dataDir });
    await server.close();
    backend.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** Screenshots that a person looks at go here (kept out of git). */
export const SHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** A button of the menu at the top (other buttons on a screen may have the same name). */
export const nav = (page: Page, name: string) => page.locator('.topbar nav').getByRole('button', { name, exact: true });

/** Calls the test's backend directly, to arrange or check what a screen does not show; throws on an error. */
export async function invokeOk<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const r = await backend.invoke(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}
