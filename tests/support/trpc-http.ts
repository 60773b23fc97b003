import http from 'node:http';
import type { AddressInfo } from 'node:net';
import superjson from 'superjson';
import { installPeerAddressHeader } from '@/server/http/peer-address';

type RouteHandler = (request: Request) => Response | Promise<Response>;

/**
 * Serves a Next.js route handler over a real local HTTP server, as `next start` does: requests
 * get their socket address stamped (instrumentation's hook), and tests speak plain HTTP to it.
 */
export async function serveRoute(handler: RouteHandler) {
  installPeerAddressHeader();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
    });
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type SuperJsonValue = Parameters<typeof superjson.deserialize>[0];
export type TrpcError = { message: string; code: number; data: Record<string, unknown> & { code: string } };
export type TrpcAnswer = { status: number; text: string; result?: unknown; error?: TrpcError };

/** Reads one tRPC answer (superjson-encoded, like the browser client does). */
export async function readAnswer(response: Response): Promise<TrpcAnswer> {
  const text = await response.text();
  const body = JSON.parse(text) as { result?: { data: SuperJsonValue }; error?: SuperJsonValue };
  return {
    status: response.status,
    text,
    result: body.result ? superjson.deserialize(body.result.data) : undefined,
    error: body.error ? superjson.deserialize<TrpcError>(body.error) : undefined,
  };
}

/** One tRPC mutation over HTTP (POST, superjson body), as the browser client sends it. */
export async function postMutation(base: string, path: string, input: unknown, headers: Record<string, string> = {}): Promise<TrpcAnswer> {
  const response = await fetch(`${base}/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(superjson.serialize(input)),
  });
  return readAnswer(response);
}
