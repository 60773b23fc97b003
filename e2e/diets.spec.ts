import { expect, test } from '@playwright/test';
import { acceptAsClient, chooseHoursNotice, DEMO, sendProposal, gotoReady, isoDate, nextMonday, registerCompany, signIn, signOut, uniqueEmail } from './fixtures';

test('a client confirms "120 = 100 standard + 14 vegetarian + 6 gluten-free" on a phone; the caterer sees the split', async ({ page }) => {
  // A whole journey of several people signing in and out: more than the default minute on a busy machine.
  test.slow();
  const clientEmail = uniqueEmail('diets');
  const clientName = `Diets ${Date.now()}`;
  const password = 'office lunch together';
  await registerCompany(page, 'client', clientName, clientEmail, password);

  await signIn(page, DEMO.catererAdmin);
  await gotoReady(page, '/contracts/new');
  await page.getByLabel('Client email').fill(clientEmail);
  await page.getByLabel('Minimum meals per day').fill('50');
  await page.getByLabel('Default meals per day').fill('100');
  await page.getByLabel('Maximum meals per day').fill('150');
  await page.getByLabel('Start date').fill(isoDate(new Date()));
  await page.getByLabel('Last service date').fill(isoDate(new Date(Date.now() + 60 * 86_400_000)));
  await page.getByLabel(/^Price per meal/).fill('15');
  await chooseHoursNotice(page);
  await page.getByLabel('Vegetarian').check();
  await page.getByLabel('Gluten-free').check();
  const path = await sendProposal(page);
  await expect(page.getByRole('heading', { level: 1, name: `Contract with ${clientName}` })).toBeVisible();
  await expect(page.getByTestId('contract-diets')).toContainText('Standard, vegetarian, gluten-free');
  await acceptAsClient(page, path, { email: clientEmail, password });

  await page.setViewportSize({ width: 390, height: 844 });
  const monday = isoDate(nextMonday());
  await signIn(page, clientEmail, password);
  await gotoReady(page, `/service-days?from=${monday}&to=${monday}`);
  const day = page.locator(`[data-testid="service-day"][data-date="${monday}"]`);
  await day.getByLabel(/^Meals on/).fill('120');
  await day.getByLabel('Vegetarian').fill('14');
  await day.getByLabel('Gluten-free').fill('6');
  await expect(day.getByTestId('standard-meals')).toHaveText('100 standard meals');
  // Too many special meals: the error is beside the split, nothing is sent.
  await day.getByLabel('Vegetarian').fill('130');
  await day.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(day.getByRole('alert').filter({ hasText: 'more than the 120 meals' })).toBeVisible();
  await day.getByLabel('Vegetarian').fill('14');
  await day.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page.getByText('Quantity confirmed.')).toBeVisible();
  await expect(day.getByText('Confirmed', { exact: true })).toBeVisible();
  await page.reload();
  await expect(day.getByLabel('Vegetarian')).toHaveValue('14');
  await signOut(page);

  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, DEMO.catererAdmin);
  await gotoReady(page, `/service-days?from=${monday}&to=${monday}`);
  const row = page.locator('[data-testid="service-day"]').filter({ hasText: clientName });
  await expect(row.getByTestId('diet-split')).toHaveText('(100 standard · 14 vegetarian · 6 gluten-free)');
});
