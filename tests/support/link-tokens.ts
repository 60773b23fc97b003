import { linkToken, type LinkKind } from '@/server/auth/tokens';

/** The token the mail for this event links to (what the recipient clicks). */
export function linkTokenOf(kind: LinkKind, event: { aggregateId: string }): string {
  return linkToken(kind, event.aggregateId);
}
