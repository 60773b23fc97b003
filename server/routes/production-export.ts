import { sessionUserFromRequest } from '@/server/auth/session';
import { getDb } from '@/server/database';
import { exportProduction } from '@/server/services/reports/production-export';

/** GET /api/export/production.pdf|.csv?date= (session auth, the caterer's own contracts). */
export function productionExportHandler(format: 'pdf' | 'csv') {
  return async function handleProductionExportRequest(request: Request): Promise<Response> {
    const [db, session] = await Promise.all([getDb(), sessionUserFromRequest(request)]);
    return exportProduction(db, session, format, new URL(request.url).searchParams, new Date());
  };
}
