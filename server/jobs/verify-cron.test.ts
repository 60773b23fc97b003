import { describe, expect, it } from 'vitest';
import { verifyCronRequest } from './verify-cron';

const SECRET = 'a-long-cron-secret-value';
const request = (authorization?: string) =>
  new Request('http://localhost/api/cron/outbox', { headers: authorization === undefined ? {} : { authorization } });

describe('verifyCronRequest', () => {
  it('accepts the configured bearer secret', () => {
    expect(verifyCronRequest(request(`Bearer ${SECRET}`), SECRET)).toBe(true);
  });

  it('refuses a missing header, a wrong secret, a prefix of it, or another scheme', () => {
    expect(verifyCronRequest(request(), SECRET)).toBe(false);
    expect(verifyCronRequest(request('Bearer wrong-secret-value-xx'), SECRET)).toBe(false);
    expect(verifyCronRequest(request(`Bearer ${SECRET.slice(0, -1)}`), SECRET)).toBe(false);
    expect(verifyCronRequest(request(`Bearer ${SECRET}x`), SECRET)).toBe(false);
    expect(verifyCronRequest(request(`Basic ${SECRET}`), SECRET)).toBe(false);
    expect(verifyCronRequest(request(SECRET), SECRET)).toBe(false);
  });

  it('refuses everything when no secret is configured (never open)', () => {
    expect(verifyCronRequest(request('Bearer '), undefined)).toBe(false);
    expect(verifyCronRequest(request('Bearer undefined'), undefined)).toBe(false);
    expect(verifyCronRequest(request('Bearer '), '')).toBe(false);
    expect(verifyCronRequest(request(), undefined)).toBe(false);
  });
});
