import { expect, test } from '@playwright/test';
import { createContract, drainOutbox, gotoReady, isoDate, registerCompany, signIn, signOut, uniqueEmail } from './fixtures';

const PASSWORD = 'lunch for the whole floor';

test('after the deadline the client asks for five more; the caterer accepts; the day shows the new count', async ({ page }) => {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const caterer = uniqueEmail('late-kitchen');
  const client = uniqueEmail('late-office');
  await registerCompany(page, 'client', `Late Office ${stamp}`, client, PASSWORD);
  await registerCompany(page, 'caterer', `Late Kitchen ${stamp}`, caterer, PASSWORD);
  await signIn(page, caterer, PASSWORD);
  // Every day, delivery at 23:59 with 24 hours' notice: today's deadline (yesterday 23:59) has
  // passed and its delivery has not, whenever the suite runs (but in the day's last minute).
  await createContract(page, { email: client, password: PASSWORD }, 30, { email: caterer, password: PASSWORD }, { everyDay: true, deliveryTime: '23:59' });
  await signOut(page);

  const today = isoDate(new Date());
  await signIn(page, client, PASSWORD);
  await gotoReady(page, `/service-days?from=${today}&to=${today}`);
  const day = page.locator(`[data-testid="service-day"][data-date="${today}"]`);
  await day.getByRole('button', { name: 'Ask for a late change' }).click();
  await day.getByLabel('New meal count').fill('25');
  await day.getByLabel('Why it changes').fill('Five visitors from head office.');
  await day.getByRole('button', { name: 'Ask the caterer' }).click();
  await expect(day.getByTestId('change-request')).toContainText('waiting for the caterer');
  await expect(day.getByTestId('change-request-who')).toContainText(`Asked by ${client}`);
  await drainOutbox(page);
  await signOut(page);

  await signIn(page, caterer, PASSWORD);
  await expect(page.getByTestId('late-changes')).toContainText(`Five visitors from head office. — asked by ${client}`);
  await gotoReady(page, `/service-days?from=${today}&to=${today}`);
  await day.getByRole('button', { name: 'Answer the change request' }).click();
  await day.getByRole('button', { name: 'Accept 25 meals' }).click();
  await expect(page.getByText('Change accepted.')).toBeVisible();
  await expect(day.getByTestId('change-request')).toContainText('accepted');
  await expect(day.getByTestId('change-request-who')).toContainText(`accepted by ${caterer}`);
  await expect(day.getByText('Expected 25')).toBeVisible();
});
