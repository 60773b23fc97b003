import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { companies } from '@/db/schema';
import type { Database } from '@/db/types';
import { MAX_BATCH_CALLS } from '@/lib/limits';
import type { SessionUser } from '@/server/domain/actor';
import { RATE_LIMITS } from '@/server/auth/rate-limit';
import { registerCompany } from '../support/callers';
import { createTestDb, type TestDb } from '../support/test-db';
import { postMutation, readAnswer, serveRoute } from '../support/trpc-http';

// The route runs against this file's database, signed in as whoever the test says.
const holder = vi.hoisted(() => ({ db: undefined as unknown as Database, session: null as SessionUser | null }));
vi.mock('@/server/database', () => ({ getDb: async () => holder.db }));
vi.mock('@/server/auth/session', () => ({ sessionUserFromRequest: async () => holder.session }));
const loggedErrors = vi.hoisted(() => [] as Record<string, unknown>[]);
vi.mock('@/server/logger', async (original) => {
  const real = (await original()) as { logger: Record<string, unknown> };
  return { logger: { ...real.logger, error: (event: string, fields: Record<string, unknown>) => loggedErrors.push({ event, ...fields }) } };
});

let t: TestDb;
let server: Awaited<ReturnType<typeof serveRoute>>;
beforeAll(async () => {
  t = await createTestDb();
  holder.db = t.db;
  server = await serveRoute((await import('@/app/api/trpc/[trpc]/route')).POST);
});
afterAll(async () => {
  await server.close();
  await t.close();
});

describe('POST /api/trpc', () => {
  it('per-IP limits count the socket address: rotating X-Forwarded-For does not get past them', async () => {
    holder.session = null;
    const answers = [];
    for (let i = 0; i <= RATE_LIMITS.resetIp.limit; i++) {
      answers.push(
        await postMutation(server.base, 'auth.requestPasswordReset', { email: `nobody-${i}@example.test` }, { 'x-forwarded-for': `198.51.100.${i}` }),
      );
    }
    expect(answers.slice(0, -1).every((a) => a.status === 200)).toBe(true);
    const last = answers.at(-1)!;
    expect(last.status).toBe(429);
    expect(last.error?.message).toMatch(/Too many reset requests/);
  });

  it(`refuses a batch of more than ${MAX_BATCH_CALLS} calls with a clear message, running none of them`, async () => {
    const { session, email } = await registerCompany(t.db, { companyType: 'CLIENT' });
    holder.session = session;
    const calls = 200;
    const input = Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, { json: { name: `Batch ${i}` } }]));
    const response = await fetch(`${server.base}/api/trpc/${Array(calls).fill('company.update').join(',')}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const refused = await readAnswer(response);
    expect(refused.status).toBe(400);
    expect(refused.error?.data.code).toBe('BAD_REQUEST');
    expect(refused.error?.message).toBe(`One request may carry at most ${MAX_BATCH_CALLS} calls; this one has ${calls}. Send them in smaller batches.`);
    const [row] = await t.db.select({ name: companies.name }).from(companies).where(eq(companies.email, email));
    expect(row!.name).not.toMatch(/^Batch/);

    const allowed = Object.fromEntries(Array.from({ length: MAX_BATCH_CALLS }, (_, i) => [i, { json: { name: `Batch ${i}` } }]));
    const ok = await fetch(`${server.base}/api/trpc/${Array(MAX_BATCH_CALLS).fill('company.update').join(',')}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(allowed),
    });
    expect(ok.status).toBe(200);
  });

  it('answers a NUL in a text field with BAD_REQUEST on the field, and changes nothing', async () => {
    const { session, email } = await registerCompany(t.db, { companyType: 'CLIENT' });
    holder.session = session;
    const answer = await postMutation(server.base, 'company.update', { name: 'Acme\u0000 Corp' });
    expect(answer.status).toBe(400);
    expect(answer.error?.data.code).toBe('BAD_REQUEST');
    expect(answer.error?.data.fieldErrors).toEqual({ name: ['Remove control characters: only tabs and line breaks are allowed.'] });
    const [row] = await t.db.select({ name: companies.name }).from(companies).where(eq(companies.email, email));
    expect(row!.name).not.toContain('Acme');
  });

  it('answers an unexpected failure with a generic message and a reference; the SQL stays in the log', async () => {
    const { session } = await registerCompany(t.db, { companyType: 'CLIENT' });
    holder.session = session;
    const realDb = holder.db;
    const secret = 'secret-parameter-value';
    holder.db = new Proxy(realDb, {
      get(target, key, receiver) {
        if (key !== 'query') return Reflect.get(target, key, receiver);
        return new Proxy(target.query, {
          get() {
            const fail = async () => {
              throw new Error(`Failed query: select "id" from "companies" where "id" = $1\nparams: ${secret}`);
            };
            // Whether the query is awaited at once or prepared and then executed.
            return {
              findFirst: () => ({ prepare: () => ({ execute: fail }), then: (ok: () => void, ko: (e: unknown) => void) => fail().then(ok, ko) }),
            };
          },
        });
      },
    });
    try {
      loggedErrors.length = 0;
      const answer = await readAnswer(await fetch(`${server.base}/api/trpc/company.me`));
      expect(answer.status).toBe(500);
      expect(answer.text).not.toContain('Failed query');
      expect(answer.text).not.toContain(secret);
      const reference = answer.error?.data.reference as string;
      expect(reference).toMatch(/^[0-9a-f]{12}$/);
      expect(answer.error?.message).toBe(
        `Something went wrong on our side. Please try again; if it keeps happening, tell support the reference ${reference}.`,
      );
      expect(loggedErrors).toEqual([expect.objectContaining({ event: 'trpc.error', reference, message: expect.stringContaining(secret) })]);
    } finally {
      holder.db = realDb;
    }
  });
});
