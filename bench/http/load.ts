import autocannon from 'autocannon';
import type { HttpRequest } from './client';

export type LoadFigures = { connections: number; seconds: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; non2xx: number };

/** autocannon against one request for `seconds` with `connections` kept busy. */
export async function loadTest(baseUrl: string, req: HttpRequest, connections: number, seconds: number): Promise<LoadFigures> {
  const result = await autocannon({
    url: `${baseUrl}${req.path}`,
    method: req.method,
    headers: req.headers,
    body: req.body,
    connections,
    duration: seconds,
  });
  return {
    connections,
    seconds,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
