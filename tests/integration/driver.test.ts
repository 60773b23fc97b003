import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEmbedded } from '@/db/driver';
import { createTestDb, onPostgres, type TestDb } from '../support/test-db';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe('the database handle', () => {
  it('knows whether it is the embedded database, in a transaction too', async () => {
    expect(isEmbedded(t.db)).toBe(!onPostgres);
    expect(await t.db.transaction(async (tx) => isEmbedded(tx))).toBe(!onPostgres);
  });
});
