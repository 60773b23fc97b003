import { sql } from 'drizzle-orm';
import { serviceDays } from '@/db/schema';

/**
 * The caterer's first reported served count, kept when a correction or a dispute resolution
 * replaces it: set once, from the count being replaced, never overwritten.
 */
export const keepFirstServedCount = sql`coalesce(${serviceDays.originalServedQuantity}, ${serviceDays.servedQuantity})`;
