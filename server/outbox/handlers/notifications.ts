import { sql } from 'drizzle-orm';
import { EVENT_TYPES, isCompanyEvent, isEmailOnlyType, type CompanyEventType } from '@/server/outbox/events';
import type { OutboxHandler } from '@/server/outbox/handler';
import { messageContextOnce, recipientCompanyIds } from '@/server/outbox/recipients';
import { eventContent } from '@/server/mail/templates';

/**
 * In-app notifications: one row per recipient user (active ADMIN/MANAGER of each recipient
 * company), written for the reader's company (its zone, its counterpart), for the whole batch in
 * one set-based insert. Always on, whatever the e-mail preferences.
 */
export const notificationsHandler: OutboxHandler = {
  name: 'notifications',
  eventTypes: EVENT_TYPES.filter((t): t is CompanyEventType => !isEmailOnlyType(t)),
  async handle(tx, claimed, { now, memo }) {
    const events = claimed.filter(isCompanyEvent);
    const { companies, contracts, usersOf } = await messageContextOnce(tx, events, memo);
    const rows = events.flatMap((e) =>
      recipientCompanyIds(e).flatMap((companyId) => {
        const readers = usersOf.get(companyId) ?? [];
        if (readers.length === 0) return [];
        const content = eventContent(e, { readerCompanyId: companyId, companies, contracts, now });
        return readers.map((u) => ({
          event_id: e.id,
          event_type: e.eventType,
          company_id: companyId,
          user_id: u.userId,
          title: content.title,
          body: content.body,
          link: content.path,
        }));
      }),
    );
    if (rows.length === 0) return;
    await tx.execute(sql`
      insert into notifications (company_id, user_id, event_id, event_type, title, body, link, created_at)
      select r.company_id, r.user_id, r.event_id, r.event_type, r.title, r.body, r.link, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(event_id uuid, event_type text, company_id uuid, user_id uuid, title text, body text, link text)
      on conflict (event_id, user_id) do nothing`);
  },
};
