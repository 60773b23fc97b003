import { randomBytes } from 'node:crypto';
import http from 'node:http';

/**
 * Next.js route handlers and next-auth's `authorize` see only headers, never the socket, and
 * Next fills `X-Forwarded-For` with the peer address only when the client did not send one. So
 * each incoming request is stamped with its socket's peer address under a header whose name
 * is random per process: a client cannot guess it to forge it, and a client-sent header of any
 * other name is not read. Installed once per process, from instrumentation.ts.
 */
type Holder = { __chefopsPeerHeader?: string };
const holder = globalThis as typeof globalThis & Holder;

export function installPeerAddressHeader(): void {
  if (holder.__chefopsPeerHeader) return;
  const name = `x-chefops-peer-${randomBytes(12).toString('hex')}`;
  holder.__chefopsPeerHeader = name;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitWithPeerAddress(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      request.headers[name] = request.socket?.remoteAddress ?? '';
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}

/** The socket peer address stamped on a request, or null (hook not installed, or no address). */
export function peerAddressOf(headers: { get(name: string): string | null }): string | null {
  const name = holder.__chefopsPeerHeader;
  return (name && headers.get(name)) || null;
}
