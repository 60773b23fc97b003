'use client';
import { useEffect, useState } from 'react';

/** setTimeout's longest delay; a later instant is re-armed on a later tick. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** The earliest of `instants` after `now`, or null. */
export function nextInstantAfter(instants: readonly Date[], now: Date): Date | null {
  let next: Date | null = null;
  for (const instant of instants) {
    if (instant.getTime() > now.getTime() && (!next || instant.getTime() < next.getTime())) next = instant;
  }
  return next;
}

/**
 * The current time, refreshed every `intervalMs` for live countdowns, and at each of
 * `instants` (e.g. the deadlines on the page) the moment it is reached, so what depends on it
 * (an input that locks, a badge) changes then without a reload.
 */
export function useNow(intervalMs = 30_000, instants: readonly Date[] = []): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  const wakeMs = nextInstantAfter(instants, now)?.getTime();
  useEffect(() => {
    if (wakeMs === undefined) return;
    const delay = Math.max(0, wakeMs - Date.now());
    if (delay > MAX_TIMEOUT_MS) return;
    const timer = setTimeout(() => setNow(new Date()), delay + 1);
    return () => clearTimeout(timer);
  }, [wakeMs]);
  return now;
}
