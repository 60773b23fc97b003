import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'chefops-demo';
export const DEMO = {
  catererAdmin: 'admin@tastykitchen.demo',
  catererManager: 'manager@tastykitchen.demo',
  clientAdmin: 'admin@acme.demo',
  clientManager: 'manager@acme.demo',
} as const;

/** Matches CRON_SECRET in playwright.config.ts, for draining the outbox on demand. */
export const CRON_SECRET = 'e2e-cron-secret-0123456789abcdef';

/** Navigates and waits until the page is idle (hydrated), so typing never races React. */
export async function gotoReady(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await gotoReady(page, '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

export async function signOut(page: Page) {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
}

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;

/** Runs the outbox drain the way the scheduler does, so notifications and mail appear now. */
export async function drainOutbox(page: Page) {
  const response = await page.request.get('/api/cron/outbox', { headers: { Authorization: `Bearer ${CRON_SECRET}` } });
  expect(response.ok()).toBe(true);
}

/** The link in the newest dev-mailbox message to `address` whose text contains `path`. */
export async function linkFromMailbox(page: Page, address: string, path: string): Promise<string> {
  await page.goto('/dev/mail');
  const message = page.getByRole('listitem').filter({ hasText: `To ${address}` }).first();
  await expect(message).toBeVisible();
  const href = await message.getByRole('link').filter({ hasText: path }).first().getAttribute('href');
  expect(href).toBeTruthy();
  return new URL(href!).pathname + new URL(href!).search;
}
