import { getDb } from '@/db/client';
import { getSessionUser } from '@/server/auth/session';
import { exportServiceDaysCsv } from '@/server/services/reports/csv-export';

export const dynamic = 'force-dynamic';

/** A contract's service days as CSV: GET ?contractId=&from=&to= (session auth, tenant-scoped). */
export async function GET(request: Request) {
  const [db, session] = await Promise.all([getDb(), getSessionUser()]);
  return exportServiceDaysCsv(db, session, new URL(request.url).searchParams);
}
