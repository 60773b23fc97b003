import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { callerFor, countRows, registerCompany } from '../support/callers';
import { fieldsOf } from '../support/contracts';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function rowCounts() {
  return {
    companies: await countRows(t.db, 'companies'),
    users: await countRows(t.db, 'users'),
    catering: await countRows(t.db, 'catering_profiles'),
    client: await countRows(t.db, 'client_profiles'),
  };
}

async function expectTrpcError(promise: Promise<unknown>, code: TRPCError['code']) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  return error as TRPCError;
}

describe('auth.register', () => {
  it('creates a caterer with an ADMIN user that company.me then describes', async () => {
    const { caller, session } = await registerCompany(t.db, {
      companyType: 'CATERING',
      companyName: 'Good Food Ltd',
      email: 'Owner@GoodFood.test',
      dailyCapacity: 240,
      timezone: 'Europe/Warsaw',
    });
    expect(session.role).toBe('ADMIN');
    expect(session.companyType).toBe('CATERING');
    const me = await caller.company.me();
    expect(me).toMatchObject({
      name: 'Good Food Ltd',
      email: 'owner@goodfood.test',
      companyType: 'CATERING',
      timezone: 'Europe/Warsaw',
      dailyCapacity: 240,
      workMode: null,
    });
    expect(me.officeDays).toHaveLength(7);
  });

  it('creates a client with its work mode and UTC by default', async () => {
    const { caller } = await registerCompany(t.db, { companyType: 'CLIENT', workMode: 'HYBRID' });
    const me = await caller.company.me();
    expect(me).toMatchObject({ companyType: 'CLIENT', workMode: 'HYBRID', timezone: 'UTC', dailyCapacity: null });
  });

  it('a caterer bills in the currency it chose; unset, in the currency of its zone’s country', async () => {
    const chosen = await registerCompany(t.db, { companyType: 'CATERING', timezone: 'Europe/Warsaw', currency: 'usd' });
    expect((await chosen.caller.company.me()).currency).toBe('USD');
    const warsaw = await registerCompany(t.db, { companyType: 'CATERING', timezone: 'Europe/Warsaw' });
    expect((await warsaw.caller.company.me()).currency).toBe('PLN');
    const kolkata = await registerCompany(t.db, { companyType: 'CATERING', timezone: 'Asia/Kolkata' });
    expect((await kolkata.caller.company.me()).currency).toBe('INR');
    const utc = await registerCompany(t.db, { companyType: 'CATERING' });
    expect((await utc.caller.company.me()).currency).toBe('EUR');
  });

  it('refuses an unknown currency beside the field, creating nothing', async () => {
    const before = await countRows(t.db, 'companies');
    const error = await expectTrpcError(
      callerFor(t.db, null).auth.register({
        companyType: 'CATERING',
        companyName: 'Bad Money',
        email: 'bad-money@example.test',
        password: 'correct horse battery',
        dailyCapacity: 10,
        currency: 'XYZ',
      }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(error)).toEqual(['currency']);
    expect(await countRows(t.db, 'companies')).toBe(before);
  });

  it('refuses an email already used in another letter case, writing nothing', async () => {
    await registerCompany(t.db, { companyType: 'CLIENT', email: 'dup@example.test' });
    const before = await rowCounts();
    const error = await expectTrpcError(
      callerFor(t.db, null).auth.register({
        companyType: 'CATERING',
        companyName: 'Copycat',
        email: 'DUP@Example.TEST',
        password: 'another good password',
        dailyCapacity: 10,
      }),
      'CONFLICT',
    );
    expect(error.message).toMatch(/already exists/);
    expect(await rowCounts()).toEqual(before);
  });

  const valid = {
    companyType: 'CATERING',
    companyName: 'Valid Co',
    email: 'valid@example.test',
    password: 'a perfectly fine password',
    dailyCapacity: 10,
  } as const;
  const malformed: [string, Record<string, unknown>, string][] = [
    ['unknown company type', { companyType: 'BAKERY' }, 'companyType'],
    ['empty company name', { companyName: '   ' }, 'companyName'],
    ['bad email', { email: 'not-an-email' }, 'email'],
    ['short password', { password: 'short' }, 'password'],
    ['password over 72 bytes', { password: 'é'.repeat(37) }, 'password'],
    // The common-password list is loaded on the server only; the shared schema must still use it.
    ['common password', { password: 'Password123' }, 'password'],
    ['unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
    ['caterer without capacity', { dailyCapacity: undefined }, 'dailyCapacity'],
    ['zero capacity', { dailyCapacity: 0 }, 'dailyCapacity'],
    ['fractional capacity', { dailyCapacity: 2.5 }, 'dailyCapacity'],
    ['capacity as text', { dailyCapacity: '10' }, 'dailyCapacity'],
    ['client with capacity', { companyType: 'CLIENT', dailyCapacity: 10 }, 'dailyCapacity'],
    ['unknown work mode', { companyType: 'CLIENT', dailyCapacity: undefined, workMode: 'NOMAD' }, 'workMode'],
  ];
  it.each(malformed)('answers BAD_REQUEST for %s with the field path, writing nothing', async (_, patch, field) => {
    const before = await rowCounts();
    const error = await expectTrpcError(
      callerFor(t.db, null).auth.register({ ...valid, ...patch } as never),
      'BAD_REQUEST',
    );
    const shape = error as unknown as { cause: { issues: { path: (string | number)[] }[] } };
    expect(shape.cause.issues.map((i) => i.path.join('.'))).toContain(field);
    expect(await rowCounts()).toEqual(before);
  });
});
