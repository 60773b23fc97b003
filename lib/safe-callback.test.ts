import { describe, expect, it } from 'vitest';
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from './safe-callback';

const origin = 'https://chefops.example.com';

describe('safeCallbackPath', () => {
  it('keeps in-app paths with their query and fragment', () => {
    expect(safeCallbackPath('/contracts/abc?tab=days#top', origin)).toBe('/contracts/abc?tab=days#top');
    expect(safeCallbackPath(`${origin}/settings`, origin)).toBe('/settings');
  });

  it.each([
    '//evil.example/x',
    '/\\evil.example/x',
    '/\t/evil.example/x',
    '\\\\evil.example',
    ' //evil.example',
    'https://evil.example/x',
    'https://chefops.example.com.evil.example/',
    'javascript:alert(1)',
    'http://chefops.example.com/x',
  ])('refuses %j, which a browser would take off-site', (raw) => {
    expect(safeCallbackPath(raw, origin)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it('falls back to the dashboard without a callback', () => {
    expect(safeCallbackPath(null, origin)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackPath('', origin)).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});
