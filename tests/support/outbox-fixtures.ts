import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { companies, outboxEvents, users } from '@/db/schema';
import type { Database } from '@/db/types';
import { enqueueOutboxEvent } from '@/server/outbox/enqueue';
import type { EventType } from '@/server/outbox/events';
import { addUser, registerCompany } from './callers';

/**
 * A caterer and a client, each with an ADMIN and a MANAGER (who receive messages), an EMPLOYEE
 * and a deactivated MANAGER (who must not).
 */
export async function twoParties(db: Database) {
  const catering = await registerCompany(db, { companyType: 'CATERING', companyName: 'Good Food Ltd' });
  const client = await registerCompany(db, { companyType: 'CLIENT', companyName: 'Acme Offices' });
  const cateringManager = await addUser(db, catering.session.companyId, 'MANAGER');
  const clientManager = await addUser(db, client.session.companyId, 'MANAGER');
  await addUser(db, catering.session.companyId, 'EMPLOYEE');
  await addUser(db, client.session.companyId, 'EMPLOYEE');
  const inactive = await addUser(db, client.session.companyId, 'MANAGER');
  await db.update(users).set({ isActive: false }).where(eq(users.id, inactive.session.userId));
  return {
    cateringId: catering.session.companyId,
    clientId: client.session.companyId,
    cateringAdmin: catering.session,
    clientAdmin: client.session,
    cateringRecipients: [catering.session.email, cateringManager.session.email].sort(),
    clientRecipients: [client.session.email, clientManager.session.email].sort(),
  };
}

/** Writes a contract event together with a state change, as services do. */
export async function enqueueWithChange(
  db: Database,
  parties: { cateringId: string; clientId: string },
  type: EventType,
  actorCompanyId: string | null,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const contractId = randomUUID();
  return db.transaction(async (tx) => {
    await tx.update(companies).set({ name: `Good Food Ltd` }).where(eq(companies.id, parties.cateringId));
    await enqueueOutboxEvent(tx, {
      type,
      aggregateId: contractId,
      payload: { contractId, cateringId: parties.cateringId, clientId: parties.clientId, actorCompanyId, actorUserId: null, ...extra },
    });
    const [row] = await tx.select({ id: outboxEvents.id }).from(outboxEvents).where(eq(outboxEvents.aggregateId, contractId));
    return row!.id;
  });
}
