// Runs inside the password-hashing worker threads (server/auth/password-hash.ts): bcrypt's
// cost-12 work blocks this thread only, never the one answering requests.
import bcrypt from 'bcryptjs';

export function hash({ password, cost }) {
  return bcrypt.hashSync(password, cost);
}

export function compare({ password, hash }) {
  return bcrypt.compareSync(password, hash);
}
