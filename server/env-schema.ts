import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const DEV_AUTH_SECRET = 'chefops-development-secret-not-for-production';

/** Every configuration variable ChefOps reads. `.env.example` documents each one. */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** Set during `next build`; production secrets are not required to compile. */
    NEXT_PHASE: z.string().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    CHEFOPS_DATA_DIR: z.string().min(1).default('.data/pglite'),
    CHEFOPS_SEED_DEMO: flag.optional(),
    CHEFOPS_LOCAL_CRON: flag.optional(),
    CHEFOPS_LOCAL_CRON_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
    /** Set by `next start`/`next dev -p` and most hosts; only used for the default APP_URL. */
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z.url().optional(),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    CRON_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
    BCRYPT_COST: z.coerce.number().int().min(10, 'must be at least 10').max(15).default(12),
    /** Worker threads that hash passwords (default: CPU cores − 1, at least 1). */
    PASSWORD_HASH_THREADS: z.coerce.number().int().min(1).max(64).optional(),
    /**
     * Seconds a signed-in browser's session token is trusted before it is re-validated and
     * rotated against its refresh_tokens row. Short, so a stolen cookie goes stale quickly.
     */
    SESSION_ACCESS_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
    SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
    MAIL_FROM: z.string().min(3).default('ChefOps <no-reply@chefops.local>'),
    /** SMTP connections the sender keeps open, and so messages in flight at once. */
    SMTP_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** Seconds to wait for the SMTP server to connect, greet, or answer before the attempt fails (and is retried). */
    SMTP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
    /**
     * Keep outgoing mail in the dev mailbox (/dev/mail) instead of sending it. Default: on
     * outside production when SMTP_URL is unset. In production only with CHEFOPS_DEMO=true
     * (a demo or the browser tests); never on a real deployment.
     */
    CHEFOPS_DEV_MAILBOX: flag.optional(),
    /**
     * This production build is a public demo: allows the dev mailbox there, whose /dev/mail
     * page shows every e-mail (reset and invitation links included) to anyone.
     */
    CHEFOPS_DEMO: flag.default(false),
    /**
     * How many reverse proxies in front of the app append to X-Forwarded-For. 0: none, the
     * header is ignored and the socket address is the client; 1 (Vercel, one load balancer):
     * the right-most entry; n: the n-th from the right. Per-IP rate limits use this address.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int('must be a whole number').min(0).max(10).default(0),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    SLOW_REQUEST_MS: z.coerce.number().int().min(0).default(200),
  })
  .superRefine((env, ctx) => {
    const enforce = env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build';
    if (!enforce) return;
    for (const key of ['AUTH_SECRET', 'CRON_SECRET'] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    }
    if (env.CHEFOPS_DEV_MAILBOX && !env.CHEFOPS_DEMO) {
      ctx.addIssue({
        code: 'custom',
        path: ['CHEFOPS_DEV_MAILBOX'],
        message: 'is refused in production: /dev/mail would show every e-mail to anyone. Set CHEFOPS_DEMO=true for a public demo, or SMTP_URL',
      });
    }
  })
  .transform((env) => {
    const embedded = !env.DATABASE_URL;
    return {
      ...env,
      embedded,
      AUTH_SECRET: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
      APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
      CHEFOPS_SEED_DEMO: env.CHEFOPS_SEED_DEMO ?? embedded,
      CHEFOPS_LOCAL_CRON: env.CHEFOPS_LOCAL_CRON ?? embedded,
      CHEFOPS_DEV_MAILBOX: env.CHEFOPS_DEV_MAILBOX ?? (env.NODE_ENV !== 'production' && !env.SMTP_URL),
    };
  });

export type Env = z.output<typeof envSchema>;

/** Parses raw variables; throws one error that names every bad variable. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
}
