'use client';
// Automatic / Controller A / Controller B as a native radio group: arrow keys move between
// options and the legend names the group, with no extra dependency.
import clsx from 'clsx';
import { AUTOMATIC, type VolumeFormValues } from '@/lib/client/volume-form';

type OwnerValue = VolumeFormValues['preferredOwner'];

const OPTIONS: { value: OwnerValue; label: string }[] = [
  { value: AUTOMATIC, label: 'Automatic' },
  { value: 'A', label: 'Controller A' },
  { value: 'B', label: 'Controller B' },
];

export function OwnerChoice({ name, value, onChange, hint }: { name: string; value: OwnerValue; onChange: (value: OwnerValue) => void; hint?: string }) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 text-xs font-medium text-fg">Preferred owner</legend>
      <div className="inline-flex w-fit overflow-hidden rounded border border-line">
        {OPTIONS.map((option) => (
          <label
            key={option.value}
            className={clsx(
              'relative cursor-pointer border-r border-line px-3 py-1 text-[13px] last:border-r-0 has-[:focus-visible]:outline-2 has-[:focus-visible]:-outline-offset-2 has-[:focus-visible]:outline-[var(--focus)]',
              value === option.value ? 'bg-accent-soft font-medium text-accent' : 'bg-surface text-fg-muted hover:bg-surface-hover',
            )}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="absolute inset-0 m-0 cursor-pointer opacity-0"
            />
            {option.label}
          </label>
        ))}
      </div>
      {hint && <p className="text-xs text-fg-subtle">{hint}</p>}
    </fieldset>
  );
}
