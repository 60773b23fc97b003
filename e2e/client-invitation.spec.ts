import { expect, test } from '@playwright/test';
import { chooseHoursNotice, drainOutbox, gotoReady, isoDate, linkFromMailbox, registerCompany, signIn, signOut, uniqueEmail } from './fixtures';

const PASSWORD = 'lunch for the whole floor';

test('a new caterer invites a new client by e-mail; the client registers from the link, accepts, and the first days appear', async ({ page }) => {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const caterer = uniqueEmail('invite-kitchen');
  const client = uniqueEmail('invite-office');
  await registerCompany(page, 'caterer', `Invite Kitchen ${stamp}`, caterer, PASSWORD);

  // The caterer proposes to an address ChefOps does not know: the form offers an invitation.
  await signIn(page, caterer, PASSWORD);
  await gotoReady(page, '/contracts/new');
  await page.getByLabel('Client email').fill(client);
  await chooseHoursNotice(page);
  await page.getByLabel('Start date').fill(isoDate(new Date()));
  await page.getByLabel('Last service date').fill(isoDate(new Date(Date.now() + 60 * 86_400_000)));
  await page.getByLabel(/^Price per meal/).fill('15');
  await page.getByRole('button', { name: 'Send proposal' }).click();
  await expect(page.getByText(/add an invitation with the client’s company name/)).toBeVisible();
  await page.getByRole('button', { name: 'Invite this client' }).click();
  await page.getByLabel("Client's company name").fill(`Invite Office ${stamp}`);
  // The picker starts at the kitchen's own zone (registered as the browser's); this office is
  // elsewhere, so its terms are worded on the office's clock.
  const kitchenZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(page.getByLabel("Client office's time zone")).toHaveValue(kitchenZone);
  await page.getByLabel("Client office's time zone").selectOption('America/New_York');
  await page.getByRole('button', { name: 'Send proposal and invitation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Contract with Invite Office ${stamp}`);
  await expect(page.getByTestId('proposal-note')).toContainText('is not on ChefOps yet');
  await drainOutbox(page);
  await signOut(page);

  // The client opens the link from the dev mailbox: the form is filled in for its company.
  const link = await linkFromMailbox(page, client, '/register?token=');
  await gotoReady(page, link);
  await expect(page.getByText(/proposes a catering contract to Invite Office/)).toBeVisible();
  await expect(page.getByLabel('Company name')).toHaveValue(`Invite Office ${stamp}`);
  await expect(page.getByLabel('Work email')).toHaveValue(client);
  await expect(page.getByText('Its delivery time and deadlines are on America/New York time.')).toBeVisible();
  await expect(page.getByLabel('Time zone')).toHaveValue('America/New_York');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();

  // It lands on the proposal and accepts it; the first service days appear.
  await expect(page).toHaveURL(/\/contracts\//);
  await page.getByRole('button', { name: 'Accept proposal' }).click();
  await page.getByRole('button', { name: 'Yes, accept these terms' }).click();
  await expect(page.getByText('Proposal accepted: the contract is active.')).toBeVisible();
  await expect(page.locator('[data-testid="service-day"]').first()).toBeVisible();

  // The link works once.
  await signOut(page);
  await gotoReady(page, link);
  await expect(page.getByText(/already been used/)).toBeVisible();
});
