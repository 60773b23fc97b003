import { EVENT_TYPES, isEmailOnly } from '@/server/outbox/events';
import type { OutboxHandler } from '@/server/outbox/handler';
import { companyIdsIn, companyNames, recipientCompanyIds, recipientUsers } from '@/server/outbox/recipients';
import { accountEmail, eventEmail } from '@/server/mail/templates';
import type { MailTransport } from '@/server/mail/transport';

/**
 * Email, one message per recipient. Handled one event per transaction: if a send fails the
 * event is retried, and messages already sent go out again with the same Message-ID.
 */
export function emailHandler(transport: MailTransport, appUrl: string): OutboxHandler {
  return {
    name: 'email',
    eventTypes: EVENT_TYPES,
    perEvent: true,
    async handle(tx, events) {
      for (const event of events) {
        if (isEmailOnly(event)) {
          await transport.send(tx, accountEmail(event, appUrl));
          continue;
        }
        const recipients = await recipientUsers(tx, recipientCompanyIds(event));
        if (recipients.length === 0) continue;
        const names = await companyNames(tx, companyIdsIn(event));
        for (const r of recipients) await transport.send(tx, eventEmail(event, r.email, appUrl, names));
      }
    },
  };
}
