// Letters in the browser shell: debtor page → Brief maken → preview (the real PDF in a blob: frame)
// → save as PDF → make final → registered mail; then the Brieven screen's batch print.
import { readFileSync } from 'node:fs';
import { addEvent } from '../../electron/core/ledger/events';
import { expect, SHOTS, test } from './fixtures';

type Invoke = (method: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>;
async function ok<T>(invoke: Invoke, method: string, input: unknown): Promise<T> {
  const r = await invoke(method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error!.message}`);
  return r.value as T;
}

test('veertiendagenbrief from the debtor page: preview, save, make final, registered mail', async ({ page, app }) => {
  const invoke: Invoke = (m, i) => app.backend.invoke(m, i);
  await ok(invoke, 'business.save', { name: 'Ontwerpstudio Zonneveld', contactName: 'Anna Zonneveld', street: 'Lange Nieuwstraat 4', postcode: '3512 PN', city: 'Utrecht', iban: 'NL91ABNA0417164300', kvk: '12345678' });
  const petra = await ok<{ id: number }>(invoke, 'debtors.create', { kind: 'consumer', name: 'Petra Jansen', street: 'Kerkstraat 12', postcode: '3581 AB', city: 'Utrecht' });
  await ok(invoke, 'invoices.create', { debtorId: petra.id, number: '2026-031', invoiceDate: '2026-09-01', dueDate: '2026-10-01', amount: 89150 });
  await ok(invoke, 'invoices.create', { debtorId: petra.id, number: '2026-044', invoiceDate: '2026-09-20', dueDate: '2026-10-20', amount: 50000 });

  await page.goto(`${app.url}#/debiteur/${petra.id}`);
  await expect(page.getByTestId('limitation-date').first()).toHaveText('01-10-2031');
  await page.getByRole('button', { name: 'Brief maken' }).click();
  const panel = page.getByRole('region', { name: 'Brief maken' });
  // Nothing sent yet: a reminder is suggested; the veertiendagenbrief can be chosen already.
  await expect(panel.getByRole('radio', { name: /Herinnering/ })).toBeChecked();
  await panel.getByRole('radio', { name: /Veertiendagenbrief/ }).check();
  await panel.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  const frame = panel.getByTestId('letter-pdf');
  await expect(frame).toHaveAttribute('src', /^blob:/);
  await expect(panel.getByTestId('letter-costs')).toHaveText('€ 208,73');
  await expect(panel.getByTestId('letter-last-day')).toHaveText('10-12-2026');
  await expect(panel.getByText('Controle veertiendagenbrief (art. 6:96 lid 6 BW): 9/9 ✓')).toBeVisible();
  await expect(panel.locator('.letter-checks li')).toHaveCount(9);
  await expect(panel.locator('.letter-checks li.late')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/letters-preview.png`, fullPage: true });

  // Opslaan als PDF: the bytes the backend rendered.
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Opslaan als PDF' }).click()]);
  expect(download.suggestedFilename()).toBe('2026-11-24 Veertiendagenbrief Petra Jansen.pdf');
  expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');

  // A term that is too short is refused with the checklist item.
  await panel.getByLabel('Uiterste betaaldag').fill('2026-12-09');
  await panel.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(panel.getByRole('alert')).toContainText('Checklist punt 4 (termijn)');
  await panel.getByLabel('Uiterste betaaldag').fill('');
  await panel.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
  await expect(panel.getByTestId('letter-pdf')).toBeVisible();

  // Making it final is asked first, in the app's own dialog. Annuleren and Escape change nothing.
  const makeFinal = panel.getByRole('button', { name: 'Maak definitief (verstuurd)' });
  const confirm = page.getByRole('alertdialog', { name: 'Brief definitief maken' });
  await makeFinal.click();
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('De brief wordt definitief: hij wordt precies zo bewaard en als verstuurd op de tijdlijn gezet. Doorgaan?');
  await expect(confirm.getByRole('button', { name: 'Definitief maken' })).toBeFocused();
  await page.screenshot({ path: `${SHOTS}/confirm-dialog.png` });
  await confirm.getByRole('button', { name: 'Annuleren' }).click();
  await expect(confirm).toBeHidden();
  await expect(makeFinal).toBeFocused();
  await makeFinal.click();
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(panel.getByRole('status')).toHaveCount(0);
  expect(await ok<unknown[]>(invoke, 'letters.list', { debtorId: petra.id })).toHaveLength(0);
  await makeFinal.click();
  await confirm.getByRole('button', { name: 'Definitief maken' }).click();
  await expect(confirm).toBeHidden();
  await expect(panel.getByRole('status').first()).toContainText('Definitief gemaakt en bewaard');
  const registered = panel.getByRole('form', { name: 'Aangetekend verstuurd' });
  await registered.getByLabel('Track & trace-code (PostNL)').fill('3SABCD12345');
  await registered.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(registered.getByText('Dit is geen PostNL track & trace-code')).toBeVisible();
  await registered.getByLabel('Track & trace-code (PostNL)').fill('3SABCD1234567');
  await registered.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(panel.getByRole('status').first()).toContainText('Aangetekende verzending vastgelegd (3SABCD1234567). Incassokosten zijn verschuldigd vanaf 11-12-2026');
  await expect(panel.getByTestId('sent-letters')).toContainText('3SABCD1234567');
  await expect(page.locator('.timeline')).toContainText('Veertiendagenbrief verstuurd (facturen 2026-031 en 2026-044)');
  await expect(page.locator('.timeline')).toContainText('Aangetekend verstuurd, track & trace 3SABCD1234567');
  // The letter stuit the limitation: the new date starts after its presumed delivery (26-11-2026).
  await expect(page.getByTestId('limitation-date').first()).toHaveText('26-11-2031');
  await page.screenshot({ path: `${SHOTS}/letters-registered.png`, fullPage: true });
});

test('Brieven: today\'s final notices in one PDF, limitation warnings, window settings with a test print', async ({ page, app }) => {
  const invoke: Invoke = (m, i) => app.backend.invoke(m, i);
  await ok(invoke, 'business.save', { name: 'Ontwerpstudio Zonneveld', street: 'Lange Nieuwstraat 4', postcode: '3512 PN', city: 'Utrecht', iban: 'NL91ABNA0417164300', kvk: '12345678' });
  for (const [kind, name] of [['consumer', 'Petra Jansen'], ['business', 'Bakkerij De Vries B.V.']] as const) {
    const d = await ok<{ id: number }>(invoke, 'debtors.create', { kind, name, street: 'Kerkstraat 12', postcode: '3581 AB', city: 'Utrecht' });
    const inv = await ok<{ id: number }>(invoke, 'invoices.create', { debtorId: d.id, number: `${name.slice(0, 3)}-1`, invoiceDate: '2026-09-01', dueDate: '2026-10-01', amount: 89150 });
    // The plan so far: two reminders and a call, so the final notice is due (workflow engine).
    for (const [type, on, step] of [['reminder.sent', '2026-10-08', 'reminder-1'], ['reminder.sent', '2026-10-15', 'reminder-2'], ['call.logged', '2026-10-22', null]] as const) {
      await addEvent(app.backend.context, { debtorId: d.id, type, occurredOn: on, summary: type, invoiceIds: [inv.id], data: step ? { step, channel: 'email' } : { reached: false } });
    }
  }
  const old = await ok<{ id: number }>(invoke, 'debtors.create', { kind: 'business', name: 'Oude Klant B.V.', street: 'Laan 1', postcode: '1111 AA', city: 'Baarn' });
  await ok(invoke, 'invoices.create', { debtorId: old.id, number: 'OUD-1', invoiceDate: '2021-12-01', dueDate: '2021-12-31', amount: 50000 });

  await page.goto(`${app.url}#/brieven`);
  await expect(page.getByRole('heading', { name: 'Brieven', exact: true })).toBeVisible();
  const warnings = page.getByTestId('limitation-warnings');
  await expect(warnings).toContainText('OUD-1');
  await expect(warnings).toContainText('31-12-2026');
  await expect(warnings).toContainText('nog 37 dagen');

  const batch = page.getByRole('region', { name: 'Brieven van vandaag' });
  await expect(batch.getByTestId('batch-debtors').locator('tr')).toHaveCount(2);
  await batch.getByRole('button', { name: 'Brieven van vandaag afdrukken' }).click();
  const confirm = page.getByRole('alertdialog', { name: '2 brieven definitief maken' });
  await expect(confirm).toContainText('De 2 brieven worden definitief gemaakt en als verstuurd bewaard. Doorgaan?');
  await confirm.getByRole('button', { name: 'Definitief maken' }).click();
  await expect(batch.getByTestId('batch-result')).toContainText('2 brieven gemaakt');
  await expect(batch.getByTestId('batch-pdf')).toHaveAttribute('src', /^blob:/);
  await expect(page.getByTestId('all-letters').locator('tbody tr')).toHaveCount(2);

  const settings = page.getByRole('form', { name: 'Vensterenvelop en ondertekening' });
  await settings.getByLabel('Venster van boven (mm)').fill('50');
  await settings.getByRole('button', { name: 'Opslaan' }).click();
  await expect(settings.getByRole('status')).toHaveText('Opgeslagen.');
  await settings.getByRole('button', { name: 'Testafdruk met venster' }).click();
  await expect(settings.getByTestId('test-print-pdf')).toHaveAttribute('src', /^blob:/);
  await page.screenshot({ path: `${SHOTS}/letters-screen.png`, fullPage: true });

  // The English interface.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Letters', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: "Print today's letters" })).toBeVisible();
  // The confirmation speaks English too; Cancel makes nothing.
  await page.getByRole('button', { name: "Print today's letters" }).click();
  const english = page.getByRole('alertdialog', { name: 'Make 2 letters final' });
  await expect(english).toContainText('The 2 letters are made final and kept as sent. Continue?');
  await expect(english.getByRole('button', { name: 'Make final' })).toBeVisible();
  await english.getByRole('button', { name: 'Cancel' }).click();
  await expect(english).toBeHidden();
  await expect(page.getByTestId('all-letters').locator('tbody tr')).toHaveCount(2);
});
