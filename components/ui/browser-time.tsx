'use client';
import { browserTimeZone } from '@/components/settings/time-zones';
import { formatInstant } from '@/lib/format';
import { useIsClient } from '@/lib/use-is-client';

/**
 * An instant on the reader's own clock, for pages without a signed-in company (whose zone the
 * app pages use): UTC while rendered on the server, the browser's zone once hydrated, the zone
 * always named.
 */
export function BrowserTime({ instant }: { instant: Date }) {
  const zone = useIsClient() ? browserTimeZone() : 'UTC';
  return <time dateTime={instant.toISOString()}>{formatInstant(instant, zone)}</time>;
}
