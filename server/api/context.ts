import type { Database } from '@/db/types';
import type { SessionUser } from '@/server/domain/actor';

export type RequestMeta = { ip?: string; userAgent?: string };

export type Context = {
  db: Database;
  session: SessionUser | null;
  request: RequestMeta;
  now: () => Date;
};
