import { sql } from 'drizzle-orm';
import { getDb } from '@/server/database';
import { users } from '@/db/schema';
import { DEMO_COMPANIES } from '@/server/seed/demo-accounts';
import { demoLoginBanner, seedDemoData } from '@/server/seed/seed-demo';
import { env } from './env';
import { startLocalScheduler } from './jobs/local-scheduler';
import { logger } from './logger';

/**
 * Runs once per server process: opens (and in embedded mode migrates) the database, seeds the
 * demo data into an empty database, and prints the demo logins.
 */
export async function startServer(): Promise<void> {
  if (env.NODE_ENV === 'production' && env.CHEFOPS_DEV_MAILBOX) {
    logger.warn('demo.public_mailbox', {
      message: 'CHEFOPS_DEMO=true: e-mail is not sent; /dev/mail shows every message, password-reset links included, to anyone. Never use this for real users.',
    });
  }
  const db = await getDb();
  if (env.CHEFOPS_SEED_DEMO) {
    const { seeded } = await seedDemoData(db);
    if (seeded) logger.info('demo.seeded', { companies: DEMO_COMPANIES.length });
  }
  const demoAdmin = await db.query.users.findFirst({
    where: sql`lower(${users.email}) = ${DEMO_COMPANIES[0]!.email}`,
  });
  if (demoAdmin) console.log(demoLoginBanner(env.APP_URL));
  startLocalScheduler(getDb);
}
