import { expect, test } from '@playwright/test';
import { createContract, DEMO, gotoReady, registerCompany, signIn, signOut, uniqueEmail } from './fixtures';

test('a client gives its delivery address and on-site contact in Settings; the caterer sees them on the contract', async ({ page }) => {
  test.slow();
  const clientEmail = uniqueEmail('delivery');
  const password = 'office lunch together';
  await registerCompany(page, 'client', `Delivery ${Date.now()}`, clientEmail, password);
  await signIn(page, clientEmail, password);
  await gotoReady(page, '/settings');
  const card = page.getByRole('form', { name: 'Delivery details' });
  await card.getByLabel('Delivery address').fill('ul. Piotrkowska 104, 90-926 Łódź');
  await card.getByLabel('Delivery instructions').fill('Reception on the ground floor.');
  await card.getByLabel('On-site contact', { exact: true }).fill('Zofia Wójcik');
  await card.getByLabel('On-site contact’s phone').fill('call me');
  await card.getByRole('button', { name: 'Save delivery details' }).click();
  await expect(card.getByText(/^Enter a phone number/)).toBeVisible();
  await card.getByLabel('On-site contact’s phone').fill('+48 42 123 45 67');
  await card.getByRole('button', { name: 'Save delivery details' }).click();
  await expect(page.getByText('Delivery details saved.')).toBeVisible();
  await signOut(page);

  await signIn(page, DEMO.catererAdmin);
  await gotoReady(page, await createContract(page, { email: clientEmail, password }, 60, { email: DEMO.catererAdmin }));
  const details = page.getByTestId('delivery-details');
  await expect(details).toContainText('ul. Piotrkowska 104, 90-926 Łódź');
  await expect(details).toContainText('Reception on the ground floor.');
  await expect(details).toContainText('Zofia Wójcik, +48 42 123 45 67');
});
