// Runs inside the password-hashing worker threads (server/auth/password-hash.ts): bcrypt's
// cost-12 work blocks this thread only, never the one answering requests.
import { getPriority, setPriority } from 'node:os';
import bcrypt from 'bcryptjs';

// The lowest CPU priority for this thread alone (on Linux a thread has its own nice value), so
// when the cores are busy, requests run first and sign-ins wait, not the other way round.
try {
  setPriority(19);
} catch {
  // Not permitted on this platform: hashing still works, only at normal priority.
}

export function hash({ password, cost }) {
  return bcrypt.hashSync(password, cost);
}

export function compare({ password, hash }) {
  return bcrypt.compareSync(password, hash);
}

/** This thread's nice value (for the test that the request thread keeps its own). */
export function priority() {
  return getPriority();
}
