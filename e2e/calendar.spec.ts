import { expect, test, type Page } from '@playwright/test';
import { createContract, drainOutbox, gotoReady, isoDate, nextMonday, registerCompany, signIn, signOut, uniqueEmail, unreadCount } from './fixtures';

const PASSWORD = 'lunch for the whole floor';

/** Its own caterer and client with a contract from today (24 hours' notice, Mon–Fri). */
async function catererAndClientWithContract(page: Page, name: string) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const caterer = uniqueEmail(`${name}-kitchen`);
  const client = uniqueEmail(`${name}-office`);
  await registerCompany(page, 'client', `${name} Office ${stamp}`, client, PASSWORD);
  await registerCompany(page, 'caterer', `${name} Kitchen ${stamp}`, caterer, PASSWORD);
  await signIn(page, caterer, PASSWORD);
  await createContract(page, { email: client, password: PASSWORD }, 40, { email: caterer, password: PASSWORD });
  await drainOutbox(page);
  await signOut(page);
  return { caterer, client };
}

test('a client closes its office next week and sees those days cancelled; the caterer is told', async ({ page }) => {
  const { caterer, client } = await catererAndClientWithContract(page, 'Closure');
  const monday = isoDate(nextMonday());
  const friday = isoDate(new Date(nextMonday().getTime() + 4 * 86_400_000));

  await signIn(page, caterer, PASSWORD);
  const before = await unreadCount(page);
  await signOut(page);

  await signIn(page, client, PASSWORD);
  await gotoReady(page, '/calendar');
  await page.getByLabel('First closed day').fill(monday);
  await page.getByLabel('Last closed day').fill(friday);
  await page.getByLabel('Reason').fill('Office move');
  await page.getByRole('button', { name: 'Add closure' }).click();
  await expect(page.getByTestId('closure-outcome')).toContainText('5 service days cancelled');

  await gotoReady(page, `/service-days?from=${monday}&to=${friday}`);
  const days = page.locator('[data-testid="service-day"]');
  await expect(days).toHaveCount(5);
  await expect(days.getByText('Cancelled', { exact: true })).toHaveCount(5);
  await expect(days.first().getByText('Cancelled: Office move')).toBeVisible();
  await expect(days.getByRole('spinbutton')).toHaveCount(0);
  await signOut(page);

  // The caterer gets one notification naming the dates, and sees the closure on its calendar.
  await drainOutbox(page);
  await signIn(page, caterer, PASSWORD);
  expect(await unreadCount(page)).toBe(before + 1);
  await gotoReady(page, `/calendar?month=${monday.slice(0, 7)}`);
  await expect(page.getByTestId('closure').filter({ hasText: 'Office move' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove closure' })).toHaveCount(0);
});

test('a page left open across a deadline locks the day itself, without a reload', async ({ page }) => {
  const { client } = await catererAndClientWithContract(page, 'Clock');
  const monday = isoDate(nextMonday());
  await signIn(page, client, PASSWORD);
  // The browser's clock is the app's clock for what the page shows; start it at the real time.
  await page.clock.install({ time: new Date() });
  await gotoReady(page, `/service-days?from=${monday}&to=${monday}`);
  const day = page.locator(`[data-testid="service-day"][data-date="${monday}"]`);
  await expect(day.getByRole('spinbutton')).toBeVisible();
  await expect(day.getByTestId('deadline')).toContainText('Change until');
  await expect(page.getByRole('button', { name: /Confirm week/ })).toBeVisible();

  // Monday's deadline: 24 hours before its 12:00 delivery, on the client's clock.
  const deadline = new Date((await day.getByTestId('deadline').locator('time').getAttribute('datetime'))!);
  await page.clock.fastForward(deadline.getTime() - Date.now() + 60_000);

  await expect(day.getByRole('spinbutton')).toHaveCount(0);
  await expect(day.getByText('Locked', { exact: true })).toBeVisible();
  await expect(day.getByTestId('deadline')).toContainText('Locked since');
  await expect(page.getByRole('button', { name: /Confirm week/ })).toHaveCount(0);
});
