import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);
const resolve = {
  alias: {
    '@': root,
    // `server-only` throws outside a React Server environment; tests call server code directly.
    'server-only': path.join(root, 'tests/support/empty-module.ts'),
  },
};

export default defineConfig({
  resolve,
  test: {
    env: { NODE_ENV: 'test', BCRYPT_COST: '10', TZ: process.env.TZ ?? 'UTC' },
    projects: [
      {
        resolve,
        test: { name: 'unit', include: ['server/**/*.test.ts', 'db/**/*.test.ts', 'lib/**/*.test.ts', 'components/**/*.test.ts', 'tests/architecture/**/*.test.ts'] },
      },
      {
        resolve,
        test: {
          name: 'db',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
