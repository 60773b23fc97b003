import { sql } from 'drizzle-orm';
import { EVENT_TYPES } from '@/server/outbox/events';
import type { OutboxHandler } from '@/server/outbox/handler';
import { EMAIL_ONLY_EVENT_TYPES, recipientCompanyIds } from '@/server/outbox/payloads';
import { companyIdsIn, companyNames } from '@/server/outbox/recipients';
import { eventContent } from '@/server/mail/templates';

/**
 * In-app notifications: one row per recipient user (active ADMIN/MANAGER of each recipient
 * company), written for the whole batch in one set-based insert.
 */
export const notificationsHandler: OutboxHandler = {
  name: 'notifications',
  eventTypes: EVENT_TYPES.filter((t) => !EMAIL_ONLY_EVENT_TYPES.includes(t)),
  async handle(tx, events, { now }) {
    const names = await companyNames(tx, events.flatMap((e) => companyIdsIn(e.payload)));
    const rows = events.flatMap((e) => {
      const content = eventContent(e.eventType, e.payload, names);
      return recipientCompanyIds(e.eventType, e.payload).map((companyId) => ({
        event_id: e.id,
        event_type: e.eventType,
        company_id: companyId,
        title: content.title,
        body: content.body,
        link: content.path,
      }));
    });
    if (rows.length === 0) return;
    await tx.execute(sql`
      insert into notifications (company_id, user_id, event_id, event_type, title, body, link, created_at)
      select u.company_id, u.id, r.event_id, r.event_type, r.title, r.body, r.link, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as r(event_id uuid, event_type text, company_id uuid, title text, body text, link text)
      join users u on u.company_id = r.company_id and u.is_active and u.deleted_at is null and u.role in ('ADMIN', 'MANAGER')
      join companies c on c.id = u.company_id and c.deleted_at is null
      on conflict (event_id, user_id) do nothing`);
  },
};
