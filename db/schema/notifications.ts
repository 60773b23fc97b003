import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { id, tstz } from './columns';
import { emailDeliveryStatus } from './enums';
import { companies, users } from './companies';

/** In-app notifications (the bell), one row per recipient user. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    eventId: uuid('event_id').notNull(),
    eventType: varchar('event_type', { length: 100 }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    readAt: tstz('read_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notifications_event_user_unique').on(t.eventId, t.userId),
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    index('notifications_user_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    index('notifications_company_id_idx').on(t.companyId),
  ],
);

/** Outside production without SMTP_URL, outgoing mail lands here and shows at /dev/mail. */
export const devMailMessages = pgTable('dev_mail_messages', {
  id: id(),
  messageId: varchar('message_id', { length: 255 }).notNull().unique(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html'),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

/**
 * One e-mail to one recipient, written by the outbox's email handler in its batch transaction
 * (exactly once: the Message-ID is unique) and sent later by the sender outside any
 * transaction. A claim pushes next_attempt_at forward by a lease, so a sender that dies mid-send
 * leaves deliveries that become due again and go out with the same Message-ID.
 */
export const emailDeliveries = pgTable(
  'email_deliveries',
  {
    id: id(),
    eventId: uuid('event_id').notNull(),
    /** The recipient's account (null for invitations to an address without one). */
    userId: uuid('user_id').references(() => users.id),
    recipient: text('recipient').notNull(),
    /** NOTIFICATION_CATEGORIES; null for account e-mails (invitations, password resets), which always go. */
    category: varchar('category', { length: 50 }),
    messageId: varchar('message_id', { length: 255 }).notNull().unique(),
    subject: text('subject').notNull(),
    /** The message: a heading line, then paragraphs; rendered as HTML and text when sent. */
    heading: text('heading').notNull(),
    body: text('body').notNull(),
    actionLabel: text('action_label'),
    actionUrl: text('action_url'),
    /** Link to the preferences page for this category (null for account e-mails). */
    unsubscribeUrl: text('unsubscribe_url'),
    /** The action URL holds a single-use link token: it is cleared once the delivery is SENT or DEAD. */
    secretLink: boolean('secret_link').notNull().default(false),
    status: emailDeliveryStatus('status').notNull().default('PENDING'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: tstz('sent_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    /** Set by the sender with each outcome (no trigger on this hot table). */
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // Serves exactly the sender's claim: PENDING and due, oldest first.
    index('email_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'PENDING'`),
    index('email_deliveries_dead_idx')
      .on(t.updatedAt)
      .where(sql`${t.status} = 'DEAD'`),
    index('email_deliveries_sent_at_idx')
      .on(t.sentAt)
      .where(sql`${t.status} = 'SENT'`),
  ],
);
