// `npm run db:seed`: loads the demo data into an empty database (PostgreSQL or embedded).
import { closeDb, getDb } from '@/server/database';
import { demoLoginBanner, seedDemoData } from '@/server/seed/seed-demo';
import { env } from '@/server/env';

const { seeded } = await seedDemoData(await getDb());
await closeDb();
console.log(seeded ? 'Demo data loaded.' : 'The database already has data; nothing was seeded.');
if (seeded) console.log(demoLoginBanner(env.APP_URL));
