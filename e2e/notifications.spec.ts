import { expect, test } from '@playwright/test';
import { createContract, drainOutbox, gotoReady, registerCompany, signIn, signOut, uniqueEmail, unreadCount } from './fixtures';

// Its own caterer and client, so no other test's notifications can change the count.
test('the client confirms a day; after the drain the caterer’s bell shows exactly that one', async ({ page }) => {
  const password = 'lunch for the whole floor';
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const caterer = uniqueEmail('bell-kitchen');
  const client = uniqueEmail('bell-office');
  await registerCompany(page, 'client', `Bell Office ${stamp}`, client, password);
  await registerCompany(page, 'caterer', `Bell Kitchen ${stamp}`, caterer, password);

  await signIn(page, caterer, password);
  await createContract(page, { email: client, password }, 30, { email: caterer, password });
  await drainOutbox(page);
  const before = await unreadCount(page);
  await signOut(page);

  await signIn(page, client, password);
  await gotoReady(page, '/service-days?status=PENDING');
  const day = page.locator('[data-testid="service-day"]').filter({ has: page.getByRole('button', { name: 'Confirm', exact: true }) }).first();
  await day.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page.getByText('Quantity confirmed.')).toBeVisible();
  await signOut(page);

  await drainOutbox(page);

  await signIn(page, caterer, password);
  expect(await unreadCount(page)).toBe(before + 1);
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAccessibleName(`Notifications, ${before + 1} unread`);
  await bell.click();
  await expect(page).toHaveURL(/\/notifications/);
  // The title says what to do, and for which client.
  await expect(page.getByText(new RegExp(`Prepare \\d+ meals? for Bell Office ${stamp} on`)).first()).toBeVisible();
});
