import { expect, test } from '@playwright/test';
import { chooseHoursNotice, drainOutbox, gotoReady, isoDate, registerCompany, sendProposal, signIn, signOut, uniqueEmail } from './fixtures';

const PASSWORD = 'lunch for the whole floor';

test('a caterer proposes twice; the client declines one with a reason and accepts the other from its dashboard; days appear', async ({ page }) => {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const caterer = uniqueEmail('proposal-kitchen');
  const client = uniqueEmail('proposal-office');
  const kitchenName = `Proposal Kitchen ${stamp}`;
  await registerCompany(page, 'client', `Proposal Office ${stamp}`, client, PASSWORD);
  await registerCompany(page, 'caterer', kitchenName, caterer, PASSWORD);

  await signIn(page, caterer, PASSWORD);
  for (const price of ['18', '15']) {
    await gotoReady(page, '/contracts/new');
    await page.getByLabel('Client email').fill(client);
    await chooseHoursNotice(page);
    await page.getByLabel('Start date').fill(isoDate(new Date()));
    await page.getByLabel('Last service date').fill(isoDate(new Date(Date.now() + 60 * 86_400_000)));
    await page.getByLabel(/^Price per meal/).fill(price);
    const path = await sendProposal(page);
    // No service days before the client accepts.
    await expect(page.locator('[data-testid="service-day"]')).toHaveCount(0);
    expect(path).toMatch(/^\/contracts\//);
  }
  await drainOutbox(page);
  await signOut(page);

  await signIn(page, client, PASSWORD);
  const proposals = page.getByTestId('proposal');
  await expect(page.getByRole('heading', { name: 'Proposals waiting' })).toBeVisible();
  await expect(proposals).toHaveCount(2);
  const expensive = proposals.filter({ hasText: '18.00' });
  await expensive.getByRole('button', { name: /^Decline/ }).click();
  await expensive.getByLabel(/Why do you decline/).fill('Above our budget.');
  await expensive.getByRole('button', { name: 'Decline proposal' }).click();
  await expect(page.getByText('Proposal declined; the caterer is told why.')).toBeVisible();
  await expect(proposals).toHaveCount(1);

  await proposals.first().getByRole('button', { name: /^Accept proposal/ }).click();
  await page.getByRole('button', { name: 'Yes, accept these terms' }).click();
  await expect(page.getByText('Proposal accepted: the contract is active.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Proposals waiting' })).toHaveCount(0);

  // The contract list filters by the new states; the accepted contract has its days.
  await gotoReady(page, '/contracts?status=DECLINED');
  await expect(page.getByText(kitchenName)).toHaveCount(1);
  await gotoReady(page, '/contracts?status=ACTIVE');
  await page.getByRole('link', { name: new RegExp(kitchenName) }).first().click();
  await expect(page.locator('[data-testid="service-day"]').first()).toBeVisible();
  await signOut(page);

  // The caterer is told about both answers.
  await signIn(page, caterer, PASSWORD);
  await drainOutbox(page);
  await gotoReady(page, '/notifications');
  await expect(page.getByText(/declined your contract proposal/).first()).toBeVisible();
  await expect(page.getByText(/accepted your contract proposal/).first()).toBeVisible();
});
