import { sql } from 'drizzle-orm';
import type { EmailMessage } from '@/server/mail/templates';
import { accountEmail, eventContent, eventEmail } from '@/server/mail/templates';
import { EVENT_TYPES, isCompanyEvent, isEmailOnly } from '@/server/outbox/events';
import type { OutboxHandler } from '@/server/outbox/handler';
import { messageContextOnce, recipientCompanyIds } from '@/server/outbox/recipients';

/**
 * E-mail, recorded: one `email_deliveries` row per recipient, for the whole batch in one
 * set-based insert inside the handler's transaction (so exactly once, with the ledger). Nothing
 * is sent here: the sender (server/mail/sender.ts) sends the rows outside any transaction, so a
 * slow or failing mail server never holds the outbox. Users who muted the event's category get
 * no e-mail (the in-app notification still comes).
 */
export function emailHandler(appUrl: string): OutboxHandler {
  return {
    name: 'email',
    eventTypes: EVENT_TYPES,
    async handle(tx, events, { now, memo }) {
      const messages: { eventId: string; userId: string | null; message: EmailMessage }[] = [];
      for (const event of events) {
        if (isEmailOnly(event)) messages.push({ eventId: event.id, userId: null, message: accountEmail(event, appUrl) });
      }
      const companyEvents = events.filter(isCompanyEvent);
      if (companyEvents.length > 0) {
        const { companies, contracts, usersOf } = await messageContextOnce(tx, companyEvents, memo);
        for (const event of companyEvents) {
          for (const companyId of recipientCompanyIds(event)) {
            const readers = usersOf.get(companyId) ?? [];
            if (readers.length === 0) continue;
            const content = eventContent(event, { readerCompanyId: companyId, companies, contracts, now });
            for (const u of readers) {
              if (u.emailMutedCategories.includes(content.category)) continue;
              messages.push({ eventId: event.id, userId: u.userId, message: eventEmail(event, content, u.email, appUrl) });
            }
          }
        }
      }
      await recordDeliveries(tx, messages, now);
    },
  };
}

type DbLike = Parameters<OutboxHandler['handle']>[0];

/** Inserts the deliveries set-based; a Message-ID already recorded is skipped. */
export async function recordDeliveries(tx: DbLike, messages: { eventId: string; userId: string | null; message: EmailMessage }[], now: Date) {
  if (messages.length === 0) return;
  const rows = messages.map(({ eventId, userId, message: m }) => ({
    event_id: eventId,
    user_id: userId,
    recipient: m.to,
    category: m.category,
    message_id: m.messageId,
    subject: m.subject,
    heading: m.heading,
    body: m.body,
    action_label: m.action?.label ?? null,
    action_url: m.action?.url ?? null,
    unsubscribe_url: m.unsubscribeUrl,
    secret_link: m.secretLink ?? false,
  }));
  await tx.execute(sql`
    insert into email_deliveries (event_id, user_id, recipient, category, message_id, subject, heading, body,
      action_label, action_url, unsubscribe_url, secret_link, next_attempt_at, created_at, updated_at)
    select r.event_id, r.user_id, r.recipient, r.category, r.message_id, r.subject, r.heading, r.body,
      r.action_label, r.action_url, r.unsubscribe_url, r.secret_link, ${now.toISOString()}::timestamptz,
      ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(event_id uuid, user_id uuid, recipient text, category text, message_id text, subject text, heading text, body text,
           action_label text, action_url text, unsubscribe_url text, secret_link boolean)
    on conflict (message_id) do nothing`);
}
