import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// One-way dependencies (SPEC §13): lib/ ← server/domain/ ← server/services/ ← server/api/.
// Each rule matches both the `@/` alias and relative paths that climb into another layer.
const layer = (folder) => `^(@/|(\\.\\./)+)${folder}(/|$)`;
const RULE = '@typescript-eslint/no-restricted-imports';

/** Code that can reach the browser: types from the server only, through `import type`. */
const browserSafe = {
  files: ['components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
  rules: {
    [RULE]: [
      'error',
      {
        patterns: [
          {
            regex: layer('(server|db)'),
            allowTypeImports: true,
            message: 'components/ and lib/ can reach the browser: import server/ and db/ only with `import type`.',
          },
        ],
      },
    ],
  },
};

/** Pages and route files reach the server through its public entry points only. */
const app = {
  files: ['app/**/*.{ts,tsx}'],
  rules: {
    [RULE]: [
      'error',
      {
        patterns: [
          { regex: layer('db'), allowTypeImports: true, message: 'app/ never imports db/: go through the server caller or a route handler.' },
          {
            regex: '^(@/|(\\.\\./)+)server/(?!api/server-caller$|routes/)',
            allowTypeImports: true,
            message: 'app/ reaches the server only through @/server/api/server-caller (pages) and @/server/routes/* (route handlers).',
          },
        ],
      },
    ],
  },
};

const db = {
  files: ['db/**/*.ts'],
  rules: {
    [RULE]: ['error', { patterns: [{ regex: layer('server'), message: 'db/ (schema and migrations) never imports server/.' }] }],
  },
};

/** Pure rules: packages, lib/ and the domain itself. */
const domain = {
  files: ['server/domain/**/*.ts'],
  rules: {
    [RULE]: [
      'error',
      {
        patterns: [
          {
            regex: '^(@/(?!lib/|server/domain/)|\\.\\./)',
            message: 'server/domain/ imports nothing but packages, lib/ and itself.',
          },
        ],
      },
    ],
  },
};

const services = {
  files: ['server/services/**/*.ts'],
  rules: {
    [RULE]: [
      'error',
      {
        patterns: [
          {
            regex: '^(@/server/api|(\\.\\./)+api)(/|$)',
            message: 'Services never import server/api/ (its schemas live in lib/schemas, the actor in server/domain).',
          },
        ],
      },
    ],
  },
};

/** Queries run together through allQueries, which lets none outlive the transaction or answer. */
const queriesTogether = {
  files: ['server/services/**/*.ts', 'server/outbox/**/*.ts'],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: "CallExpression[callee.object.name='Promise'][callee.property.name='all'] > ArrayExpression",
        message: 'Run queries together with allQueries (@/db/concurrent): it waits for all of them before throwing.',
      },
      {
        selector: "CallExpression[callee.object.name='Promise'][callee.property.name='all'] > CallExpression[callee.property.name='map']",
        message: 'Run queries together with allQueries (@/db/concurrent): it waits for all of them before throwing.',
      },
    ],
  },
};

/** tRPC would validate on zod's async path, which skips its compiled object parser (server/api/sync-parser.ts). */
const syncValidation = {
  files: ['server/api/routers/**/*.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: "CallExpression[callee.property.name=/^(input|output)$/][arguments.0.callee.name!='syncParser']",
        message: 'Pass schemas to .input() and .output() as syncParser(schema) (@/server/api/sync-parser).',
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  browserSafe,
  app,
  db,
  domain,
  services,
  queriesTogether,
  syncValidation,
  { ignores: ['.next/**', '.data/**', 'drizzle/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'] },
];

export default config;
