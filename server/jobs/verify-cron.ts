import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * True when the request carries `Authorization: Bearer <secret>`. Compared in constant time
 * over SHA-256 digests (equal lengths whatever was sent). No configured secret → always
 * false: the cron routes are never open.
 */
export function verifyCronRequest(request: Request, secret: string | undefined): boolean {
  if (!secret) return false;
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  const provided = match?.[1] ?? '';
  // Compare even when the header is malformed, so timing does not tell the two cases apart.
  const equal = timingSafeEqual(digest(provided), digest(secret));
  return equal && match !== null;
}
