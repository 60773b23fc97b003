import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { addUser, callerFor, registerCompany } from '../support/callers';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

describe('company settings', () => {
  it('an ADMIN updates name, time zone and capacity', async () => {
    const { caller } = await registerCompany(t.db, { companyType: 'CATERING', dailyCapacity: 100 });
    const updated = await caller.company.update({ name: 'Renamed', timezone: 'America/New_York', dailyCapacity: 150 });
    expect(updated).toMatchObject({ name: 'Renamed', timezone: 'America/New_York', dailyCapacity: 150 });
    expect(await caller.company.me()).toMatchObject({ name: 'Renamed', dailyCapacity: 150 });
  });

  it('a client sets its office days; missing days stay open', async () => {
    const { caller } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const me = await caller.company.setOfficeDays({
      days: [
        { dayOfWeek: 6, isWorkDay: false },
        { dayOfWeek: 7, isWorkDay: false },
      ],
    });
    expect(me.officeDays.filter((d) => !d.isWorkDay).map((d) => d.dayOfWeek)).toEqual([6, 7]);
    const again = await caller.company.setOfficeDays({ days: [{ dayOfWeek: 6, isWorkDay: true }] });
    expect(again.officeDays.filter((d) => !d.isWorkDay).map((d) => d.dayOfWeek)).toEqual([7]);
  });

  it('keeps updated_at honest on every update', async () => {
    const { caller } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const before = await caller.company.me();
    await new Promise((r) => setTimeout(r, 5));
    await caller.company.update({ name: 'Later name' });
    const row = await t.db.query.companies.findFirst({ where: (c, { eq }) => eq(c.id, before.id) });
    expect(row!.updatedAt.getTime()).toBeGreaterThan(row!.createdAt.getTime());
  });

  const badUpdates: [string, Record<string, unknown>, string][] = [
    ['empty name', { name: '' }, 'name'],
    ['unknown zone', { timezone: 'Nowhere/City' }, 'timezone'],
    ['negative capacity', { dailyCapacity: -5 }, 'dailyCapacity'],
    ['bad work mode', { workMode: 'SOMETIMES' }, 'workMode'],
  ];
  it.each(badUpdates)('company.update with %s → BAD_REQUEST at the field, nothing changed', async (_, input, field) => {
    const { caller } = await registerCompany(t.db, { companyType: 'CATERING', companyName: 'Stable' });
    const before = await caller.company.me();
    const error = await caller.company.update(input as never).catch((e: TRPCError) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const issues = (error as unknown as { cause: { issues: { path: string[] }[] } }).cause.issues;
    expect(issues.map((i) => i.path.join('.'))).toContain(field);
    expect(await caller.company.me()).toEqual(before);
  });

  it('a caterer cannot set a work mode, a client cannot set a capacity', async () => {
    const caterer = await registerCompany(t.db, { companyType: 'CATERING' });
    const client = await registerCompany(t.db, { companyType: 'CLIENT' });
    expect(await codeOf(caterer.caller.company.update({ workMode: 'REMOTE' }))).toBe('BAD_REQUEST');
    expect(await codeOf(client.caller.company.update({ dailyCapacity: 5 }))).toBe('BAD_REQUEST');
    expect(await codeOf(caterer.caller.company.setOfficeDays({ days: [{ dayOfWeek: 1, isWorkDay: false }] }))).toBe(
      'BAD_REQUEST',
    );
  });

  const badOfficeDays: [string, unknown][] = [
    ['day 0', [{ dayOfWeek: 0, isWorkDay: true }]],
    ['day 8', [{ dayOfWeek: 8, isWorkDay: true }]],
    ['duplicate day', [{ dayOfWeek: 1, isWorkDay: true }, { dayOfWeek: 1, isWorkDay: false }]],
    ['no days', []],
    ['non-boolean', [{ dayOfWeek: 1, isWorkDay: 'yes' }]],
  ];
  it.each(badOfficeDays)('setOfficeDays with %s → BAD_REQUEST, nothing changed', async (_, days) => {
    const { caller } = await registerCompany(t.db, { companyType: 'CLIENT' });
    const before = await caller.company.me();
    expect(await codeOf(caller.company.setOfficeDays({ days } as never))).toBe('BAD_REQUEST');
    expect(await caller.company.me()).toEqual(before);
  });

  it('company B never sees or changes company A: it only ever reaches its own company', async () => {
    const a = await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Company A' });
    const b = await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Company B' });
    const bMe = await b.caller.company.me();
    expect(bMe.name).toBe('Company B');
    // Extra fields such as a company id are not part of the input and cannot redirect the write.
    await b.caller.company.update({ name: 'B renamed', id: a.session.companyId } as never);
    expect((await a.caller.company.me()).name).toBe('Company A');
    expect((await b.caller.company.me()).name).toBe('B renamed');
  });

  it('EMPLOYEE and MANAGER cannot change settings (FORBIDDEN); EMPLOYEE can read', async () => {
    const admin = await registerCompany(t.db, { companyType: 'CLIENT', companyName: 'Roles Inc' });
    const employee = await addUser(t.db, admin.session.companyId, 'EMPLOYEE');
    const manager = await addUser(t.db, admin.session.companyId, 'MANAGER');
    expect((await employee.caller.company.me()).name).toBe('Roles Inc');
    expect(await codeOf(employee.caller.company.update({ name: 'Hijacked' }))).toBe('FORBIDDEN');
    expect(await codeOf(manager.caller.company.update({ name: 'Hijacked' }))).toBe('FORBIDDEN');
    expect(await codeOf(employee.caller.company.setOfficeDays({ days: [{ dayOfWeek: 1, isWorkDay: false }] }))).toBe(
      'FORBIDDEN',
    );
    expect((await admin.caller.company.me()).name).toBe('Roles Inc');
  });

  it('a signed-out caller is UNAUTHORIZED', async () => {
    expect(await codeOf(callerFor(t.db, null).company.me())).toBe('UNAUTHORIZED');
  });
});
