/**
 * Why a single-use emailed link (password reset, invitation) cannot be used at `now`, in words
 * for the person holding it; null when it can.
 */
export function linkProblem(
  kind: 'reset' | 'invitation' | 'client-invitation',
  link: { usedAt: Date | null; expiresAt: Date } | undefined,
  now: Date,
): string | null {
  const noun = kind === 'reset' ? 'reset link' : 'invitation link';
  const next =
    kind === 'reset'
      ? 'request a new one'
      : kind === 'invitation'
        ? 'ask your administrator for a new invitation'
        : 'ask the caterer to send the proposal again';
  if (!link) return `This ${noun} is not valid. Check that you opened the whole link, or ${next}.`;
  if (link.usedAt) return `This ${noun} has already been used. Please ${next}.`;
  if (link.expiresAt.getTime() <= now.getTime()) return `This ${noun} has expired. Please ${next}.`;
  return null;
}
