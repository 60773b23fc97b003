import type { Sql } from 'postgres';
import type { SessionUser } from '@/server/domain/actor';
import { addDays } from '@/lib/dates';
import { SCALE_NOW, userEmail } from './volumes';

/** The people and records the request paths act on, looked up once in the run's database. */
export type Personas = {
  caterer: SessionUser;
  catererContracts: number;
  client: SessionUser;
  clientContracts: number;
  clientToday: string;
  /** One of the client's contracts, its month (February) and a week of it. */
  contractId: string;
  month: { from: string; to: string };
  week: { from: string; to: string };
  /** PENDING days 2+ days ahead, each with its client's ADMIN: one per confirmation. */
  openDays: { id: string; quantity: number; session: SessionUser; email: string }[];
  /** Delivered days still without a served count, each with its caterer's ADMIN. */
  unservedDays: { id: string; quantity: number; session: SessionUser; email: string }[];
};

type UserRow = { user_id: string; company_id: string; company_type: 'CATERING' | 'CLIENT'; role: 'ADMIN'; email: string };

const toSession = (r: UserRow): SessionUser => ({
  userId: r.user_id,
  companyId: r.company_id,
  companyType: r.company_type,
  role: r.role,
  email: r.email,
});

async function userByEmail(sql: Sql, email: string): Promise<SessionUser> {
  const [row] = await sql<UserRow[]>`
    select u.id as user_id, u.company_id, c.company_type, u.role, u.email
    from users u join companies c on c.id = u.company_id where u.email = ${email}`;
  if (!row) throw new Error(`no bench user ${email}`);
  return toSession(row);
}

/**
 * Days for the write paths, interleaved over contracts so consecutive confirmations never queue
 * on one row: `count` PENDING days 2+ days ahead of ten clients (their ADMINs confirm), and
 * `count` delivered days still without a served count of the caterer persona (its ADMIN counts).
 */
async function targetDays(sql: Sql, caterer: SessionUser, count: number) {
  const open = await sql<(UserRow & { id: string; quantity: number })[]>`
    select d.id, d.quantity, u.id as user_id, u.company_id, 'CLIENT' as company_type, u.role, u.email
    from (
      select sd.id, least(sd.expected_quantity + 1, k.max_quantity) as quantity, k.client_id,
        row_number() over (partition by k.id order by sd.service_date) as nth, k.n
      from bench.contract k
      join bench.company cl on cl.id = k.client_id and cl.n < 10
      join service_days sd on sd.contract_id = k.id and sd.status = 'PENDING' and sd.service_date >= k.local_today + 2
    ) d
    join users u on u.company_id = d.client_id and u.role = 'ADMIN'
    order by d.nth, d.n
    limit ${count}`;
  const unserved = await sql<(UserRow & { id: string; quantity: number })[]>`
    select d.id, d.quantity, u.id as user_id, u.company_id, 'CATERING' as company_type, u.role, u.email
    from (
      select sd.id, sd.expected_quantity as quantity, k.catering_id,
        row_number() over (partition by k.id order by sd.service_date desc) as nth, k.n
      from bench.contract k
      join service_days sd on sd.contract_id = k.id and sd.status = 'EXPECTED_CONFIRMED' and sd.service_date < k.local_today
      where k.catering_id = ${caterer.companyId}
    ) d
    join users u on u.company_id = d.catering_id and u.role = 'ADMIN'
    order by d.nth, d.n
    limit ${count}`;
  if (open.length < count || unserved.length < count) throw new Error('the fixture has too few open or unserved days');
  const map = (r: UserRow & { id: string; quantity: number }) => ({ id: r.id, quantity: Number(r.quantity), session: toSession(r), email: r.email });
  return { openDays: open.map(map), unservedDays: unserved.map(map) };
}

export async function loadPersonas(sql: Sql, writesPerPath: number): Promise<Personas> {
  const caterer = await userByEmail(sql, userEmail('admin', 'caterer', 0));
  const client = await userByEmail(sql, userEmail('admin', 'client', 0));
  const [counts] = await sql<{ caterer: number; client: number; contract_id: string; today: string }[]>`
    select (select count(*)::int from contracts where catering_id = ${caterer.companyId}) as caterer,
      (select count(*)::int from contracts where client_id = ${client.companyId}) as client,
      (select id from contracts where client_id = ${client.companyId} order by created_at, id limit 1) as contract_id,
      (${SCALE_NOW.toISOString()}::timestamptz at time zone (select timezone from companies where id = ${client.companyId}))::date::text as today`;
  const month = { from: '2026-02-01', to: '2026-02-28' };
  const week = { from: '2026-02-23', to: '2026-03-01' };
  return {
    caterer,
    catererContracts: counts!.caterer,
    client,
    clientContracts: counts!.client,
    clientToday: counts!.today,
    contractId: counts!.contract_id,
    month,
    week,
    ...(await targetDays(sql, caterer, writesPerPath)),
  };
}

export const pendingRange = (p: Personas) => ({ from: p.clientToday, to: addDays(p.clientToday, 27), status: 'PENDING' as const });
