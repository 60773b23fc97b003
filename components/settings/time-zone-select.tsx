'use client';
import { SelectField } from '@/components/ui/field';
import { useIsClient } from '@/lib/use-is-client';
import { timeZoneOptions } from './time-zones';

/**
 * IANA time-zone picker. The list is read in the browser after mount, since the server's and
 * the browser's zone lists can differ (that would break hydration).
 */
export function TimeZoneSelect({
  value,
  onChange,
  error,
  label = 'Time zone',
  hint = 'Deadlines and delivery times are shown in this zone.',
}: {
  value: string;
  onChange: (zone: string) => void;
  error?: string;
  label?: string;
  hint?: string;
}) {
  const isClient = useIsClient();
  const zones = isClient ? Array.from(new Set([value, ...timeZoneOptions()])) : [value];
  return (
    <SelectField label={label} name="timezone" value={value} onChange={(e) => onChange(e.target.value)} error={error}
      hint={hint}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </SelectField>
  );
}
