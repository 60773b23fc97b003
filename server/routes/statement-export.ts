import { sessionUserFromRequest } from '@/server/auth/session';
import { getDb } from '@/server/database';
import { exportStatement } from '@/server/services/statements/export';

/** GET /api/export/statements/<id>.pdf or .csv (session auth, tenant-scoped). */
export async function handleStatementExportRequest(request: Request, context: { params: Promise<{ file: string }> }): Promise<Response> {
  const [db, session, { file }] = await Promise.all([getDb(), sessionUserFromRequest(request), context.params]);
  return exportStatement(db, session, file);
}
