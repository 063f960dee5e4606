'use client';
// A labelled filter dropdown. Radix Select cannot hold an empty value, so "any" is the ALL
// sentinel inside the control and '' in the callers' URL state.
import { Select, type SelectOption } from './select';

export const FILTER_ALL = '*';

export function FilterSelect({
  id,
  label,
  value,
  options,
  onChange,
  className = 'w-44',
}: {
  id: string;
  label: string;
  value: string;
  options: SelectOption[];
  onChange: (value: string) => void;
  className?: string;
}) {
  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={id} className="text-xs text-fg-muted">
        {label}
      </label>
      <Select
        id={id}
        value={value === '' ? FILTER_ALL : value}
        onValueChange={(next) => onChange(next === FILTER_ALL ? '' : next)}
        options={options}
        className={className}
      />
    </div>
  );
}
