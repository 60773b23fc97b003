import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '@/server/env';

/** 256 bits of randomness, URL-safe: refresh, reset and invitation tokens. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens are high-entropy, so a plain SHA-256 is enough to store them safely (a salted, slow
 * hash would make lookup by hash impossible and adds nothing against 2^256 guesses).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two hex digests without leaking where they differ. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export type LinkKind = 'invitation' | 'password-reset' | 'client-invitation';

const linkKey = createHmac('sha256', env.AUTH_SECRET).update('chefops single-use link tokens').digest();

/**
 * The token of an emailed single-use link (invitation, password reset), derived from the
 * link's row id with a key from AUTH_SECRET: 256 bits no one can compute without the secret.
 * The database keeps only its SHA-256 and the outbox event only the row id, so no raw token
 * is stored anywhere, yet the mail handler can rebuild the link on every retry or replay.
 * Rotating AUTH_SECRET invalidates the links still pending (they last 15 minutes to 7 days).
 */
export function linkToken(kind: LinkKind, rowId: string): string {
  return createHmac('sha256', linkKey).update(`${kind}:${rowId}`).digest('base64url');
}
