import { expect, test, type Page } from '@playwright/test';
import { pdfText } from '../tests/support/pdf-text';
import { acceptAsClient, chooseHoursNotice, gotoReady, isoDate, registerCompany, sendProposal, signIn, uniqueEmail } from './fixtures';

const PASSWORD = 'correct horse battery';

/** A caterer of its own and a client with a Polish name, served every day from today (so today is on the sheet and in the grid). */
async function kitchenWithClient(page: Page, clientName: string) {
  const caterer = uniqueEmail('production-caterer');
  const client = uniqueEmail('production-client');
  await registerCompany(page, 'caterer', 'Production Kitchen', caterer, PASSWORD);
  await registerCompany(page, 'client', clientName, client, PASSWORD);
  await signIn(page, caterer, PASSWORD);
  await gotoReady(page, '/contracts/new');
  await page.getByLabel('Client email').fill(client);
  await chooseHoursNotice(page);
  await page.getByLabel('Start date').fill(isoDate(new Date()));
  await page.getByLabel('Last service date').fill(isoDate(new Date(Date.now() + 30 * 86_400_000)));
  for (const day of ['Saturday', 'Sunday']) await page.getByRole('checkbox', { name: day, exact: true }).check();
  await page.getByLabel(/^Price per meal/).fill('15');
  const path = await sendProposal(page);
  await acceptAsClient(page, path, { email: client, password: PASSWORD }, { email: caterer, password: PASSWORD });
}

test('the caterer prints the production sheet of today, downloads its PDF, and enters the served counts in the grid', async ({ page }) => {
  test.slow();
  const clientName = `Biuro Łódź ${Date.now()}`;
  await kitchenWithClient(page, clientName);
  const today = isoDate(new Date());

  await gotoReady(page, '/production');
  await expect(page.getByRole('heading', { level: 1, name: 'Production' })).toBeVisible();
  const line = page.getByTestId('production-line').filter({ hasText: clientName });
  await expect(line).toBeVisible();
  await expect(page.getByTestId('production-totals')).toContainText('Meals');

  // Printed: the sheet alone, without the app's header, links and grid.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Download PDF' })).toBeHidden();
  await expect(line).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  const pdf = await page.request.get(`/api/export/production.pdf?date=${today}`);
  expect(pdf.ok()).toBe(true);
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
  // A long name wraps inside its column: compare the text with its line breaks as spaces.
  expect((await pdfText(bytes)).text.replace(/\s+/g, ' ')).toContain(clientName);
  const csv = await page.request.get(`/api/export/production.csv?date=${today}`);
  expect(await csv.text()).toContain(clientName);

  // The grid: one row per client, prefilled with the expected count; a typo asks first.
  const grid = page.getByRole('form', { name: 'Served counts' });
  const served = grid.getByLabel(`Meals served to ${clientName}`);
  const expected = (await grid.getByTestId('served-row').filter({ hasText: clientName }).locator('td').nth(1).textContent())!.trim();
  await expect(served).toHaveValue(expected);
  await served.fill('999');
  await grid.getByRole('button', { name: 'Save served counts' }).click();
  await expect(grid.getByText(/Served 999 — that is above the contract's maximum/)).toBeVisible();
  await grid.getByLabel('Save 999 anyway').check();
  await grid.getByRole('button', { name: 'Save served counts' }).click();
  await expect(page.getByText('Served counts saved for 1 client.')).toBeVisible();
  await expect(grid).toBeHidden();
});
