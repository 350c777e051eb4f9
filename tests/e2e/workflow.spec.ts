import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DebtorPage } from '../../shared/contract';
import { expect, invokeOk, nav, SHOTS, test } from './fixtures';

test('Vandaag → draft a reminder in one click → mark as sent → off the list, on the timeline; prepare a call → log a promise → paused', async ({ page, app }) => {
  mkdirSync(SHOTS, { recursive: true });
  const invoke = <T,>(method: string, input: unknown) => invokeOk<T>(app.backend, method, input);

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Start met voorbeeldgegevens' }).click();
  await expect(page.getByTestId('debtor-row').first()).toBeVisible();

  // Vandaag is the first item in the menu and lists what is due, grouped by kind.
  await expect(page.locator('.topbar nav button').first()).toHaveText('Vandaag');
  await nav(page, 'Vandaag').click();
  await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible();
  for (const group of ['Vooraf', 'Herinneringen', 'Bellen', 'Aanmaningen', 'Overdracht']) {
    await expect(page.getByRole('region', { name: group })).toBeVisible();
  }
  const items = page.getByTestId('work-item');
  await expect(items).toHaveCount(6);
  await expect(page.getByRole('region', { name: 'Aanmaningen' })).toContainText('Hoveniersbedrijf Groen & Zn.');
  await expect(page.getByRole('region', { name: 'Bellen' })).toContainText('Petra Jansen');
  const paused = page.getByRole('region', { name: 'Gepauzeerd' });
  await expect(paused.getByTestId('paused-item').filter({ hasText: 'Marieke de Vries' })).toContainText('Belofte om te betalen · tot en met 01-12-2026');
  await expect(paused.getByTestId('paused-item').filter({ hasText: 'Architectenbureau Smit' })).toContainText('Factuur betwist');
  await page.screenshot({ path: `${SHOTS}/vandaag.png`, fullPage: true });

  // One click: the reminder for the Bos family names both their open invoices and the total.
  const bosId = (await invoke<{ id: number; name: string }[]>('debtors.list', {})).find((d) => d.name === 'Jeroen en Lisa Bos')!.id;
  const bosInvoices = (await invoke<DebtorPage>('debtors.page', { id: bosId })).invoices.filter((i) => i.open > 0).map((i) => i.number);
  expect(bosInvoices).toHaveLength(2);
  await items.filter({ hasText: 'Jeroen en Lisa Bos' }).getByRole('button', { name: 'Herinnering opstellen' }).click();
  await expect(page.getByRole('heading', { name: 'Herinnering 1 · Jeroen en Lisa Bos' })).toBeVisible();
  const listed = page.getByTestId('draft-invoices');
  for (const n of bosInvoices) await expect(listed).toContainText(n);
  await expect(page.getByTestId('draft-total')).toHaveText('€ 370,00');
  const subject = page.getByLabel('Onderwerp');
  await expect(subject).toHaveValue(`Herinnering: facturen ${bosInvoices[0]} en ${bosInvoices[1]} nog niet betaald`);
  const body = page.getByTestId('draft-body');
  await expect(body).toHaveValue(/^Beste Jeroen en Lisa Bos,/);
  await expect(body).toHaveValue(/Totaal open: € 370,00/);
  await expect(body).toHaveValue(new RegExp(`Factuur ${bosInvoices[0]} .*€ 275,00`));
  await body.fill(`${await body.inputValue()}\n\nPS: de foto's staan ook online.`);
  await page.screenshot({ path: `${SHOTS}/herinnering-concept.png`, fullPage: true });

  // Open in mail program: an .eml draft with the PDF attached.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Openen in mailprogramma' }).click();
  const eml = await download;
  expect(eml.suggestedFilename()).toMatch(/Herinnering 1 Jeroen en Lisa Bos\.eml$/);
  const emlText = readFileSync(await eml.path()).toString('utf8');
  expect(emlText).toContain('\r\nX-Unsent: 1\r\n');
  expect(emlText).toContain('To: "Jeroen en Lisa Bos" <bos.gezin@mail.example>');
  expect(emlText).toMatch(/Content-Type: application\/pdf; name="[^"]+\.pdf"/);
  expect(emlText).toContain('PS: de foto\'s staan ook online.');

  await page.getByRole('button', { name: 'Markeer als verstuurd' }).click();
  await expect(page.getByText('Vastgelegd als verstuurd')).toBeVisible();
  await nav(page, 'Vandaag').click();
  await expect(items).toHaveCount(5);
  await expect(items.filter({ hasText: 'Jeroen en Lisa Bos' })).toHaveCount(0);

  // On the customer's timeline, also when filtered on reminders.
  await page.goto(`${app.url}#/debiteur/${bosId}`);
  const timeline = page.locator('.timeline');
  await expect(timeline).toContainText(`Herinnering 1 verstuurd per e-mail: facturen ${bosInvoices[0]} en ${bosInvoices[1]} (€ 370,00)`);
  await timeline.getByRole('button', { name: /^Herinneringen/ }).click();
  await expect(timeline.locator('li')).toHaveCount(2); // the nudge of the demo and this reminder
  await expect(page.getByRole('region', { name: 'Herinneringsplan' })).toContainText('Herinnering 1 (24-11-2026)');
  await page.screenshot({ path: `${SHOTS}/debiteur-plan-tijdlijn.png`, fullPage: true });

  // The call: prepare, print the sheet, log a promise; the customer is paused until the promise + grace.
  await nav(page, 'Vandaag').click();
  await items.filter({ hasText: 'Petra Jansen' }).getByRole('button', { name: 'Belvoorbereiding' }).click();
  await expect(page.getByRole('heading', { name: /Belvoorbereiding: Petra Jansen/ })).toBeVisible();
  await expect(page.getByTestId('call-phone')).toHaveAttribute('href', 'tel:0623456789');
  await expect(page.getByTestId('call-invoices')).toContainText('Interieuradvies woonkamer');
  await expect(page.getByText('Is de factuur goed aangekomen, en bij de juiste persoon?')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/belvoorbereiding.png`, fullPage: true });

  const sheet = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Belblad als PDF (A4)' }).click();
  const pdfFile = path.join(SHOTS, 'belblad.pdf');
  writeFileSync(pdfFile, readFileSync(await (await sheet).path()));
  expect(readFileSync(pdfFile).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const png = spawnSync('pdftoppm', ['-png', '-r', '60', pdfFile, path.join(SHOTS, 'belblad')]);
  expect(png.status).toBe(0);

  const log = page.getByRole('form', { name: 'Gesprek vastleggen' });
  await log.getByLabel('Belooft te betalen').check();
  await log.getByLabel('Betaalt uiterlijk').fill('2026-11-27');
  await log.getByLabel('Notities').fill('Was de factuur vergeten; betaalt vrijdag.');
  await log.getByRole('button', { name: 'Vastleggen' }).click();
  // Friday 27-11 + 2 working days.
  await expect(page.getByTestId('paused-until')).toHaveText('Het plan wacht tot en met 01-12-2026; daarna kijkt Openstaand of de betaling binnen is.');

  await page.getByRole('button', { name: 'Bevestiging per mail opstellen' }).click();
  await expect(page.getByRole('heading', { name: 'Bevestiging van de afspraak · Petra Jansen' })).toBeVisible();
  await expect(page.getByTestId('draft-body')).toHaveValue(/Zoals afgesproken betaal je € 395,00 uiterlijk op 27-11-2026\./);
  await expect(page.getByTestId('draft-body')).toHaveValue(/Was de factuur vergeten; betaalt vrijdag\./);

  await nav(page, 'Vandaag').click();
  await expect(items.filter({ hasText: 'Petra Jansen' })).toHaveCount(0);
  await expect(paused.getByTestId('paused-item').filter({ hasText: 'Petra Jansen' })).toContainText('Belofte om te betalen · tot en met 01-12-2026');
  await expect(paused.getByTestId('paused-item').filter({ hasText: 'Petra Jansen' })).toContainText('daarna: Laatste aanmaning op 02-12-2026');

  // On the customer's page the pause shows, with its end.
  await paused.getByTestId('paused-item').filter({ hasText: 'Petra Jansen' }).getByRole('button', { name: 'Petra Jansen' }).click();
  await expect(page.getByTestId('debtor-pause')).toHaveText('Belofte om te betalen · tot en met 01-12-2026');
  await expect(page.locator('.summary .flag.paused')).toBeVisible();
  await nav(page, 'Vandaag').click();

  // The same screen in English.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Today', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Calls' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Reminders' })).toBeVisible();
});

test('Instellingen → Sjablonen: a template is edited with a live preview on a real customer, and used for the next draft', async ({ page, app }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Start met voorbeeldgegevens' }).click();
  await expect(page.getByTestId('debtor-row').first()).toBeVisible();
  await nav(page, 'Instellingen').click();
  const plan = page.getByRole('form', { name: 'Herinneringsplan' });
  await expect(plan.getByLabel('Herinnering 1: Dagen')).toHaveValue('7');
  await plan.getByRole('button', { name: 'Sjablonen bewerken' }).click();
  await expect(page.getByRole('heading', { name: 'Sjablonen' })).toBeVisible();
  const preview = page.getByTestId('template-preview');
  await expect(preview).toContainText('Herinnering: facturen');
  await page.getByLabel('Onderwerp').fill('Even checken: {{factuur}} ({{totaal}})');
  await expect(preview).toContainText('Even checken: facturen');
  await expect(preview).toContainText('(€ 370,00)');
  await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
  await expect(page.getByText('Opgeslagen.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/sjablonen.png`, fullPage: true });

  await nav(page, 'Vandaag').click();
  await page.getByTestId('work-item').filter({ hasText: 'Jeroen en Lisa Bos' }).getByRole('button', { name: 'Herinnering opstellen' }).click();
  await expect(page.getByLabel('Onderwerp')).toHaveValue(/^Even checken: facturen .* \(€ 370,00\)$/);
  await page.getByLabel('Toon').selectOption('zakelijk');
  await expect(page.getByTestId('draft-body')).toHaveValue(/^Geachte Jeroen en Lisa Bos,/);
});
