import { expect, test, type Page } from '@playwright/test';
import { chooseHoursNotice, gotoReady, isoDate, registerCompany, signIn, uniqueEmail } from './fixtures';

const PASSWORD = 'correct horse battery';

/** A caterer and a client of their own, with a contract served every day from today (max 30 a day). */
async function caterAndClient(page: Page) {
  const caterer = uniqueEmail('money-caterer');
  const client = uniqueEmail('money-client');
  await registerCompany(page, 'caterer', 'Money Kitchen', caterer, PASSWORD);
  await registerCompany(page, 'client', 'Money Office', client, PASSWORD);
  await signIn(page, caterer, PASSWORD);
  await gotoReady(page, '/contracts/new');
  await page.getByLabel('Client email').fill(client);
  await chooseHoursNotice(page);
  await page.getByLabel('Start date').fill(isoDate(new Date()));
  await page.getByLabel('Last service date').fill(isoDate(new Date(Date.now() + 60 * 86_400_000)));
  // Every weekday, so today is a service day whatever day the suite runs.
  for (const day of ['Saturday', 'Sunday']) await page.getByRole('checkbox', { name: day, exact: true }).check();
  await page.getByLabel(/^Price per meal/).fill('15');
  await page.getByRole('button', { name: 'Create contract' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Contract with');
  return { caterer, client };
}

test('a served-count typo asks before it is saved, and the caterer corrects it within 24 hours', async ({ page }) => {
  await caterAndClient(page);
  const today = isoDate(new Date());
  await gotoReady(page, `/service-days?from=${today}&to=${today}`);
  const day = page.locator(`[data-testid="service-day"][data-date="${today}"]`);
  await day.getByLabel(/^Meals served on/).fill('999');
  await day.getByRole('button', { name: 'Confirm served' }).click();
  const ask = day.getByRole('alertdialog', { name: 'Unusual served count' });
  await expect(ask).toContainText("Served 999 — that is above the contract's maximum of 30. Save anyway?");
  await ask.getByRole('button', { name: 'Save 999 anyway' }).click();
  await expect(day.getByText('Served 999')).toBeVisible();

  await day.getByRole('button', { name: 'Correct served count' }).click();
  await day.getByLabel('Correct served count').fill('27');
  await day.getByLabel('Why it changes').fill('Typo: meant 27.');
  await day.getByRole('button', { name: 'Save correction' }).click();
  await expect(day.getByText('Served 27')).toBeVisible();
  await expect(day.getByText('(first reported 999)')).toBeVisible();
  await expect(day.getByTestId('served-correction')).toContainText('Typo: meant 27.');
});
