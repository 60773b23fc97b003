import { alias } from 'drizzle-orm/pg-core';
import { companies } from '@/db/schema';

/**
 * A contract's two companies, as queries join them both: the SQL aliases `caterer` and `client`,
 * which raw fragments of those queries name too.
 */
export const caterer = alias(companies, 'caterer');
export const client = alias(companies, 'client');
