import { expect, SHOTS, test } from './fixtures';

test('the home screen speaks Dutch, says what Openstaand is and leads to the first step', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Welkom bij Openstaand' })).toBeVisible();
  await expect(page.getByText('Je openstaande facturen betaald krijgen')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start met voorbeeldgegevens' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Eigen administratie beginnen' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/home.png`, fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome to Openstaand' })).toBeVisible();
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.getByRole('heading', { name: 'Welkom bij Openstaand' })).toBeVisible();
});
