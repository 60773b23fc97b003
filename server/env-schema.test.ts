import { describe, expect, it } from 'vitest';
import { parseEnv } from './env-schema';

describe('parseEnv', () => {
  it('needs nothing in development: embedded database, demo data and local jobs on', () => {
    const env = parseEnv({ NODE_ENV: 'development' });
    expect(env.embedded).toBe(true);
    expect(env.CHEFOPS_DATA_DIR).toBe('.data/pglite');
    expect(env.CHEFOPS_SEED_DEMO).toBe(true);
    expect(env.CHEFOPS_LOCAL_CRON).toBe(true);
    expect(env.BCRYPT_COST).toBe(12);
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.CRON_SECRET).toBeUndefined();
  });

  it('switches to PostgreSQL with DATABASE_URL and turns the embedded conveniences off', () => {
    const env = parseEnv({ DATABASE_URL: 'postgres://u@db:5432/chefops', DATABASE_POOL_MAX: '25' });
    expect(env.embedded).toBe(false);
    expect(env.DATABASE_POOL_MAX).toBe(25);
    expect(env.CHEFOPS_SEED_DEMO).toBe(false);
    expect(env.CHEFOPS_LOCAL_CRON).toBe(false);
  });

  it('refuses to start in production without AUTH_SECRET and CRON_SECRET, naming both', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: is required in production[\s\S]*CRON_SECRET/);
  });

  it('lets `next build` compile without production secrets', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })).not.toThrow();
  });

  it('starts in production when both secrets are given', () => {
    const env = parseEnv({ NODE_ENV: 'production', AUTH_SECRET: 'a'.repeat(32), CRON_SECRET: 'b'.repeat(16) });
    expect(env.CRON_SECRET).toBe('b'.repeat(16));
  });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['BCRYPT_COST', { BCRYPT_COST: '8' }],
    ['BCRYPT_COST', { BCRYPT_COST: 'twelve' }],
    ['AUTH_SECRET', { AUTH_SECRET: 'short' }],
    ['APP_URL', { APP_URL: 'not a url' }],
    ['SMTP_URL', { SMTP_URL: 'http://mail' }],
    ['CHEFOPS_LOCAL_CRON', { CHEFOPS_LOCAL_CRON: 'sometimes' }],
  ])('names the bad variable %s', (name, raw) => {
    expect(() => parseEnv(raw)).toThrow(new RegExp(`Invalid environment configuration:[\\s\\S]*${name}:`));
  });

  it('keeps mail in the dev mailbox only outside production without SMTP, unless asked', () => {
    expect(parseEnv({ NODE_ENV: 'development' }).CHEFOPS_DEV_MAILBOX).toBe(true);
    expect(parseEnv({ NODE_ENV: 'development', SMTP_URL: 'smtp://mail:25' }).CHEFOPS_DEV_MAILBOX).toBe(false);
    const prod = { NODE_ENV: 'production', AUTH_SECRET: 'a'.repeat(32), CRON_SECRET: 'b'.repeat(16) } as const;
    expect(parseEnv(prod).CHEFOPS_DEV_MAILBOX).toBe(false);
    expect(parseEnv({ ...prod, CHEFOPS_DEV_MAILBOX: 'true', CHEFOPS_DEMO: 'true' }).CHEFOPS_DEV_MAILBOX).toBe(true);
  });

  it('refuses the public dev mailbox in production unless the build is declared a demo', () => {
    const prod = { NODE_ENV: 'production', AUTH_SECRET: 'a'.repeat(32), CRON_SECRET: 'b'.repeat(16) } as const;
    expect(() => parseEnv({ ...prod, CHEFOPS_DEV_MAILBOX: 'true' })).toThrow(/CHEFOPS_DEV_MAILBOX: is refused in production[\s\S]*CHEFOPS_DEMO=true/);
    expect(parseEnv({ ...prod, CHEFOPS_DEV_MAILBOX: 'true', CHEFOPS_DEMO: 'true' }).CHEFOPS_DEMO).toBe(true);
    expect(parseEnv({ NODE_ENV: 'development', CHEFOPS_DEV_MAILBOX: 'true' }).CHEFOPS_DEMO).toBe(false);
    expect(() => parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build', CHEFOPS_DEV_MAILBOX: 'true' })).not.toThrow();
  });

  it('derives the default APP_URL from PORT', () => {
    expect(parseEnv({}).APP_URL).toBe('http://localhost:3000');
    expect(parseEnv({ PORT: '3400' }).APP_URL).toBe('http://localhost:3400');
    expect(parseEnv({ PORT: '3400', APP_URL: 'https://chefops.example.com' }).APP_URL).toBe('https://chefops.example.com');
  });

  it('trusts no proxy by default and validates TRUSTED_PROXY_HOPS', () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: '1' }).TRUSTED_PROXY_HOPS).toBe(1);
    for (const bad of ['-1', '1.5', 'yes', '11']) {
      expect(() => parseEnv({ TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
    }
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).embedded).toBe(true);
  });
});
