// Bench-only route (built only by `npm run bench -- --scale N`, see next.config.mjs): runs the
// SQL statements that `company.me` issues over HTTP (session row, company), captured by the
// benchmark into CHEFOPS_BENCH_BARE_SQL, straight on postgres.js: no tRPC, no next-auth, no
// superjson, no zod; prepared, as the app's queries are. Its req/s is the baseline the tRPC
// route is compared with.
import { readFileSync } from 'node:fs';
import postgres from 'postgres';

export const dynamic = 'force-dynamic';

type Statement = { query: string; params: unknown[] };

let ready: { sql: postgres.Sql; statements: Statement[] } | undefined;

function setup() {
  ready ??= {
    statements: JSON.parse(readFileSync(/*turbopackIgnore: true*/ process.env.CHEFOPS_BENCH_BARE_SQL ?? '', 'utf8')) as Statement[],
    sql: postgres(process.env.DATABASE_URL ?? '', { max: Number(process.env.DATABASE_POOL_MAX ?? 10), onnotice: () => {} }),
  };
  return ready;
}

export async function GET() {
  const { sql, statements } = setup();
  let rows: unknown[] = [];
  for (const s of statements) rows = await sql.unsafe(s.query, s.params as never[], { prepare: true });
  return Response.json(rows[0] ?? null);
}
