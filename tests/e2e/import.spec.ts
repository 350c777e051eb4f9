import type { Backend } from '../../electron/core/backend';
import { demoStatement } from '../integration/importing/helpers';
import { expect, SHOTS, test } from './fixtures';

/** Every table's rows, for "nothing changed" (the vitest helper's idea, without vitest). */
function dump(backend: Backend): string {
  const db = backend.context.sqlite;
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[]);
  return tables.map((t) => `${t}: ${JSON.stringify(db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).all(), (_k, v: unknown) => (v instanceof Uint8Array ? v.length : v))}`).join('\n');
}

test('demo data → a bank statement in Importeren → review: 2 certain, 1 partial, 1 unmatched → confirm → Debiteuren updated → the same file again changes nothing', async ({ page, app }) => {
  const { xml, peeters, lindeboom } = await demoStatement(app.backend);
  const statement = { name: 'afschrift-november.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) };

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByRole('heading', { name: 'Importeren', level: 1 })).toBeVisible();
  await page.getByLabel('Kies een bankafschrift').setInputFiles(statement);

  const review = page.getByRole('region', { name: 'Betalingen controleren' });
  await expect(review.getByTestId('count-certain')).toHaveText('2 zeker');
  await expect(review.getByTestId('count-likely')).toHaveText('1 waarschijnlijk');
  await expect(review.getByTestId('count-unmatched')).toHaveText('1 niet gekoppeld');
  await expect(review.getByTestId('count-debits')).toHaveText('1 afschrijving');
  const lines = review.getByTestId('bank-line');
  await expect(lines).toHaveCount(4);
  await expect(review.locator('[data-testid="bank-line"][data-confidence="certain"]')).toHaveCount(2);
  const partial = review.locator('[data-testid="bank-line"][data-confidence="likely"]');
  await expect(partial).toContainText('deelbetaling: € 1.000,00 / € 2.420,00');
  await expect(partial).toContainText(peeters.number);
  const unmatched = review.locator('[data-testid="bank-line"][data-kind="unmatched"]');
  await expect(unmatched).toContainText('J. Onbekend');
  await expect(unmatched.getByRole('checkbox')).not.toBeChecked();
  await expect(unmatched.getByRole('combobox')).toContainText('Kies een factuur…');
  await expect(review.locator('[data-testid="bank-line"] input[type="checkbox"]:checked')).toHaveCount(3);
  await expect(review.getByText('1 afschrijving – niet gekoppeld')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/import-review.png`, fullPage: true });

  await review.getByRole('button', { name: 'Bevestigen: 3 betalingen vastleggen' }).click();
  await expect(page.getByTestId('import-result')).toHaveText('3 betalingen vastgelegd (€ 2.121,00 op facturen) · 1 niet gekoppeld · 1 afschrijving · 0 al eerder ingelezen');
  await expect(page.getByTestId('import-row')).toHaveCount(1);
  await expect(page.getByTestId('import-row')).toContainText('afschrift-november.xml');

  await page.getByRole('button', { name: 'Naar Debiteuren' }).click();
  const rows = page.getByTestId('debtor-row');
  await expect(rows.filter({ hasText: 'Drukkerij Peeters' }).getByTestId('row-open')).toHaveText('€ 1.420,00');
  await expect(rows.filter({ hasText: lindeboom.debtorName })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Petra Jansen' })).toHaveCount(0);
  await rows.filter({ hasText: 'Drukkerij Peeters' }).click();
  await expect(page.locator('.timeline')).toContainText(`Betaling van € 1.000,00 ontvangen voor ${peeters.number}`);

  // The same file again: recognised line by line, nothing to confirm, nothing changed.
  const before = dump(app.backend);
  await page.getByRole('button', { name: 'Importeren' }).click();
  await page.getByLabel('Kies een bankafschrift').setInputFiles(statement);
  await expect(review.getByTestId('count-alreadyImported')).toHaveText('5 al eerder ingelezen');
  await expect(review.getByTestId('nothing-new')).toHaveText('Alle regels van dit bestand zijn al eerder ingelezen. Er is niets te doen.');
  await expect(review.getByTestId('bank-line')).toHaveCount(0);
  await expect(review.getByRole('button', { name: /Bevestigen/ })).toHaveCount(0);
  await review.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByTestId('import-row')).toHaveCount(1);
  expect(dump(app.backend)).toBe(before);
});

test('invoices from a CSV: the guessed mapping, customers matched or new, a row with a problem blocks until skipped', async ({ page, app }) => {
  await app.backend.invoke('setup.loadDemo', {});
  const csv = [
    'Factuurnummer;Klantnaam;KvK-nummer;Factuurdatum;Vervaldatum;Totaal incl. btw;Omschrijving',
    'IMP-001;Korenschoof;30123456;01-11-2026;15-11-2026;605,00;Menukaarten kerst',
    'IMP-002;Atelier Noord B.V.;55667788;02-11-2026;16-11-2026;1.452,00;Logo en huisstijl',
    'IMP-003;Atelier Noord B.V.;55667788;31-11-2026;;99,00;Drukproef',
  ].join('\r\n');
  await page.goto(`${app.url}#/importeren`);
  await page.getByLabel('Kies facturen (CSV of UBL)').setInputFiles({ name: 'facturen-november.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const review = page.getByRole('region', { name: 'Facturen controleren' });
  await expect(review.getByText('Openstaand heeft geraden welke kolom wat bevat.', { exact: false })).toBeVisible();
  await expect(review.getByRole('combobox', { name: 'Factuurnummer' })).toHaveValue('0');
  await expect(review.getByRole('combobox', { name: 'Bedrag incl. btw' })).toHaveValue('5');
  const rows = review.getByTestId('invoice-import-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('bestaande klant (KvK): Bakkerij De Korenschoof B.V.');
  await expect(rows.nth(1)).toContainText('nieuw');
  await expect(rows.nth(2)).toContainText('Probleem');
  await expect(rows.nth(2)).toContainText('IMP-003');
  await expect(review.getByText('Factuurdatum "31-11-2026" is geen geldige datum')).toBeVisible();
  const importButton = review.getByRole('button', { name: '2 documenten inlezen' });
  await expect(importButton).toBeDisabled();
  await review.getByLabel('Sla de rij met een probleem over').check();
  await page.screenshot({ path: `${SHOTS}/import-invoices.png`, fullPage: true });
  await importButton.click();
  await expect(page.getByTestId('import-result')).toHaveText('2 facturen ingelezen · 1 nieuwe klant · 0 al in je administratie · 1 overgeslagen');
  await expect(page.getByTestId('import-row')).toContainText('Facturen (CSV)');
  // English via the switch.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Import', level: 1 })).toBeVisible();
  await expect(page.getByTestId('import-row')).toContainText('Invoices (CSV)');
  await expect(page.getByTestId('import-result')).toHaveText('2 invoices imported · 1 new customer · 0 already in your ledger · 1 skipped');
});
