import { expect, test } from '@playwright/test';
import { acceptAsClient, chooseHoursNotice, createContract, sendProposal, DEMO, gotoReady, isoDate, nextMonday, registerCompany, signIn, signOut, uniqueEmail } from './fixtures';

test('a caterer contracts a client, the client confirms a week, the caterer sees the totals', async ({ page }) => {
  const clientEmail = uniqueEmail('office');
  const clientName = `Office ${Date.now()}`;
  const password = 'office lunch together';
  await registerCompany(page, 'client', clientName, clientEmail, password);

  // The caterer proposes the contract; the client's ADMIN accepts it.
  await signIn(page, DEMO.catererAdmin);
  await gotoReady(page, '/contracts/new');
  await page.getByLabel('Client email').fill(clientEmail);
  await page.getByLabel('Minimum meals per day').fill('5');
  await page.getByLabel('Default meals per day').fill('10');
  await page.getByLabel('Maximum meals per day').fill('15');
  await page.getByLabel('Start date').fill(isoDate(new Date()));
  await page.getByLabel('Last service date').fill(isoDate(new Date(Date.now() + 120 * 86_400_000)));
  await page.getByLabel('Price per meal (PLN)').fill('20.00');
  await chooseHoursNotice(page);
  const path = await sendProposal(page);
  await expect(page.getByRole('heading', { level: 1, name: `Contract with ${clientName}` })).toBeVisible();
  await acceptAsClient(page, path, { email: clientEmail, password });

  // The client confirms next week, one day with its own number.
  const monday = isoDate(nextMonday());
  const friday = isoDate(new Date(nextMonday().getTime() + 4 * 86_400_000));
  await signIn(page, clientEmail, password);
  await gotoReady(page, `/service-days?from=${monday}&to=${friday}`);
  const firstDay = page.locator(`[data-testid="service-day"][data-date="${monday}"]`);
  await firstDay.getByRole('spinbutton').fill('12');
  await page.getByRole('button', { name: /Confirm week \(5 days\)/ }).click();
  await expect(page.getByText('5 days confirmed.')).toBeVisible();
  await expect(page.locator('[data-testid="service-day"]').getByText('Confirmed', { exact: true })).toHaveCount(5);
  // Still changeable until its deadline, now at the client's own number.
  await expect(firstDay.getByRole('spinbutton')).toHaveValue('12');
  await page.reload();
  await expect(firstDay.getByRole('spinbutton')).toHaveValue('12');
  await signOut(page);

  // The caterer sees the confirmed quantities.
  await signIn(page, DEMO.catererAdmin);
  await page.goto(`/service-days?from=${monday}&to=${friday}&status=EXPECTED_CONFIRMED`);
  const rows = page.locator('[data-testid="service-day"]').filter({ hasText: clientName });
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: 'Expected 12' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Expected 10' })).toHaveCount(4);
});

test('a confirmation outside the contract limits shows the error next to the field', async ({ page }) => {
  const clientEmail = uniqueEmail('limits');
  const password = 'office lunch together';
  await registerCompany(page, 'client', `Limits ${Date.now()}`, clientEmail, password);
  await signIn(page, DEMO.catererAdmin);
  await createContract(page, { email: clientEmail, password }, 60, { email: DEMO.catererAdmin });
  await signOut(page);

  const monday = isoDate(nextMonday());
  await signIn(page, clientEmail, password);
  await gotoReady(page, `/service-days?from=${monday}&to=${monday}`);
  const day = page.locator(`[data-testid="service-day"][data-date="${monday}"]`);
  await day.getByRole('spinbutton').fill('500');
  await day.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(day.getByText(/between 10 and 30|10.*30/)).toBeVisible();
  await expect(day.getByText('To confirm')).toBeVisible();
});

test('the client disputes a served count and the caterer resolves it, keeping both counts', async ({ page }) => {
  const from = isoDate(new Date(Date.now() - 7 * 86_400_000));
  const to = isoDate(new Date());
  await signIn(page, DEMO.clientAdmin);
  await gotoReady(page, `/service-days?status=SERVED_CONFIRMED&from=${from}&to=${to}`);
  const date = await page
    .locator('[data-testid="service-day"]')
    .filter({ has: page.getByRole('button', { name: 'Dispute served count' }) })
    .first()
    .getAttribute('data-date');
  // Pin the row by its date: once the panel opens, its "Dispute" button is gone.
  const day = page.locator(`[data-testid="service-day"][data-date="${date}"]`);
  await day.getByRole('button', { name: 'Dispute served count' }).click();
  await day.getByLabel('What was wrong?').fill('We counted 10 fewer lunches at the door.');
  await day.getByRole('button', { name: 'Send dispute' }).click();
  await expect(page.getByText('Dispute sent to the caterer.')).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO.catererAdmin);
  await gotoReady(page, `/service-days?status=DISPUTED&from=${date}&to=${date}`);
  const disputed = page.locator(`[data-testid="service-day"][data-date="${date}"]`).filter({ hasText: 'Acme Corp' });
  await expect(disputed.getByText('We counted 10 fewer lunches at the door.')).toBeVisible();
  const served = Number((await disputed.getByText(/^Served \d+/).textContent())?.replace(/\D/g, ''));
  await disputed.getByRole('button', { name: 'Resolve dispute' }).click();
  await disputed.getByLabel('Corrected served quantity').fill(String(served - 10));
  await disputed.getByLabel('Note to the client').fill('Checked the delivery note: agreed.');
  await disputed.getByRole('button', { name: 'Save resolution' }).click();
  await expect(page.getByText('Dispute resolved.')).toBeVisible();

  await gotoReady(page, `/service-days?from=${date}&to=${date}`);
  const resolved = page.locator(`[data-testid="service-day"][data-date="${date}"]`).filter({ hasText: 'Acme Corp' });
  await expect(resolved.getByText(`Served ${served - 10}`)).toBeVisible();
  await expect(resolved.getByText(`(first reported ${served})`)).toBeVisible();
  await expect(resolved.getByText('Checked the delivery note: agreed.')).toBeVisible();
});
