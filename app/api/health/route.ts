import { getDb } from '@/db/client';
import { healthReport } from '@/server/outbox/health';

// Probed by load balancers and uptime checks: never cached.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const { httpStatus, body } = await healthReport(getDb);
  return Response.json(body, { status: httpStatus, headers: { 'cache-control': 'no-store' } });
}
