import { expect, test } from '@playwright/test';
import { DEMO, gotoReady, isoDate, nextMonday, signIn, signOut } from './fixtures';

// The demo starts with 8 weeks of served history per contract, so open days carry a suggestion.
test('a client sees the suggested count and why beside a day it confirms; both dashboards show last month’s meals ordered but not served', async ({ page }) => {
  test.slow();
  await signIn(page, DEMO.clientManager);
  await expect(page.getByRole('heading', { name: /^Ordered but not served, / })).toBeVisible();

  const monday = isoDate(nextMonday());
  const sunday = isoDate(new Date(nextMonday().getTime() + 6 * 86_400_000));
  await gotoReady(page, `/service-days?from=${monday}&to=${sunday}`);
  const suggestion = page.getByTestId('suggested-quantity').first();
  await expect(suggestion).toHaveText(/^Suggested: \d+ meals\. Served \d+, \d+, \d+ … on the last \d+ \w+days \(median \d+/);
  await signOut(page);

  await signIn(page, DEMO.catererAdmin);
  await expect(page.getByRole('heading', { name: /^Ordered but not served, / })).toBeVisible();
  await expect(page.getByTestId('plan-status').first()).toHaveText(/^\d[\d,]* confirmed · \d[\d,]* locked · \d[\d,]* estimated$/);
});
