import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DEMO, gotoReady, isoDate, signIn } from './fixtures';

test('the caterer dashboard shows the production plan, disputes and revenue from the demo data', async ({ page }) => {
  await signIn(page, DEMO.catererAdmin);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Production plan, next 14 days' })).toBeVisible();
  await expect(page.getByText(/Open disputes/i).first()).toBeVisible();
  await expect(page.getByText(/Revenue/i).first()).toBeVisible();
  await expect(page.getByText('Acme Corp').first()).toBeVisible();
});

test('the client confirms the defaults for the week from its dashboard', async ({ page }) => {
  await signIn(page, 'admin@globex.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm defaults for the week' }).click();
  const toast = page.getByText(/\d+ days? confirmed at the quantities shown\./);
  await expect(toast).toBeVisible();
  const confirmed = Number((await toast.textContent())!.match(/\d+/)![0]);
  expect(confirmed).toBeGreaterThan(0);
  // The week it confirmed lies within the next five weeks whatever the weekday of the run (a
  // check of what is still PENDING depends on that weekday); each of its days is now listed as
  // confirmed, with its cost.
  const yesterday = isoDate(new Date(Date.now() - 86_400_000)); // the office's today may be UTC's yesterday
  const later = isoDate(new Date(Date.now() + 35 * 86_400_000));
  await gotoReady(page, `/service-days?status=EXPECTED_CONFIRMED&from=${yesterday}&to=${later}`);
  await expect(page.getByTestId('service-day').first()).toBeVisible();
  expect(await page.getByTestId('service-day').count()).toBeGreaterThanOrEqual(confirmed);
  await expect(page.getByTestId('service-day').first()).toContainText(/cost/i);
});

test('the caterer downloads a CSV whose rows match the report on the page', async ({ page }) => {
  await signIn(page, DEMO.catererAdmin);
  await gotoReady(page, '/reports');
  const contract = page.getByLabel('Contract');
  const options = await contract.locator('option').allTextContents();
  await contract.selectOption({ label: options.find((o) => o.includes('Acme')) ?? options[0]! });
  const monday = new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('From').fill(monday);
  await page.getByLabel('To').fill(new Date().toISOString().slice(0, 10));
  await page.getByLabel('From').press('Enter');
  await expect(page).toHaveURL(/from=/);

  const table = page.getByRole('table');
  const pageRows = await table.locator('tbody tr').count();
  expect(pageRows).toBeGreaterThan(5);
  const firstDate = (await table.locator('tbody tr').first().locator('td, th').first().textContent())?.trim();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.split('\r\n').filter(Boolean);
  expect(lines[0]).toMatch(/date/i);
  expect(lines.length - 1).toBe(pageRows);
  expect(firstDate).toBeTruthy();
});

// One test per page, each signed in on its own: a scan never waits behind the others, and it
// starts only once the page is hydrated, its data loaded and no loading placeholder is left.
const AXE_PAGES = [
  ...['/dashboard', '/contracts', '/service-days', '/calendar', '/reports', '/settings'].map((path) => ({ user: DEMO.catererAdmin, path })),
  ...['/dashboard', '/service-days', '/calendar', '/settings'].map((path) => ({ user: DEMO.clientAdmin, path })),
];

for (const { user, path } of AXE_PAGES) {
  test(`accessibility: no serious or critical axe violations on ${path} for ${user}`, async ({ page }) => {
    await signIn(page, user);
    await gotoReady(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    expect(serious).toEqual([]);
  });
}

test.describe('on a 375 × 812 phone', () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test('the client confirms a day without horizontal scrolling', async ({ page }) => {
    await signIn(page, DEMO.clientManager);
    await gotoReady(page, '/service-days?status=PENDING');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const day = page
      .locator('[data-testid="service-day"]')
      .filter({ has: page.getByRole('button', { name: 'Confirm', exact: true }) })
      .first();
    await day.getByLabel(/^Meals on/).fill('100');
    await day.getByRole('button', { name: 'Confirm', exact: true }).click();
    await expect(page.getByText('Quantity confirmed.')).toBeVisible();
    for (const path of ['/dashboard', '/contracts', '/reports']) {
      await page.goto(path);
      // Charts size themselves to their container once laid out; judge the settled page.
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: path })
        .toBeLessThanOrEqual(0);
    }
  });
});
