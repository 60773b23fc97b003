import { env } from '@/server/env';
import { clientAddress } from './client-address';
import { peerAddressOf } from './peer-address';

type HeaderSource = Headers | Record<string, unknown> | undefined;

function headerReader(source: HeaderSource): { get(name: string): string | null } {
  if (source instanceof Headers) return source;
  return {
    get(name) {
      const raw = source?.[name.toLowerCase()];
      const value = Array.isArray(raw) ? raw.join(', ') : raw;
      return typeof value === 'string' ? value : null;
    },
  };
}

/** The client's address for rate limits, per TRUSTED_PROXY_HOPS (see clientAddress). */
export function requestClientAddress(source: HeaderSource): string | null {
  const headers = headerReader(source);
  return clientAddress({
    forwardedFor: headers.get('x-forwarded-for'),
    peerAddress: peerAddressOf(headers),
    trustedHops: env.TRUSTED_PROXY_HOPS,
  });
}

export function requestUserAgent(source: HeaderSource): string | null {
  return headerReader(source).get('user-agent');
}
