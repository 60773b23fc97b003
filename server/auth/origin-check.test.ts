import { describe, expect, it } from 'vitest';
import { isSameOriginRequest } from './origin-check';

const base = { method: 'POST', host: 'app.chefops.test', appUrl: 'https://app.chefops.test' };

describe('isSameOriginRequest', () => {
  it('allows a POST from the same host', () => {
    expect(isSameOriginRequest({ ...base, origin: 'https://app.chefops.test' })).toBe(true);
    expect(isSameOriginRequest({ ...base, origin: 'https://APP.chefops.test' })).toBe(true);
  });

  it('allows the APP_URL host when a proxy rewrote the Host header', () => {
    expect(isSameOriginRequest({ ...base, host: '10.0.0.5:3000', origin: 'https://app.chefops.test' })).toBe(true);
  });

  it('refuses a POST from another site, a look-alike host, another port or a null origin', () => {
    expect(isSameOriginRequest({ ...base, origin: 'https://evil.test' })).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: 'https://app.chefops.test.evil.test' })).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: 'https://app.chefops.test:8443' })).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: 'null' })).toBe(false);
    expect(isSameOriginRequest({ ...base, origin: 'chrome-extension://abc' })).toBe(false);
  });

  it('allows a POST without Origin (non-browser clients) and any GET', () => {
    expect(isSameOriginRequest({ ...base, origin: null })).toBe(true);
    expect(isSameOriginRequest({ ...base, method: 'GET', origin: 'https://evil.test' })).toBe(true);
    expect(isSameOriginRequest({ ...base, method: 'post', origin: 'https://evil.test' })).toBe(false);
  });

  it('compares host with port on localhost', () => {
    const local = { method: 'POST', host: 'localhost:3000', appUrl: 'http://localhost:3000' };
    expect(isSameOriginRequest({ ...local, origin: 'http://localhost:3000' })).toBe(true);
    expect(isSameOriginRequest({ ...local, origin: 'http://localhost:4000' })).toBe(false);
  });
});
