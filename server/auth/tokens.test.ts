import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashToken, newToken, sameHash } from './tokens';

describe('tokens', () => {
  it('newToken carries 256 bits, URL-safe, different every time', () => {
    const tokens = new Set(Array.from({ length: 50 }, newToken));
    expect(tokens.size).toBe(50);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    }
  });

  it('hashToken is the SHA-256 hex digest (64 chars, fits the char(64) columns)', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const t = newToken();
    expect(hashToken(t)).toBe(createHash('sha256').update(t).digest('hex'));
    expect(hashToken(t)).toHaveLength(64);
    expect(hashToken(t)).not.toBe(hashToken(newToken()));
  });

  it('sameHash compares digests', () => {
    const h = hashToken('x');
    expect(sameHash(h, hashToken('x'))).toBe(true);
    expect(sameHash(h, hashToken('y'))).toBe(false);
    expect(sameHash(h, '')).toBe(false);
    expect(sameHash('', '')).toBe(false);
  });
});
