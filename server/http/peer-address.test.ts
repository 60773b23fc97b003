import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPeerAddressHeader, peerAddressOf } from './peer-address';

let server: http.Server;
let url: string;
beforeAll(async () => {
  installPeerAddressHeader();
  server = http.createServer((req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    res.end(JSON.stringify({ peer: peerAddressOf(headers) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('peer address header', () => {
  it('carries the socket address, whatever forwarding headers the client sends', async () => {
    const response = await fetch(url, { headers: { 'x-forwarded-for': '1.2.3.4', 'x-real-ip': '5.6.7.8' } });
    expect(await response.json()).toEqual({ peer: '127.0.0.1' });
  });

  it('overwrites a client that sends a header of the same name', async () => {
    const name = (globalThis as { __chefopsPeerHeader?: string }).__chefopsPeerHeader!;
    const response = await fetch(url, { headers: { [name]: '9.9.9.9' } });
    expect(await response.json()).toEqual({ peer: '127.0.0.1' });
  });
});
