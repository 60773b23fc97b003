import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, gotoReady, signIn, signOut, uniqueEmail } from './fixtures';

test('a caterer registers, signs out, signs back in and sees its dashboard', async ({ page }) => {
  const email = uniqueEmail('caterer');
  const password = 'lunch boxes at noon';
  await gotoReady(page, '/register');
  await page.getByLabel('A caterer').check();
  await page.getByLabel('Company name').fill('Noon Kitchen');
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Daily capacity (meals per day)').fill('120');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByTestId('company-name')).toContainText('Noon Kitchen');

  await signOut(page);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, email, password);
  await expect(page.getByTestId('company-name')).toContainText('Noon Kitchen');
  await gotoReady(page, '/settings');
  await expect(page.getByLabel('Daily capacity (meals per day)')).toHaveValue('120');
});

test('a wrong password shows an error and creates no session', async ({ page, context }) => {
  await gotoReady(page, '/login');
  await page.getByLabel('Email').fill(DEMO.catererAdmin);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not correct' })).toHaveText('The email or password is not correct.');
  await expect(page).toHaveURL(/\/login/);
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name.includes('next-auth.session-token'))).toBe(false);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login/);
});

test('registration errors show next to the field', async ({ page }) => {
  await gotoReady(page, '/register');
  await page.getByLabel('A client').check();
  await page.getByLabel('Company name').fill('Tiny Office');
  await page.getByLabel('Work email').fill(uniqueEmail('client'));
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Password must be at least 8 characters.')).toBeVisible();
  await expect(page).toHaveURL(/\/register/);
});

test('an admin changes settings and they are kept', async ({ page }) => {
  await signIn(page, DEMO.clientAdmin);
  await gotoReady(page, '/settings');
  await expect(page.getByLabel('Saturday')).not.toBeChecked();
  await page.getByLabel('Saturday').check();
  await page.getByRole('button', { name: 'Save office days' }).click();
  await expect(page.getByText('Office days saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Saturday')).toBeChecked();
  await expect(page.getByLabel('Sunday')).not.toBeChecked();
});

test('responses carry the security headers and the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
  const response = await page.goto('/login');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by']).toBeUndefined();
  // JSON answers are never documents: their policy allows nothing.
  const api = await page.request.get('/api/health');
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()['x-content-type-options']).toBe('nosniff');

  await signIn(page, DEMO.clientAdmin);
  const session = (await context.cookies()).find((c) => c.name.endsWith('next-auth.session-token'));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
});

test('a cross-site tRPC mutation is refused', async ({ page }) => {
  await signIn(page, DEMO.clientAdmin);
  const response = await page.request.post('/api/trpc/company.update', {
    headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' },
    data: { json: { name: 'Hijacked' } },
  });
  expect(response.status()).toBe(403);
  await gotoReady(page, '/settings');
  await expect(page.getByLabel('Company name')).toHaveValue('Acme Corp');
});

for (const callbackUrl of ['/\\evil.example/x', '/\t/evil.example/x']) {
  test(`sign-in stays on this site for the callback ${JSON.stringify(callbackUrl)}`, async ({ page, baseURL }) => {
    await gotoReady(page, `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel('Email').fill(DEMO.clientManager);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
}
