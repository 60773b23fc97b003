/**
 * The address a request came from, for per-IP rate limits. `X-Forwarded-For` is only as
 * trustworthy as the proxies that wrote it: each trusted proxy appends the address it saw, so
 * with `trustedHops` proxies in front of the app the client is the `trustedHops`-th entry from
 * the right; anything further left was written by the client and may be anything. With no
 * trusted proxy the header is ignored and the socket's peer address is the client.
 * (The same rule as Express's `trust proxy` hop count.)
 */
export function clientAddress({
  forwardedFor,
  peerAddress,
  trustedHops,
}: {
  forwardedFor: string | null | undefined;
  peerAddress: string | null | undefined;
  trustedHops: number;
}): string | null {
  if (trustedHops <= 0) return peerAddress || null;
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Nearest first: the socket peer, then the forwarded entries from the right.
  const chain = [peerAddress || null, ...hops.reverse()];
  // Fewer entries than trusted proxies: the request skipped a proxy; take the farthest known hop.
  return chain[Math.min(trustedHops, chain.length - 1)] ?? null;
}
