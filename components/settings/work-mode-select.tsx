import type { SelectHTMLAttributes } from 'react';
import { SelectField } from '@/components/ui/field';
import type { WorkMode } from '@/lib/enums';

// Every work mode (the Record makes a new enum value a type error here), in the order shown.
const WORK_MODE_LABELS: Record<WorkMode, string> = { ONSITE: 'On site', HYBRID: 'Hybrid', REMOTE: 'Mostly remote' };

/** A client's work mode, labelled for people. */
export function WorkModeSelect({ error, ...props }: { error?: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <SelectField label="How your team works" error={error} {...props}>
      {(Object.keys(WORK_MODE_LABELS) as WorkMode[]).map((mode) => (
        <option key={mode} value={mode}>
          {WORK_MODE_LABELS[mode]}
        </option>
      ))}
    </SelectField>
  );
}
