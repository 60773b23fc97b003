import { expect, test } from '@playwright/test';
import { drainOutbox, gotoReady, linkFromMailbox, waitForHydration } from './fixtures';

// The mailbox has no signed-in company to take a zone from: it shows the reader's browser zone.
test.use({ timezoneId: 'America/New_York' });

test('the dev mailbox shows when each e-mail was sent on the reader’s own clock, the zone named', async ({ page }) => {
  const email = 'employee@initech.demo';
  await gotoReady(page, '/forgot-password');
  await waitForHydration(page);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status').filter({ hasText: /./ })).toBeVisible();
  await drainOutbox(page);
  await linkFromMailbox(page, email, '/reset-password');

  const sent = page.getByRole('listitem').filter({ hasText: `To ${email}` }).first().locator('time');
  const instant = new Date((await sent.getAttribute('datetime'))!);
  const onNewYorkClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  await expect(sent).toContainText(onNewYorkClock);
  await expect(sent).toContainText(/\bE[SD]T\b/);
});
