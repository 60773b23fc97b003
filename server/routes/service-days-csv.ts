import { sessionUserFromRequest } from '@/server/auth/session';
import { getDb } from '@/server/database';
import { exportServiceDaysCsv } from '@/server/services/reports/csv-export';

/** A contract's service days as CSV: GET ?contractId=&from=&to= (session auth, tenant-scoped). */
export async function handleServiceDaysCsvRequest(request: Request): Promise<Response> {
  const [db, session] = await Promise.all([getDb(), sessionUserFromRequest(request)]);
  return exportServiceDaysCsv(db, session, new URL(request.url).searchParams);
}
