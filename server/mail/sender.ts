import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/types';
import { queryRows, sqlArray } from '@/db/rows';
import { sentRecorder } from './sent-recorder';
import { logger } from '@/server/logger';
import { retryDelayMs } from '@/server/outbox/backoff';
import { renderEmail } from './render';
import type { MailTransport } from './transport';

export type SendOptions = {
  /** Fixed clock (tests); by default the real time, read per claim. */
  now?: Date;
  /** Deliveries claimed at once. */
  batchSize?: number;
  /** Messages in flight at once (the SMTP pool's size). */
  concurrency?: number;
  /** How long a claim holds before the deliveries become due again for another sender. */
  leaseMs?: number;
  /** Keep claiming until nothing is due or this much time has passed. */
  timeBudgetMs?: number;
  /** Attempts before a delivery is DEAD (a permanent SMTP refusal, 5xx, is DEAD at once). */
  maxAttempts?: number;
  random?: () => number;
  /**
   * While this returns true and nothing is due, wait and look again (the outbox drain running
   * beside the sender is still recording deliveries).
   */
  keepWaiting?: () => boolean;
};

export type SendResult = { claimed: number; sent: number; retried: number; dead: number };

export const DEFAULT_SEND_BATCH = 100;
export const DEFAULT_SEND_LEASE_MS = 2 * 60_000;
export const MAX_SEND_ATTEMPTS = 8;
const IDLE_POLL_MS = 100;
const MAX_ERROR_LENGTH = 2000;

export type ClaimedDelivery = {
  id: string;
  recipient: string;
  message_id: string;
  subject: string;
  heading: string;
  body: string;
  action_label: string | null;
  action_url: string | null;
  unsubscribe_url: string | null;
  attempts: number;
};

/**
 * Claims up to `limit` due PENDING deliveries, oldest first. Like the outbox claim, the lease is
 * next_attempt_at pushed forward: other senders skip the rows (SKIP LOCKED while the claim runs,
 * then the lease), and if this sender dies mid-send they become due again. One statement, no
 * transaction held while sending.
 */
export function claimDeliveries(db: DbOrTx, now: Date, limit: number, leaseMs: number) {
  return queryRows<ClaimedDelivery>(
    db,
    sql`update email_deliveries set next_attempt_at = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamptz
        where id in (
          select id from email_deliveries
          where status = 'PENDING' and next_attempt_at <= ${now.toISOString()}::timestamptz
          order by next_attempt_at
          limit ${limit}
          for update skip locked
        )
        returning id, recipient, message_id, subject, heading, body, action_label, action_url, unsubscribe_url, attempts`,
  );
}

function errorText(error: unknown): string {
  const e = error as { message?: string; responseCode?: number; response?: string };
  const text = e?.response ? `${e.responseCode ?? ''} ${e.response}`.trim() : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/** A 5xx answer is the server refusing this message for good; anything else may pass later. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Clears a single-use link once the delivery is finished, so no finished row keeps a token. */
const clearSecret = sql`action_url = case when secret_link then null else action_url end`;

/**
 * Records SENT for many deliveries in one statement. The sender calls it for whatever has been
 * sent since the last call, so under load outcomes go in groups and each costs a fraction of a
 * round trip and commit.
 */
async function recordSent(db: DbOrTx, ids: string[], now: Date) {
  await db.execute(sql`
    update email_deliveries set status = 'SENT', sent_at = ${now.toISOString()}::timestamptz,
      attempts = attempts + 1, last_error = null, updated_at = ${now.toISOString()}::timestamptz, ${clearSecret}
    where id = any(${sqlArray(ids, 'uuid')}) and status = 'PENDING'`);
}

async function recordFailure(db: DbOrTx, d: ClaimedDelivery, error: unknown, now: Date, maxAttempts: number, random: () => number) {
  const attempt = d.attempts + 1;
  const dead = attempt >= maxAttempts || isPermanent(error);
  const message = errorText(error);
  if (dead) {
    await db.execute(sql`
      update email_deliveries set status = 'DEAD', attempts = ${attempt}, last_error = ${message},
        updated_at = ${now.toISOString()}::timestamptz, ${clearSecret}
      where id = ${d.id} and status = 'PENDING' and attempts = ${d.attempts}`);
    logger.error('email.delivery_dead', { deliveryId: d.id, messageId: d.message_id, attempts: attempt, error: message });
  } else {
    const next = new Date(now.getTime() + retryDelayMs(attempt, random)).toISOString();
    await db.execute(sql`
      update email_deliveries set attempts = ${attempt}, last_error = ${message}, next_attempt_at = ${next}::timestamptz,
        updated_at = ${now.toISOString()}::timestamptz
      where id = ${d.id} and status = 'PENDING' and attempts = ${d.attempts}`);
    logger.warn('email.delivery_failed', { deliveryId: d.id, messageId: d.message_id, attempt, error: message });
  }
  return dead;
}

/**
 * Sends due e-mail deliveries through `transport` (one pooled SMTP transport per process),
 * `concurrency` at a time, and records each outcome: SENT (in groups, see sentRecorder), a retry
 * with backoff, or DEAD with the SMTP error. Claims are pipelined: when fewer deliveries wait
 * than there are connections, the next batch is claimed while the current messages are on the
 * wire, so the pool never runs dry between batches. Only the short claim and outcome
 * statements touch the database; no connection is held while a mail server answers. Safe to
 * run from many processes at once. A sender killed mid-send loses nothing: its unrecorded
 * deliveries come due again after the lease and go out with the same Message-ID (the ones on
 * the wire, and those sent whose SENT was not yet written).
 */
export async function sendEmailDeliveries(db: DbOrTx, transport: MailTransport, options: SendOptions = {}): Promise<SendResult> {
  const batchSize = options.batchSize ?? DEFAULT_SEND_BATCH;
  const concurrency = Math.max(1, options.concurrency ?? transport.concurrency ?? 1);
  const leaseMs = options.leaseMs ?? DEFAULT_SEND_LEASE_MS;
  const timeBudgetMs = options.timeBudgetMs ?? 10_000;
  const maxAttempts = options.maxAttempts ?? MAX_SEND_ATTEMPTS;
  const random = options.random ?? Math.random;
  const started = Date.now();
  const total: SendResult = { claimed: 0, sent: 0, retried: 0, dead: 0 };
  const clock = () => options.now ?? new Date();
  const sent = sentRecorder((ids) => recordSent(db, ids, clock()));

  const sendOne = async (d: ClaimedDelivery) => {
    try {
      const rendered = await renderEmail({
        heading: d.heading,
        body: d.body,
        action: d.action_label && d.action_url ? { label: d.action_label, url: d.action_url } : null,
        unsubscribeUrl: d.unsubscribe_url,
      });
      await transport.send(db, { to: d.recipient, subject: d.subject, messageId: d.message_id, ...rendered });
    } catch (error) {
      if (await recordFailure(db, d, error, clock(), maxAttempts, random)) total.dead += 1;
      else total.retried += 1;
      return;
    }
    sent.add(d.id);
    total.sent += 1;
  };

  const queue: ClaimedDelivery[] = [];
  // Claiming stops once a claim comes back short and the drain beside us is done.
  let exhausted = false;
  let claiming: Promise<void> | null = null;
  const claimMore = () => {
    claiming ??= (async () => {
      try {
        while (!exhausted && Date.now() - started < timeBudgetMs) {
          // Read before the claim: once the drain has finished, one more claim sees all it recorded.
          const waiting = options.keepWaiting?.() ?? false;
          const claimed = await claimDeliveries(db, clock(), batchSize, leaseMs);
          total.claimed += claimed.length;
          queue.push(...claimed);
          if (claimed.length < batchSize && !waiting) exhausted = true;
          if (claimed.length > 0) return;
          if (!waiting) return;
          await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
        }
      } finally {
        claiming = null;
      }
    })();
    return claiming;
  };

  // `concurrency` workers take the claimed deliveries one after another; the one that finds
  // fewer waiting than there are workers starts the next claim (one claim at a time).
  const work = async () => {
    for (;;) {
      if (queue.length < concurrency && !exhausted && Date.now() - started < timeBudgetMs) {
        const pending = claimMore();
        if (queue.length === 0) await pending;
      }
      const next = queue.shift();
      if (!next) {
        if (claiming) {
          await claiming;
          continue;
        }
        return;
      }
      await sendOne(next);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, work));
  } finally {
    await sent.flush();
  }
  return total;
}
