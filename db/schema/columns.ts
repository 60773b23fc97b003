import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every table's primary key: a server-generated UUID. */
export const id = () => uuid('id').primaryKey().defaultRandom();

export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * created_at / updated_at. updated_at is also maintained by a database trigger
 * (see the custom migration), so raw SQL updates keep it honest too.
 */
export const timestamps = {
  createdAt: tstz('created_at').notNull().defaultNow(),
  updatedAt: tstz('updated_at')
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};
