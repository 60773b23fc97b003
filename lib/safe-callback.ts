/** Where a signed-in user lands when the login link carries no usable callback. */
export const DEFAULT_AFTER_SIGN_IN = '/dashboard';

/**
 * The in-app path to return to after sign-in, or the dashboard. A prefix check is not enough:
 * browsers read `/\evil.example` and `/<TAB>/evil.example` as `//evil.example`, another site.
 * So the raw value is resolved the way the browser will resolve it, and only a URL on this
 * very origin is kept (as a path, so it can never leave it).
 */
export function safeCallbackPath(raw: string | null | undefined, origin: string): string {
  if (!raw) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== new URL(origin).origin) return DEFAULT_AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
}
