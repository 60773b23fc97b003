// Dead-letter tooling: `npm run outbox:dead` (or `… list`) shows DEAD outbox events and DEAD
// e-mail deliveries; `npm run outbox:dead -- replay <id>` puts an event back in the queue (due
// now, fresh retries); `npm run outbox:dead -- replay-email <id>` does the same for a delivery.
// Embedded mode: stop the app first (the data directory is locked by the running process).
import { closeDb, getDb } from '@/server/database';
import { listDeadDeliveries, listDeadEvents, replayDeadDelivery, replayDeadEvent } from '@/server/outbox/dead-letter';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const [command = 'list', id] = process.argv.slice(2);
const db = await getDb();
let exitCode = 0;
try {
  if (command === 'list') {
    const events = await listDeadEvents(db, 500);
    if (events.length === 0) console.log('No DEAD events.');
    for (const e of events) {
      console.log(`${e.id}  ${e.eventType}  attempts=${e.retryCount}  created=${e.createdAt.toISOString()}`);
      if (e.errorMessage) console.log(`    ${e.errorMessage.split('\n').join('\n    ')}`);
    }
    const deliveries = await listDeadDeliveries(db, 500);
    console.log(deliveries.length === 0 ? 'No DEAD e-mail deliveries.' : `DEAD e-mail deliveries (${deliveries.length}):`);
    for (const d of deliveries) {
      console.log(`${d.id}  to=${d.recipient}  "${d.subject}"  attempts=${d.attempts}  event=${d.eventId}  created=${d.createdAt.toISOString()}`);
      if (d.lastError) console.log(`    ${d.lastError.split('\n').join('\n    ')}`);
    }
  } else if (command === 'replay' && id && UUID.test(id)) {
    if (await replayDeadEvent(db, id)) console.log(`Event ${id} is PENDING again; the next drain picks it up.`);
    else {
      console.error(`No DEAD event with id ${id}.`);
      exitCode = 1;
    }
  } else if (command === 'replay-email' && id && UUID.test(id)) {
    if (await replayDeadDelivery(db, id)) console.log(`E-mail delivery ${id} is PENDING again; the next send picks it up.`);
    else {
      console.error(`No replayable DEAD e-mail delivery with id ${id} (a one-time link cannot be resent: request a new one).`);
      exitCode = 1;
    }
  } else {
    console.error('Usage: npm run outbox:dead [-- list | -- replay <event-id> | -- replay-email <delivery-id>]');
    exitCode = 2;
  }
} finally {
  await closeDb();
}
process.exit(exitCode);
