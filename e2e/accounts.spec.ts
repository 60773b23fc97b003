import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, drainOutbox, gotoReady, linkFromMailbox, signIn, signOut, uniqueEmail, waitForHydration } from './fixtures';

test('forgot password → email in the dev mailbox → reset → sign in with the new password', async ({ page }) => {
  const email = 'employee@acme.demo';
  const newPassword = 'a brand new lunch password';
  await gotoReady(page, '/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password/);
  await waitForHydration(page);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status').filter({ hasText: /./ })).toBeVisible();

  await drainOutbox(page);
  const link = await linkFromMailbox(page, email, '/reset-password');
  await gotoReady(page, link);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Repeat the new password').fill(newPassword);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('Your password has been changed and every device has been signed out.')).toBeVisible();

  // The old password no longer works; the new one does.
  await gotoReady(page, '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not correct' })).toBeVisible();
  await signIn(page, email, newPassword);
});

test('a session revoked from another browser is sent to login on its next navigation', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const pageA = await first.newPage();
  const pageB = await second.newPage();
  await signIn(pageA, DEMO.clientAdmin);
  await signIn(pageB, DEMO.clientAdmin);

  // B signs every other session out, A included.
  await pageB.goto('/sessions');
  await pageB.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(pageB.getByText('Signed out 1 other device.')).toBeVisible();

  await pageA.goto('/contracts');
  await expect(pageA).toHaveURL(/\/login\?reason=session-ended/);
  await expect(pageA.getByText('Your session has ended. Please sign in again.')).toBeVisible();
  await pageB.goto('/contracts');
  await expect(pageB.getByRole('heading', { level: 1, name: 'Contracts' })).toBeVisible();
  await first.close();
  await second.close();
});

test('an ADMIN invites a MANAGER who sets a password and signs in', async ({ page }) => {
  const invitee = uniqueEmail('manager');
  await signIn(page, DEMO.catererAdmin);
  await gotoReady(page, '/users');
  await page.getByLabel('Email', { exact: true }).fill(invitee);
  await page.getByLabel('Role', { exact: true }).selectOption('MANAGER');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${invitee}.`).first()).toBeVisible();
  await expect(page.getByRole('list', { name: 'Pending invitations' })).toContainText(invitee);
  await signOut(page);

  await drainOutbox(page);
  const link = await linkFromMailbox(page, invitee, '/accept-invitation');
  await gotoReady(page, link);
  const password = 'new manager lunch plan';
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the new password').fill(password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByText(`Your account ${invitee} is ready.`)).toBeVisible();

  await signIn(page, invitee, password);
  await expect(page.getByTestId('company-name')).toContainText('Tasty Kitchen Catering');
  await page.goto('/users');
  await expect(page.getByText('Only an administrator can manage users.')).toBeVisible();
});
