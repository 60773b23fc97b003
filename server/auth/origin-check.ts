/**
 * Cross-site request refusal for state-changing API calls (defence in depth beside
 * SameSite=Lax cookies). Browsers always send `Origin` on a cross-origin POST, so:
 * - not a POST → allowed (tRPC only runs mutations over POST);
 * - POST without `Origin` → allowed (curl, server-to-server clients carry no ambient cookies);
 * - POST with `Origin` → allowed only when its host is the request's own host or APP_URL's.
 */
export function isSameOriginRequest(req: { method: string; origin: string | null; host: string | null; appUrl: string }): boolean {
  if (req.method.toUpperCase() !== 'POST') return true;
  if (req.origin === null) return true;
  let originHost: string;
  try {
    const url = new URL(req.origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    originHost = url.host.toLowerCase();
  } catch {
    // Includes the literal "null" sent by sandboxed frames and file:// pages.
    return false;
  }
  if (req.host && originHost === req.host.toLowerCase()) return true;
  try {
    return originHost === new URL(req.appUrl).host.toLowerCase();
  } catch {
    return false;
  }
}
