import { expect, test } from '@playwright/test';
import { createContract, DEMO, gotoReady, isoDate, nextMonday, registerCompany, signIn, signOut, uniqueEmail } from './fixtures';

test("a caterer publishes a week's menu, copies it to the next week and edits a dish; the client sees it beside its count", async ({ page }) => {
  // A whole journey of several people signing in and out: more than the default minute on a busy machine.
  test.slow();
  const clientEmail = uniqueEmail('menus');
  const password = 'office lunch together';
  await registerCompany(page, 'client', `Menus ${Date.now()}`, clientEmail, password);
  await signIn(page, DEMO.catererAdmin);
  const contractPath = await createContract(page, { email: clientEmail, password }, 60, { email: DEMO.catererAdmin });
  const contractId = contractPath.split('/').at(-1)!;

  const week1 = isoDate(nextMonday());
  const week2 = isoDate(new Date(nextMonday().getTime() + 7 * 86_400_000));
  await gotoReady(page, `/menus?contractId=${contractId}&week=${week1}`);
  const monday1 = page.locator(`[data-testid="menu-day"][data-date="${week1}"]`);
  await monday1.getByRole('button', { name: 'Add a dish' }).click();
  // A dish without a name is refused beside it, in the server's words, and nothing is sent.
  await monday1.getByRole('button', { name: /^Save / }).click();
  await expect(monday1.getByLabel(/^Dish 1 on/)).toHaveAccessibleDescription('Name the dish.');
  // A second dish comes and goes without touching the first.
  await monday1.getByRole('button', { name: 'Add a dish' }).click();
  await monday1.getByLabel(/^Dish 2 on/).fill('Soup');
  await monday1.getByRole('button', { name: 'Remove dish 2' }).click();
  await expect(monday1.getByTestId('dish')).toHaveCount(1);
  await monday1.getByLabel(/^Dish 1 on/).fill('Pierogi');
  await monday1.getByLabel('Vegetarian', { exact: true }).check();
  await monday1.getByText(/^Allergens/).click();
  await monday1.getByLabel('Gluten', { exact: true }).check();
  await monday1.getByRole('button', { name: /^Save / }).click();
  await expect(page.getByText(/^Menu for .* saved\.$/)).toBeVisible();

  await page.getByRole('link', { name: 'Next week →' }).click();
  await expect(page).toHaveURL(new RegExp(`week=${week2}`));
  await page.getByRole('button', { name: 'Copy last week’s menus' }).click();
  await expect(page.getByText('Copied 1 day from last week.')).toBeVisible();
  const monday2 = page.locator(`[data-testid="menu-day"][data-date="${week2}"]`);
  await expect(monday2.getByLabel(/^Dish 1 on/)).toHaveValue('Pierogi');
  await monday2.getByLabel(/^Dish 1 on/).fill('Pierogi ruskie');
  await monday2.getByRole('button', { name: /^Save / }).click();
  // This day's own confirmation (the first day's may still be showing).
  await expect(page.getByText(new RegExp(`^Menu for \\w+ ${Number(week2.slice(8))} \\w+ saved\\.$`))).toBeVisible();
  // A fresh visit (a reload could restore the typed value from the browser's form memory).
  await gotoReady(page, `/menus?contractId=${contractId}&week=${week2}`);
  await expect(monday2.getByLabel(/^Dish 1 on/)).toHaveValue('Pierogi ruskie');
  await signOut(page);

  // The client, on a 390 px phone, reads the dishes beside the day and confirms its count there.
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, clientEmail, password);
  await gotoReady(page, `/service-days?from=${week2}&to=${week2}`);
  const day = page.locator(`[data-testid="service-day"][data-date="${week2}"]`);
  const menu = day.getByTestId('menu');
  await expect(menu).toContainText('Pierogi ruskie');
  await expect(menu).toContainText('Vegetarian');
  await expect(menu).toContainText('Contains: gluten');
  await day.getByLabel(/^Meals on/).fill('25'); // within the contract's 10–30
  await day.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page.getByText('Quantity confirmed.')).toBeVisible();
  await expect(day.getByTestId('menu')).toContainText('Pierogi ruskie');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
