import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

describe('clientAddress', () => {
  it('with no trusted proxy ignores X-Forwarded-For and uses the socket address', () => {
    expect(clientAddress({ forwardedFor: '1.2.3.4', peerAddress: '198.51.100.9', trustedHops: 0 })).toBe('198.51.100.9');
    expect(clientAddress({ forwardedFor: '1.2.3.4', peerAddress: null, trustedHops: 0 })).toBeNull();
  });

  it('with one trusted proxy takes the right-most entry, whatever the client put before it', () => {
    expect(clientAddress({ forwardedFor: 'spoofed, 203.0.113.7', peerAddress: '10.0.0.2', trustedHops: 1 })).toBe('203.0.113.7');
    expect(clientAddress({ forwardedFor: '203.0.113.7', peerAddress: '10.0.0.2', trustedHops: 1 })).toBe('203.0.113.7');
  });

  it('with n trusted proxies takes the n-th entry from the right', () => {
    const forwardedFor = 'spoofed, 203.0.113.7, 10.0.0.5';
    expect(clientAddress({ forwardedFor, peerAddress: '10.0.0.2', trustedHops: 2 })).toBe('203.0.113.7');
    expect(clientAddress({ forwardedFor, peerAddress: '10.0.0.2', trustedHops: 3 })).toBe('spoofed');
  });

  it('falls back to the farthest known hop when the header has fewer entries than trusted proxies', () => {
    expect(clientAddress({ forwardedFor: '203.0.113.7', peerAddress: '10.0.0.2', trustedHops: 3 })).toBe('203.0.113.7');
    expect(clientAddress({ forwardedFor: null, peerAddress: '10.0.0.2', trustedHops: 1 })).toBe('10.0.0.2');
    expect(clientAddress({ forwardedFor: ' , ', peerAddress: null, trustedHops: 1 })).toBeNull();
  });
});
