import { expect, test } from '@playwright/test';
import { DEMO, drainOutbox, gotoReady, signIn, signOut } from './fixtures';

test('the client confirms a day; after the drain the caterer’s bell shows it', async ({ page }) => {
  await drainOutbox(page); // start from a drained outbox, so only this test's event is new
  await signIn(page, DEMO.catererManager);
  const bell = page.getByTestId('notification-bell');
  await page.waitForLoadState('networkidle');
  const label = (await bell.getAttribute('aria-label')) ?? '';
  const before = Number(/(\d+) unread/.exec(label)?.[1] ?? 0);
  await signOut(page);

  await signIn(page, DEMO.clientManager);
  await gotoReady(page, '/service-days?status=PENDING');
  const day = page.locator('[data-testid="service-day"]').filter({ has: page.getByRole('button', { name: 'Confirm', exact: true }) }).first();
  const date = await day.getAttribute('data-date');
  await day.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page.getByText('Quantity confirmed.')).toBeVisible();
  await signOut(page);

  await drainOutbox(page);

  await signIn(page, DEMO.catererManager);
  await expect(page.getByTestId('notification-unread-count')).toHaveText(String(before + 1));
  await expect(bell).toHaveAccessibleName(`Notifications, ${before + 1} unread`);
  await bell.click();
  await expect(page).toHaveURL(/\/notifications/);
  await expect(page.getByText(/Meal count confirmed for/).first()).toBeVisible();
  expect(date).toBeTruthy();
});
