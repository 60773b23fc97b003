import bcrypt from 'bcryptjs';
import { env } from '@/server/env';

/** Async bcrypt yields to the event loop, so one sign-in does not stall other requests. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, Math.max(10, env.BCRYPT_COST));
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A real hash to compare against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
  return dummyHash;
}
