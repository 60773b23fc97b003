export const WEEKDAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** ISO weekday (1 = Monday … 7 = Sunday) to its English name. */
export const weekdayLabel = (isoDay: number) => WEEKDAY_LABELS[isoDay - 1] ?? String(isoDay);
