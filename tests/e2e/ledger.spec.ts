import { expect, SHOTS, test } from './fixtures';

test('first start → own business → new debtor → overdue invoice → Debiteuren → partial payment updates row and totals', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Eigen administratie beginnen' }).click();

  const business = page.getByRole('form', { name: 'Jouw bedrijfsgegevens' });
  await business.getByLabel('Bedrijfsnaam').fill('Atelier Zonneveld');
  await business.getByLabel('Adres').fill('Lange Nieuwstraat 4');
  await business.getByLabel('Postcode').fill('3512pn');
  await business.getByLabel('Plaats').fill('Utrecht');
  await business.getByLabel('KvK-nummer').fill('12345678');
  await business.getByLabel('IBAN').fill('NL91 ABNA 0417 1643 01');
  await business.getByRole('button', { name: 'Opslaan' }).click();
  // A wrong IBAN is refused with a message the user can act on, and nothing is saved.
  await expect(business.getByText('Dit IBAN klopt niet')).toBeVisible();
  await business.getByLabel('IBAN').fill('NL91 ABNA 0417 1643 00');
  await business.getByRole('button', { name: 'Opslaan' }).click();

  await expect(page.getByRole('heading', { name: 'Debiteuren' })).toBeVisible();
  await page.getByRole('button', { name: 'Nieuwe klant' }).click();
  const debtor = page.getByRole('form', { name: 'Nieuwe klant' });
  await expect(debtor.getByText('incassokosten pas na een correcte veertiendagenbrief')).toBeVisible();
  await debtor.getByLabel('Naam', { exact: true }).fill('Bloemenhuis Van Dijk');
  await debtor.getByLabel('E-mail').fill('info@vandijk.example');
  await debtor.getByRole('button', { name: 'Klant toevoegen' }).click();

  await expect(page.getByRole('heading', { name: /Bloemenhuis Van Dijk/ })).toBeVisible();
  await page.getByRole('button', { name: 'Nieuwe factuur' }).click();
  const invoice = page.getByRole('form', { name: 'Nieuwe factuur' });
  await invoice.getByLabel('Factuurnummer').fill('2026-042');
  await invoice.getByLabel('Bedrag incl. btw').fill('1.210,00');
  await invoice.getByLabel('Factuurdatum', { exact: true }).fill('2026-10-01');
  await invoice.getByLabel('Geleverde dienst').fill('Bloemstukken bedrijfsopening');
  await invoice.getByRole('button', { name: 'Factuur toevoegen' }).click();
  await expect(page.getByTestId('invoice-row')).toContainText('2026-042');
  // Due date = invoice date + the business's default term of 30 days: 31-10-2026, 24 days late on 24-11-2026.
  await expect(page.getByTestId('invoice-row')).toContainText('31-10-2026');

  await page.getByRole('button', { name: '← Debiteuren' }).click();
  const row = page.getByTestId('debtor-row').filter({ hasText: 'Bloemenhuis Van Dijk' });
  await expect(row.getByTestId('row-open')).toHaveText('€ 1.210,00');
  await expect(row.getByTestId('row-days')).toHaveText('24');
  await expect(page.getByTestId('total-open')).toHaveText('€ 1.210,00');
  await expect(page.getByTestId('total-overdue')).toHaveText('€ 1.210,00');

  await row.click();
  await page.getByRole('button', { name: 'Betaling vastleggen' }).first().click();
  const payment = page.getByRole('form', { name: 'Betaling vastleggen' });
  await payment.getByLabel('Bedrag').fill('400,00');
  await payment.getByRole('button', { name: 'Betaling vastleggen' }).click();
  await expect(page.getByTestId('debtor-open')).toHaveText('€ 810,00');
  await expect(page.locator('.timeline')).toContainText('Betaling van € 400,00 ontvangen');
  await page.screenshot({ path: `${SHOTS}/debtor-page.png`, fullPage: true });

  await page.getByRole('button', { name: '← Debiteuren' }).click();
  await expect(row.getByTestId('row-open')).toHaveText('€ 810,00');
  await expect(page.getByTestId('total-open')).toHaveText('€ 810,00');
  await expect(page.getByTestId('aging-days1to30')).toHaveText('€ 810,00');
});

test('demo data loads, shows every stage, and can be removed in one step', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Start met voorbeeldgegevens' }).click();
  await expect(page.getByText('Je werkt met voorbeeldgegevens.')).toBeVisible();
  const rows = page.getByTestId('debtor-row');
  await expect(rows.first()).toBeVisible();
  for (const stage of ['Nog niet vervallen', 'Herinnering vooraf', 'Herinnering 1', 'Herinnering 2', 'Bellen', 'Laatste aanmaning', 'Overdragen', 'Bij incassobureau']) {
    await expect(page.locator('.tbody .stage', { hasText: stage }).first()).toBeVisible();
  }
  for (const flag of ['Belofte', 'Regeling', 'Betwist']) await expect(page.locator('.tbody .flag', { hasText: flag }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/debiteuren.png`, fullPage: true });

  await page.getByRole('searchbox', { name: 'Zoek op naam of factuurnummer' }).fill('ozdemir');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Kemal Özdemir');
  await rows.first().click();
  await expect(page.locator('.timeline')).toContainText('Aangetekend verstuurd');
  await page.screenshot({ path: `${SHOTS}/debtor-demo.png`, fullPage: true });

  await page.getByRole('button', { name: 'Voorbeeldgegevens verwijderen' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Voorbeeldgegevens verwijderen' });
  await expect(confirm).toContainText('Alle voorbeeldgegevens verwijderen? Je eigen gegevens blijven staan.');
  await confirm.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(page.getByRole('heading', { name: 'Welkom bij Openstaand' })).toBeVisible();
  const info = await app.backend.invoke('app.info', {});
  expect(info).toMatchObject({ ok: true, value: { demo: false, hasDebtors: false, started: false } });
});
