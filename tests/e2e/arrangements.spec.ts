import { mkdirSync } from 'node:fs';
import { expect, invokeOk, nav, SHOTS, test } from './fixtures';

test('a payment arrangement: made on the debtor page with a live schedule → the customer is paused in Debiteuren; on Vandaag an installment reminder and a missed installment with the choice to end it', async ({ page, app }) => {
  mkdirSync(SHOTS, { recursive: true });
  const invoke = <T,>(method: string, input: unknown) => invokeOk<T>(app.backend, method, input);

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Start met voorbeeldgegevens' }).click();
  await expect(page.getByTestId('debtor-row').first()).toBeVisible();
  const debtors = await invoke<{ id: number; name: string }[]>('debtors.list', {});
  const idOf = (name: string) => debtors.find((d) => d.name === name)!.id;

  // A missed installment, seeded as if the arrangement had been agreed on 1 October: nothing was
  // paid on 5 October nor on 5 November.
  const ctx = app.backend.context;
  const realToday = ctx.today;
  ctx.today = () => '2026-10-01';
  try {
    await invoke('arrangements.create', { debtorId: idOf('Van der Berg Installatietechniek B.V.'), count: 3, firstDate: '2026-10-05', interval: 'month', includeInterest: false, includeCosts: false });
  } finally {
    ctx.today = realToday;
  }

  // Hoveniersbedrijf Groen & Zn. (€ 2.057,00, a month overdue) asks to pay in four parts.
  await page.goto(`${app.url}#/debiteur/${idOf('Hoveniersbedrijf Groen & Zn.')}`);
  const panel = page.getByRole('region', { name: 'Betalingsregeling' });
  await expect(panel).toContainText('Er loopt geen betalingsregeling met deze klant.');
  await panel.getByRole('button', { name: 'Betalingsregeling treffen' }).click();
  const form = page.getByRole('form', { name: 'Betalingsregeling treffen' });
  await expect(form).toContainText('€ 2.057,00');
  // Without interest and costs the total is the open principal; the preview follows every change.
  await form.getByRole('checkbox', { name: /^Rente tot vandaag meenemen/ }).uncheck();
  await form.getByRole('checkbox', { name: /^Incassokosten meenemen/ }).uncheck();
  await expect(form.getByTestId('arrangement-total')).toHaveText('€ 2.057,00');
  await form.getByRole('spinbutton', { name: 'Aantal termijnen' }).fill('4');
  await form.getByLabel('Eerste termijn').fill('2026-12-31');
  const preview = form.getByTestId('schedule-preview');
  await expect(preview.locator('tbody tr')).toHaveCount(4);
  // 31 December, then the end of each shorter month, then 31 March; the last one takes the remainder.
  await expect(preview.locator('tbody tr').nth(1)).toContainText('31-01-2027');
  await expect(preview.locator('tbody tr').nth(2)).toContainText('28-02-2027');
  await expect(preview.locator('tbody tr').nth(3)).toContainText('31-03-2027€ 514,25');
  await expect(preview.locator('tbody tr').nth(0)).toContainText('€ 514,25');
  await expect(preview.locator('tfoot')).toContainText('€ 2.057,00');
  // A date in the past is refused before anything is sent.
  await form.getByLabel('Eerste termijn').fill('2026-11-01');
  await expect(form.getByText('De eerste termijn kan niet in het verleden liggen (vandaag is 24-11-2026).')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Regeling vastleggen' })).toBeDisabled();
  await form.getByLabel('Eerste termijn').fill('2026-12-31');
  await page.screenshot({ path: `${SHOTS}/regeling-formulier.png`, fullPage: true });

  await form.getByRole('button', { name: 'Regeling vastleggen' }).click();
  await expect(panel.getByRole('status')).toContainText('Regeling vastgelegd.');
  const schedule = panel.getByTestId('arrangement-schedule');
  await expect(schedule.getByTestId('installment-row')).toHaveCount(4);
  await expect(schedule.getByTestId('installment-row').first()).toContainText('Gepland');
  await expect(panel.getByTestId('arrangement-sums')).toHaveText('Totaal € 2.057,00 · betaald € 0,00 · nog te betalen € 2.057,00');
  await expect(page.locator('.timeline')).toContainText('Betalingsregeling afgesproken: 4 maandelijkse termijnen');
  await page.screenshot({ path: `${SHOTS}/regeling-schema.png`, fullPage: true });

  // The confirmation letter: one click opens the existing letter, previewed.
  await panel.getByRole('button', { name: 'Bevestigingsbrief afdrukken' }).click();
  await expect(page.getByTestId('letter-facts')).toContainText('€ 2.057,00');

  // Debiteuren: the customer is paused by the arrangement; the one with the missed installment is flagged.
  await nav(page, 'Debiteuren').click();
  const groen = page.getByTestId('debtor-row').filter({ hasText: 'Hoveniersbedrijf Groen & Zn.' });
  await expect(groen.locator('.flag.arrangement')).toHaveText('Regeling');
  await expect(groen.locator('.flag.paused')).toHaveText('Gepauzeerd');
  const vanDerBerg = page.getByTestId('debtor-row').filter({ hasText: 'Van der Berg Installatietechniek B.V.' });
  await expect(vanDerBerg.locator('.flag.installmentMissed')).toHaveText('Termijn gemist');

  // Vandaag: no final notice for Groen any more; the arrangements need attention.
  await nav(page, 'Vandaag').click();
  await expect(page.getByRole('region', { name: 'Aanmaningen' })).toHaveCount(0);
  const arrangements = page.getByRole('region', { name: 'Betalingsregelingen' });
  const reminder = arrangements.getByTestId('arrangement-item').filter({ hasText: "Café 't Hoekje V.O.F." });
  await expect(reminder).toContainText('Termijn 2 van 4: € 453,75, uiterlijk 24-11-2026');
  const missed = arrangements.getByTestId('arrangement-item').filter({ hasText: 'Van der Berg Installatietechniek B.V.' });
  await expect(missed).toContainText('Termijn 1 van 3 gemist (uiterlijk 05-10-2026): € 1.855,32 achter');
  await missed.getByRole('button', { name: 'Regeling beëindigen…' }).click();
  const dialog = missed.getByRole('alertdialog', { name: 'Regeling beëindigen?' });
  await expect(dialog).toContainText('Volgens het vervalbeding is daarmee het hele resterende bedrag van € 2.783,00 in één keer opeisbaar');
  await page.screenshot({ path: `${SHOTS}/vandaag-regelingen.png`, fullPage: true });
  await dialog.getByRole('button', { name: 'Ja, regeling beëindigen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Regeling beëindigd.' })).toBeVisible();
  await expect(arrangements.getByTestId('arrangement-item')).toHaveCount(1);

  // The installment reminder: drafted in one click, and once marked as sent it leaves Vandaag.
  await reminder.getByRole('button', { name: 'Seintje opstellen' }).click();
  await expect(page.getByRole('heading', { name: 'Herinnering termijn · Joost Bakker' })).toBeVisible();
  await expect(page.getByTestId('draft-arrangement')).toHaveText('Termijn 2 van 4: € 453,75, uiterlijk 24-11-2026');
  await expect(page.getByTestId('draft-body')).toHaveValue(/Te betalen: € 453,75, uiterlijk 24-11-2026/);
  await page.screenshot({ path: `${SHOTS}/termijnherinnering-concept.png`, fullPage: true });
  await page.getByRole('button', { name: 'Markeer als verstuurd' }).click();
  await expect(page.getByText('Vastgelegd als verstuurd')).toBeVisible();
  await nav(page, 'Vandaag').click();
  await expect(page.getByRole('heading', { name: 'Vandaag', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Betalingsregelingen' })).toHaveCount(0);
});
