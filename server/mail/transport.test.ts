import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { noDelaySocket, smtpTransport } from './transport';

const message = { to: 'office@example.test', subject: 'Hello', text: 'Hello', html: '<p>Hello</p>', messageId: '<t1@chefops.test>' };

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the SMTP connection', () => {
  it('opens a connected socket with Nagle off, or fails with the connection error', async () => {
    const server = net.createServer((s) => s.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const socket = await new Promise<net.Socket>((resolve, reject) =>
      noDelaySocket(1000)({ host: '127.0.0.1', port }, (e, s) => (e ? reject(e) : resolve(s!.connection))),
    );
    expect(socket.remotePort).toBe(port);
    // Node keeps the option under an internal symbol; there is no public getter.
    const noDelay = Object.getOwnPropertySymbols(socket).find((k) => k.description === 'kSetNoDelay');
    expect(noDelay && (socket as unknown as Record<symbol, unknown>)[noDelay]).toBe(true);
    socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('a mail server that is not there fails the send (to be retried) instead of hanging it', async () => {
    const port = await freePort();
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'ChefOps <noreply@chefops.test>', { connectionTimeoutMs: 2000 });
    const error = await transport.send(null as never, message).then(() => null, (e: unknown) => e as NodeJS.ErrnoException);
    expect(error?.code).toBe('ECONNREFUSED');
    transport.close?.();
  });
});
