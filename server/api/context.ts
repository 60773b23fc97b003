import type { DbOrTx } from '@/db/types';
import type { SessionUser } from '@/server/domain/actor';

export type RequestMeta = { ip?: string; userAgent?: string };

export type Context = {
  /** The database, or within a tenant mutation its transaction. */
  db: DbOrTx;
  session: SessionUser | null;
  request: RequestMeta;
  now: () => Date;
};
