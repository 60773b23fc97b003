import { describe, expect, it } from 'vitest';
import { linkProblem } from './single-use-link';

const now = new Date('2030-05-01T12:00:00Z');
const later = new Date('2030-05-01T12:15:00Z');

describe('linkProblem', () => {
  it('a fresh, unused link is fine until the instant it expires', () => {
    expect(linkProblem('reset', { usedAt: null, expiresAt: later }, now)).toBeNull();
    expect(linkProblem('reset', { usedAt: null, expiresAt: later }, later)).toMatch(/reset link has expired/);
  });

  it('names the problem: unknown, used (even if also expired), expired', () => {
    expect(linkProblem('reset', undefined, now)).toMatch(/not valid.*request a new one/);
    expect(linkProblem('invitation', { usedAt: now, expiresAt: now }, later)).toMatch(/invitation link has already been used.*administrator/);
    expect(linkProblem('invitation', { usedAt: null, expiresAt: now }, later)).toMatch(/invitation link has expired/);
  });
});
