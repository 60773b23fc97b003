import { weekContaining } from '@/lib/dates';

/** Groups date-ordered items by ISO week (Monday first), keeping the order. */
export function groupByWeek<T extends { serviceDate: string }>(items: T[]): { weekStart: string; items: T[] }[] {
  const groups: { weekStart: string; items: T[] }[] = [];
  for (const item of items) {
    const weekStart = weekContaining(item.serviceDate).from;
    const last = groups.at(-1);
    if (last?.weekStart === weekStart) last.items.push(item);
    else groups.push({ weekStart, items: [item] });
  }
  return groups;
}
