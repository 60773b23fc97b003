import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, validateSession } from '@/server/auth/sessions';
import { consumeRateLimit, RATE_LIMITS } from '@/server/auth/rate-limit';
import { runServiceDayJobs } from '@/server/jobs/service-day-jobs';
import { countRows, registerCompany } from '../support/callers';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const HOUR = 60 * 60 * 1000;

describe('auth retention in the service-day job', () => {
  it('deletes long-expired sessions and stale rate-limit counters, keeping live ones', async () => {
    const { session } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const longAgo = new Date(Date.now() - 30 * 24 * HOUR);
    await createSession(t.db, { userId: session.userId, userAgent: 'old', now: longAgo });
    const live = await createSession(t.db, { userId: session.userId, userAgent: 'new', now: new Date() });
    expect(await countRows(t.db, 'refresh_tokens')).toBe(2);

    // Signing up counted its own (fresh) attempts; they stay.
    const fresh = await countRows(t.db, 'rate_limits');
    await consumeRateLimit(t.db, { rule: RATE_LIMITS.signInAccount, subject: 'old@example.test', now: longAgo });
    await consumeRateLimit(t.db, { rule: RATE_LIMITS.signInAccount, subject: 'new@example.test', now: new Date() });
    expect(await countRows(t.db, 'rate_limits')).toBe(fresh + 2);

    const summary = await runServiceDayJobs(t.db, { now: new Date() });
    expect(summary.failedSteps).toEqual([]);
    expect(summary.expiredSessionsDeleted).toBe(1);
    expect(summary.rateLimitCountersDeleted).toBe(1);
    expect(await countRows(t.db, 'refresh_tokens')).toBe(1);
    expect(await countRows(t.db, 'rate_limits')).toBe(fresh + 1);
    expect(await validateSession(t.db, { id: live.id, now: new Date() })).not.toBeNull();
  });
});
