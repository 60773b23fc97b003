import { getDb } from '@/server/database';
import { healthReport } from '@/server/outbox/health';

/** Probed by load balancers and uptime checks: never cached. */
export async function handleHealthRequest(): Promise<Response> {
  const { httpStatus, body } = await healthReport(getDb);
  return Response.json(body, { status: httpStatus, headers: { 'cache-control': 'no-store' } });
}
