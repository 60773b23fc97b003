import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests run against a production build (`next build` + `next start`) on a fresh
 * embedded database, seeded with the demo data on first start.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://localhost:${PORT}`;
const E2E_CRON_SECRET = 'e2e-cron-secret-0123456789abcdef';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // Upper bounds, not waits: a story with two companies signing up, a contract and three
  // sign-ins takes over a minute on a loaded 2-core machine.
  timeout: 150_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium: browser downloads are not available on CI machines.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${BASE_URL}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      APP_URL: BASE_URL,
      NEXTAUTH_URL: BASE_URL,
      AUTH_SECRET: 'e2e-auth-secret-0123456789abcdef0123456789',
      CRON_SECRET: E2E_CRON_SECRET,
      CHEFOPS_DATA_DIR: '.data/e2e',
      CHEFOPS_LOCAL_CRON: 'false',
      CHEFOPS_DEV_MAILBOX: 'true',
      // The production build runs as a demo: the browser tests read mail at /dev/mail.
      CHEFOPS_DEMO: 'true',
      BCRYPT_COST: '10',
      // Each story signs up from an address of its own (X-Forwarded-For, see registerCompany), so
      // the per-address sign-up limit holds for each story and the suite is not one "address".
      TRUSTED_PROXY_HOPS: '1',
    },
  },
});
