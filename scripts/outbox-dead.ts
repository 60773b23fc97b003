// Dead-letter tooling: `npm run outbox:dead` (or `… list`) shows DEAD outbox events;
// `npm run outbox:dead -- replay <id>` puts one back in the queue (due now, fresh retries).
// Embedded mode: stop the app first (the data directory is locked by the running process).
import { closeDb, getDb } from '@/server/database';
import { listDeadEvents, replayDeadEvent } from '@/server/outbox/dead-letter';

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
  } else if (command === 'replay' && id && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    if (await replayDeadEvent(db, id)) console.log(`Event ${id} is PENDING again; the next drain picks it up.`);
    else {
      console.error(`No DEAD event with id ${id}.`);
      exitCode = 1;
    }
  } else {
    console.error('Usage: npm run outbox:dead [-- list | -- replay <event-id>]');
    exitCode = 2;
  }
} finally {
  await closeDb();
}
process.exit(exitCode);
