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

/** Waits until React owns the page and every form on it, so typing and clicks never race hydration. */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(
    () => document.documentElement.hasAttribute('data-hydrated') && document.querySelectorAll('form:not([data-hydrated])').length === 0,
  );
}

/** Navigates and waits until the page is hydrated and its data has arrived. */
export async function gotoReady(page: Page, path: string) {
  await page.goto(path);
  await waitForHydration(page);
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
  // The phone header's "Menu" button, by its exact name: a substring match also finds any
  // visible button that mentions menus (the menu editor's "Copy last week’s menus"), and
  // clicking that one on the way out copied a week over the caterer's edits.
  const menu = page.getByRole('button', { name: 'Menu', exact: true });
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
  const message = page.getByRole('listitem').filter({ hasText: `To ${address}` }).first();
  // Another test's outbox run may be the one sending it: look again until it is there.
  await expect(async () => {
    await page.goto('/dev/mail');
    await expect(message).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const href = await message.getByRole('link').filter({ hasText: path }).first().getAttribute('href');
  expect(href).toBeTruthy();
  return new URL(href!).pathname + new URL(href!).search;
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export function nextMonday(): Date {
  const d = new Date();
  const offset = ((8 - d.getUTCDay()) % 7) || 7;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + offset));
}

/** Registers a company through the form (a caterer with room for 500 meals a day) and signs out. */
/** An address of the story's own for the app's per-address limits (the e2e server trusts one proxy hop). */
async function signUpFromOwnAddress(page: Page) {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}` });
}

export async function registerCompany(page: Page, type: 'caterer' | 'client', name: string, email: string, password: string) {
  await signUpFromOwnAddress(page);
  await gotoReady(page, '/register');
  await page.getByLabel(type === 'caterer' ? 'A caterer' : 'A client').check();
  await page.getByLabel('Company name').fill(name);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  if (type === 'caterer') await page.getByLabel('Daily capacity (meals per day)').fill('500');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await signOut(page);
}

/** Who signs in: an e-mail and its password (the demo password when omitted). */
export type Login = { email: string; password?: string };

/** On the filled contract form (a caterer ADMIN): sends the proposal and returns the new contract's path. */
export async function sendProposal(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Send proposal' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Contract with');
  await expect(page.getByText('Proposed', { exact: true }).first()).toBeVisible();
  return new URL(page.url()).pathname;
}

/**
 * The client's ADMIN accepts the proposal at `path`: signs out whoever is signed in, signs in as
 * the client, accepts, signs out, and signs in as `then` when given.
 */
export async function acceptAsClient(page: Page, path: string, client: Login, then?: Login) {
  await signOut(page);
  await signIn(page, client.email, client.password);
  await gotoReady(page, path);
  await page.getByRole('button', { name: 'Accept proposal' }).click();
  await page.getByRole('button', { name: 'Yes, accept these terms' }).click();
  await expect(page.getByText('Proposal accepted: the contract is active.')).toBeVisible();
  await expect(page.getByText('Active', { exact: true }).first()).toBeVisible();
  await signOut(page);
  if (then) await signIn(page, then.email, then.password);
}

/**
 * As a signed-in caterer ADMIN (`caterer`): a contract with the client from today for `days`
 * days, default terms, 15.00 a meal, 24 hours' notice (so next week is open on whatever weekday
 * tests run), proposed and then accepted by the client's ADMIN. Ends signed in as the caterer;
 * returns the contract page's path.
 */
export async function createContract(
  page: Page,
  client: Login,
  days: number,
  caterer: Login,
  options: { everyDay?: boolean; deliveryTime?: string } = {},
): Promise<string> {
  await gotoReady(page, '/contracts/new');
  await page.getByLabel('Client email').fill(client.email);
  await chooseHoursNotice(page);
  await page.getByLabel('Start date').fill(isoDate(new Date()));
  await page.getByLabel('Last service date').fill(isoDate(new Date(Date.now() + days * 86_400_000)));
  await page.getByLabel(/^Price per meal/).fill('15');
  if (options.everyDay) for (const day of ['Saturday', 'Sunday']) await page.getByRole('checkbox', { name: day, exact: true }).check();
  if (options.deliveryTime) await page.getByLabel("Delivery time (client's time)").fill(options.deliveryTime);
  const path = await sendProposal(page);
  await acceptAsClient(page, path, client, caterer);
  return path;
}

/** On the contract form: notice in hours before delivery (the form proposes business days). */
export async function chooseHoursNotice(page: Page, hours = 24) {
  await page.getByLabel('Notice counted in').selectOption('HOURS');
  await page.getByLabel('Notice (hours before delivery)').fill(String(hours));
}

/** The signed-in user's unread notifications, as the API counts them (not the polled bell). */
export async function unreadCount(page: Page): Promise<number> {
  const input = encodeURIComponent(JSON.stringify({ json: { page: 1, pageSize: 1, unreadOnly: true } }));
  const response = await page.request.get(`/api/trpc/notification.list?input=${input}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { result: { data: { json: { unreadCount: number } } } }).result.data.json.unreadCount;
}
