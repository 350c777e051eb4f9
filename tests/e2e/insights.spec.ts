import { readFileSync } from 'node:fs';
import type { InsightsPage } from '../../shared/contract';
import { formatCents } from '../../shared/domain/money';
import { expect, SHOTS, test } from './fixtures';

test('Inzicht on demo data: figures, chart, sortable customers, a suggestion, CSV and PNG export, the debtor panel', async ({ page, app }) => {
  // The page runs under the app's CSP (script-src/style-src 'self'): the chart library must not trip it.
  const cspErrors: string[] = [];
  page.on('console', (msg) => { if (/Content Security Policy|Refused to/.test(msg.text())) cspErrors.push(msg.text()); });
  page.on('pageerror', (error) => cspErrors.push(error.message));

  const loaded = await app.backend.invoke('setup.loadDemo', {});
  expect(loaded.ok).toBe(true);
  const expected = (await app.backend.invoke('insights.get', {})) as { ok: true; value: InsightsPage };
  const data = expected.value;

  await page.goto(`${app.url}#/inzicht`);
  await expect(page.getByRole('heading', { name: 'Inzicht', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Inzicht' })).toHaveClass(/active/);

  // Overview: the backend's figures, formatted; DSO with its formula in the tooltip and below the cards.
  await expect(page.getByTestId('insights-open')).toHaveText(formatCents(data.overview.open));
  await expect(page.getByTestId('insights-overdue')).toHaveText(formatCents(data.overview.overdue));
  for (const d of data.overview.dso) {
    const card = page.getByTestId(`dso-${d.months}`);
    await expect(card).toContainText(`DSO ${d.months} maanden`);
    await expect(card).toContainText(d.dso === null ? 'geen omzet' : `${Math.round(d.dso)} dagen`);
    await expect(card).toHaveAttribute('title', /DSO \(days sales outstanding\) = openstaande facturen vandaag ÷ omzet op rekening in de periode × aantal dagen in de periode/);
  }
  await expect(page.getByTestId('dso-formula')).toContainText('min de creditnota’s gedateerd in de periode');

  // The aging chart is drawn (a canvas with something on it) and its table has the 12 month ends and today.
  const chart = page.getByTestId('aging-chart').locator('canvas');
  await expect(chart).toBeVisible();
  expect(await chart.evaluate((c: HTMLCanvasElement) => {
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]! > 0) ink++;
    return ink;
  })).toBeGreaterThan(5000);
  await page.getByText('Als tabel').click();
  await expect(page.getByTestId('aging-table').locator('tbody tr')).toHaveCount(13);
  // Today's column: what is open now on invoices dated up to today (the demo has two dated ahead, shown under the total).
  await expect(page.getByTestId('aging-table').locator('tbody tr').last()).toContainText(formatCents(data.overview.open - data.overview.openDatedLater));
  await expect(page.getByTestId('insights-open-later')).toContainText(formatCents(data.overview.openDatedLater));

  // Per customer: every customer with an invoice, sortable.
  const rows = page.getByTestId('customer-row');
  await expect(rows).toHaveCount(data.customers.length);
  const names = () => rows.locator('td.name').allTextContents();
  await page.getByTestId('sort-name').click();
  const byName = await names();
  expect(byName).toEqual([...byName].sort(new Intl.Collator('nl', { sensitivity: 'base', numeric: true }).compare));
  await page.getByTestId('sort-name').click();
  expect(await names()).toEqual([...byName].reverse());
  await page.getByTestId('sort-worstDaysLate').click();
  await expect(page.getByRole('columnheader', { name: /Ergste/ })).toHaveAttribute('aria-sort', 'descending');
  const worstFirst = data.customers.filter((c) => c.worstDaysLate !== null).sort((a, b) => b.worstDaysLate! - a.worstDaysLate!)[0]!;
  await expect(rows.first().locator('td.name')).toHaveText(worstFirst.name);
  await expect(rows.filter({ hasText: 'Bouwbedrijf Mulder B.V.' }).getByTestId('rating')).toHaveText('laat betaler');

  // A suggestion, with the figures that led to it.
  const credit = page.getByTestId('suggestion').filter({ hasText: 'Bouwbedrijf Mulder B.V.' });
  await expect(credit.getByRole('heading', { name: 'Kredietcheck vóór nieuw werk' })).toBeVisible();
  await expect(credit).toContainText('Ging naar een incassobureau; een factuur staat 95 dagen na de vervaldatum open.');

  await page.screenshot({ path: `${SHOTS}/insights.png`, fullPage: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/insights-top.png` });
  await page.getByTestId('customers-table').screenshot({ path: `${SHOTS}/insights-customers.png` });
  await page.locator('section[aria-labelledby="insights-works"]').screenshot({ path: `${SHOTS}/insights-works.png` });

  // CSV: a download that starts with the UTF-8 BOM, semicolons between the fields.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-customers').click()]);
  expect(csv.suggestedFilename()).toBe('inzicht-klanten-2026-11-24.csv');
  const csvBytes = readFileSync(await csv.path());
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csvBytes.toString('utf8').slice(1).split('\r\n')[0]).toMatch(/^Klant;Soort;Betaald;/);
  expect(csvBytes.toString('utf8')).toContain('Bouwbedrijf Mulder B.V.;Zakelijk;');

  // PNG of the chart: a real PNG, with the title above the chart on white.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('aging-chart-png').click()]);
  expect(png.suggestedFilename()).toBe('inzicht-ouderdom-2026-11-24.png');
  const pngBytes = readFileSync(await png.path());
  expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(pngBytes.readUInt32BE(16)).toBeGreaterThan(600); // width from the IHDR chunk
  const shot = `${SHOTS}/insights-chart-export.png`;
  await png.saveAs(shot);

  // "Niet nu" puts a suggestion away.
  const before = await page.getByTestId('suggestion').count();
  await credit.getByRole('button', { name: 'Niet nu' }).click();
  await expect(page.getByTestId('suggestion')).toHaveCount(before - 1);
  await expect(page.getByTestId('suggestion').filter({ hasText: 'Bouwbedrijf Mulder B.V.' })).toHaveCount(0);

  // English, every label switched.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
  await expect(page.getByTestId('dso-3')).toContainText('DSO 3 months');
  await expect(page.getByRole('heading', { name: 'What works' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/insights-en.png`, fullPage: true });
  await page.getByRole('button', { name: 'Nederlands' }).click();

  // The debtor page has a compact panel with the same rating and its reason.
  await rows.filter({ hasText: 'Kemal Özdemir' }).getByRole('link').click();
  const panel = page.getByTestId('insight-panel');
  await expect(panel.getByRole('heading', { name: /Betaalgedrag/ })).toBeVisible();
  await expect(panel.getByTestId('rating')).toHaveText('laat betaler');
  await expect(panel.getByTestId('rating-reason')).toContainText('een laatste aanmaning gekregen en nog niet betaald');
  await expect(panel.getByTestId('suggestion')).toContainText('Kredietcheck vóór nieuw werk');
  await panel.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/insights-debtor.png`, fullPage: true });

  expect(cspErrors).toEqual([]);
});
