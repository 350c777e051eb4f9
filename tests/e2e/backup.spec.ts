import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, SHOTS, test } from './fixtures';

/** Every row of every table, as text: "the data is exactly as it was". */
function dump(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'openstaand.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    return tables.map((t) => `${t}: ${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all(), (_k, v: unknown) => (Buffer.isBuffer(v) ? `blob ${v.length}` : v))}`).join('\n');
  } finally {
    db.close();
  }
}

test('restore round trip: change → Back-up maken → change more → restore → the first state is back; a wrong file is refused', async ({ page, app }, testInfo) => {
  // The first state: the business and one customer with an overdue invoice.
  const invoke = async (method: string, input: unknown) => {
    const r = await app.backend.invoke(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as { id: number };
  };
  await invoke('business.save', { name: 'Atelier Zonneveld', street: 'Lange Nieuwstraat 4', postcode: '3512 PN', city: 'Utrecht', iban: 'NL91ABNA0417164300' });
  const first = await invoke('debtors.create', { kind: 'business', name: 'Bloemenhuis Van Dijk' });
  await invoke('invoices.create', { debtorId: first.id, number: '2026-001', invoiceDate: '2026-10-01', amount: 121_000 });

  await page.goto(`${app.url}#/instellingen`);
  const health = page.getByRole('region', { name: 'Gegevens en back-ups' });
  await expect(health.getByTestId('health-database')).toHaveText(path.join(app.dataDir, 'openstaand.sqlite'));
  await expect(health.getByTestId('health-last')).toHaveText('nog geen');

  // Back-up maken: the browser downloads the whole ledger as one file.
  const downloading = page.waitForEvent('download');
  await health.getByRole('button', { name: 'Back-up maken', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('openstaand-backup-2026-11-24.sqlite');
  const backupFile = testInfo.outputPath('openstaand-backup-2026-11-24.sqlite');
  await download.saveAs(backupFile);
  await expect(health.getByRole('status')).toContainText('openstaand-backup-2026-11-24.sqlite is opgeslagen');
  const firstState = dump(app.dataDir);

  // The integrity check on demand.
  await health.getByRole('button', { name: 'Administratie controleren' }).click();
  await expect(health.getByTestId('integrity-report')).toContainText('In orde');

  // Change more, in the app: a second customer with an invoice.
  await page.getByRole('button', { name: 'Debiteuren' }).click();
  await page.getByRole('button', { name: 'Nieuwe klant' }).click();
  const form = page.getByRole('form', { name: 'Nieuwe klant' });
  await form.getByLabel('Naam', { exact: true }).fill('Later Toegevoegd B.V.');
  await form.getByRole('button', { name: 'Klant toevoegen' }).click();
  await expect(page.getByRole('heading', { name: /Later Toegevoegd B\.V\./ })).toBeVisible();
  expect(dump(app.dataDir)).not.toBe(firstState);

  // Restore the file: asked first, then the first state is back.
  await page.getByRole('button', { name: 'Instellingen' }).click();
  await health.getByLabel('Back-upbestand terugzetten').setInputFiles(backupFile);
  const confirm = page.getByRole('alertdialog', { name: 'Back-upbestand terugzetten' });
  await expect(confirm).toContainText('De administratie vervangen door de back-up openstaand-backup-2026-11-24.sqlite?');
  await expect(confirm.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/confirm-dialog-danger.png` });
  await confirm.getByRole('button', { name: 'Terugzetten' }).click();
  await expect(health.getByRole('status')).toContainText('Teruggezet: 1 klanten en 1 facturen');
  expect(dump(app.dataDir)).toBe(firstState);
  // What was there before the restore is kept aside, and listed.
  await expect(health.getByTestId('backup-row').filter({ hasText: 'Vóór terugzetten' })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/health.png`, fullPage: true });

  await page.getByRole('button', { name: 'Debiteuren' }).click();
  await expect(page.getByTestId('debtor-row')).toHaveCount(1);
  await expect(page.getByTestId('debtor-row').first()).toContainText('Bloemenhuis Van Dijk');
  await page.getByRole('searchbox', { name: 'Zoek op naam of factuurnummer' }).fill('later');
  await expect(page.getByTestId('debtor-row')).toHaveCount(0);

  // A wrong file is refused with a clear message, and the data is untouched.
  const wrong = testInfo.outputPath('boodschappen.sqlite');
  fs.writeFileSync(wrong, 'melk, brood, kaas\n'.repeat(100));
  await page.getByRole('button', { name: 'Instellingen' }).click();
  await health.getByLabel('Back-upbestand terugzetten').setInputFiles(wrong);
  await page.getByRole('alertdialog', { name: 'Back-upbestand terugzetten' }).getByRole('button', { name: 'Terugzetten' }).click();
  await expect(health.getByRole('alert')).toContainText('geen back-up van Openstaand');
  await expect(health.getByRole('alert')).toContainText('Er is niets veranderd.');
  expect(dump(app.dataDir)).toBe(firstState);
  await expect(health.getByTestId('backup-row').filter({ hasText: 'Vóór terugzetten' })).toHaveCount(1);
});

test('forgetting a customer on request: the explanation of what goes and what stays, then the personal data is gone', async ({ page, app }) => {
  const created = await app.backend.invoke('debtors.create', { kind: 'consumer', name: 'Petra Jansen', email: 'petra@example.nl', phone: '06 12345678', notes: 'Belt liever na 17 uur.' });
  if (!created.ok) throw new Error(created.error.message);
  const id = (created.value as { id: number }).id;
  await page.goto(`${app.url}#/debiteur/${id}`);
  await expect(page.getByRole('heading', { name: /Petra Jansen/ })).toBeVisible();
  await page.getByRole('button', { name: 'Klant vergeten (AVG)' }).click();
  const panel = page.getByRole('region', { name: 'Deze klant vergeten' });
  await expect(panel).toContainText('artikel 52 Algemene wet inzake rijksbelastingen');
  await expect(panel).toContainText('Wat verdwijnt');
  await expect(panel.getByRole('button', { name: 'Definitief vergeten' })).toBeDisabled();
  await panel.getByLabel('Ik begrijp dat dit niet ongedaan kan worden gemaakt.').check();
  await page.screenshot({ path: `${SHOTS}/forget.png`, fullPage: true });
  await panel.getByRole('button', { name: 'Definitief vergeten' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`Vergeten klant #${id}`) })).toBeVisible();
  await expect(page.getByText('petra@example.nl')).toHaveCount(0);
  await expect(page.getByText('Belt liever')).toHaveCount(0);
});
