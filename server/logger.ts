import type { Logger as DrizzleLogger } from 'drizzle-orm/logger';
import { env } from './env';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

/** Structured logs: one JSON object per line, so any log shipper can parse them. */
function write(level: Level, event: string, fields: Record<string, unknown> = {}) {
  if (LEVELS[level] < LEVELS[env.LOG_LEVEL] || env.NODE_ENV === 'test') return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  const out = level === 'error' ? console.error : level === 'warn' ? console.warn : console.log;
  out(line);
}

const drizzleLogger: DrizzleLogger | false =
  env.LOG_LEVEL === 'debug' ? { logQuery: (query, params) => write('debug', 'db.query', { query, params: params.length }) } : false;

export const logger = {
  debug: (event: string, fields?: Record<string, unknown>) => write('debug', event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write('info', event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write('warn', event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write('error', event, fields),
  drizzle: drizzleLogger,
};
