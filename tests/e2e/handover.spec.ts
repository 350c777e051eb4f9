import fs from 'node:fs';
import { unzipSync } from 'fflate';
import { expect, SHOTS, test } from './fixtures';

test('final notice → check shows what is missing → export → record handover → Bij incassobureau → payment via the agency closes the claim', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Start met voorbeeldgegevens' }).click();

  // Kemal Özdemir (consumer) got his veertiendagenbrief six days ago: the final-notice stage.
  const row = page.getByTestId('debtor-row').filter({ hasText: 'Kemal Özdemir' });
  await expect(row.locator('.stage')).toHaveText('Laatste aanmaning');
  await row.click();
  await page.getByRole('button', { name: 'Overdragen aan incassobureau' }).click();
  await expect(page.getByRole('heading', { name: /Overdracht aan een incassobureau: Kemal Özdemir/ })).toBeVisible();

  // The check says, in plain Dutch, what is missing: the 14-day term still runs, no terms stored.
  await expect(page.getByTestId('handover-ready')).toHaveText('Er zijn aandachtspunten. Je kunt toch overdragen.');
  const warnings = page.locator('[data-testid="handover-check"][data-status="warning"]');
  await expect(warnings.filter({ hasText: 'Veertiendagenbrief' })).toContainText('de termijn loopt nog tot en met');
  await expect(warnings.filter({ hasText: 'Algemene voorwaarden' })).toContainText('geen algemene voorwaarden opgeslagen');
  await expect(page.locator('[data-testid="handover-check"][data-status="ok"]').filter({ hasText: 'Herinneringen verstuurd' })).toBeVisible();
  await expect(page.getByTestId('handover-total')).toHaveText(/^€ 1\.39\d,\d\d$/);
  await page.screenshot({ path: `${SHOTS}/handover-check.png`, fullPage: true });

  // Export: a zip download with the overview, the data and the CSVs.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Dossier downloaden' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('Kemal-Ozdemir-2026-11-24.zip');
  const zip = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  expect(Object.keys(zip)).toEqual(expect.arrayContaining(['overzicht.pdf', 'vordering.json', 'vordering.schema.json', 'facturen.csv', 'tijdlijn.csv']));
  await expect(page.getByTestId('dossier-exported')).toHaveText('Gedownload: Kemal-Ozdemir-2026-11-24.zip');

  // Record the handover; the remembered demo agency is in the picker, but this is a new one.
  const form = page.getByRole('form', { name: 'Overdracht vastleggen' });
  await expect(form.getByLabel('Eerder gebruikt')).toContainText('Incassobureau Voorbeeld (demo)');
  await form.getByLabel('Incassobureau', { exact: true }).fill('Incasso Utrecht B.V.');
  await form.getByLabel('E-mail van het bureau').fill('intake@incasso-utrecht.example');
  await form.getByLabel('Kenmerk van het bureau').fill('IU-7781');
  await form.getByLabel('Percentage').fill('15');
  await expect(form).toContainText('Het dossier dat je net downloadde wordt bij de overdracht bewaard.');
  await form.getByRole('button', { name: 'Overdracht vastleggen' }).click();
  const card = page.getByTestId('handover');
  await expect(card.getByRole('heading', { name: /Bij Incasso Utrecht B\.V\. sinds 24-11-2026/ })).toBeVisible();
  await expect(card.getByTestId('handover-status')).toHaveText('Lopend');
  await expect(card.getByTestId('handover-open')).toHaveText('€ 1.391,50');

  // In Debiteuren the customer is now with the agency.
  await page.getByRole('button', { name: 'Debiteuren', exact: true }).click();
  await expect(row.locator('.stage')).toHaveText('Bij incassobureau');
  await page.screenshot({ path: `${SHOTS}/handover-debiteuren.png`, fullPage: true });

  // The agency collects everything (principal plus interest) and keeps its fee.
  await row.click();
  await page.getByRole('button', { name: 'Overdragen aan incassobureau' }).click();
  const update = page.getByRole('form', { name: 'Wat heeft het bureau gedaan?' });
  await update.getByRole('combobox', { name: 'Wat' }).selectOption({ label: 'Betaling via het bureau' });
  await update.getByLabel('Geïnd bij de klant (bruto)').fill('1.400,00');
  await update.getByLabel('Vergoeding bureau').fill('210,00');
  await update.getByRole('button', { name: 'Vastleggen' }).click();

  const closed = page.getByTestId('handover').first();
  await expect(closed.getByTestId('handover-status')).toHaveText('Afgewikkeld · 24-11-2026');
  await expect(closed.getByTestId('handover-open')).toHaveText('€ 0,00');
  await expect(closed.getByTestId('handover-net')).toHaveText('€ 1.190,00');
  await expect(closed.getByTestId('handover-updates')).toContainText('Betaling via Incasso Utrecht B.V.: € 1.400,00 geïnd (waarvan € 8,50 rente en kosten), vergoeding bureau € 210,00, netto € 1.190,00');
  // The claim is closed: back in the normal workflow there is nothing left to record.
  await expect(page.getByRole('form', { name: 'Wat heeft het bureau gedaan?' })).toHaveCount(0);
  await expect(page.getByTestId('handover-nothing')).toHaveText('Er staat bij deze klant niets vervallen open: er valt niets over te dragen.');
  await page.screenshot({ path: `${SHOTS}/handover-settled.png`, fullPage: true });

  await page.getByRole('button', { name: '← Terug naar de klant' }).click();
  await expect(page.getByTestId('invoice-row').first()).toContainText('€ 0,00');
  await expect(page.locator('.timeline')).toContainText('Incassobureau: vordering afgewikkeld');
  await page.getByRole('button', { name: 'Debiteuren', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Zoek op naam of factuurnummer' }).fill('ozdemir');
  await expect(page.getByTestId('debtor-row')).toHaveCount(0);
});

test('Instellingen: the algemene voorwaarden are uploaded once and go into the dossier check', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Start met voorbeeldgegevens' }).click();
  await page.getByRole('button', { name: 'Instellingen' }).click();
  const terms = page.getByRole('region', { name: 'Algemene voorwaarden' });
  await expect(terms.getByTestId('terms-current')).toHaveText('Nog geen algemene voorwaarden opgeslagen.');
  await terms.getByLabel('Algemene voorwaarden (PDF)').setInputFiles({ name: 'voorwaarden.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% voorwaarden\n%%EOF\n') });
  await expect(terms.getByTestId('terms-current')).toContainText('Opgeslagen: voorwaarden.pdf');

  await page.getByRole('button', { name: 'Debiteuren', exact: true }).click();
  await page.getByTestId('debtor-row').filter({ hasText: 'Petra Jansen' }).click();
  await page.getByRole('button', { name: 'Overdragen aan incassobureau' }).click();
  await expect(page.locator('[data-testid="handover-check"]').filter({ hasText: 'Algemene voorwaarden' })).toHaveAttribute('data-status', 'ok');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('[data-testid="handover-check"]').filter({ hasText: 'Terms and conditions' })).toContainText('Your terms and conditions go into the file.');
});
