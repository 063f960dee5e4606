'use client';
// One creation option: its control, what the current value buys (e.g. "64 MiB/s"), the default,
// a one-line meaning, and its validation message, all tied to the control for screen readers.
import { inputClasses } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import type { OptionField } from '@/lib/client/option-fields';
import { DraftInput } from './draft-input';

function meaning(option: OptionField, value: string): string | null {
  if (option.kind === 'choice') return option.choices.includes(value) ? option.describe(value) : null;
  if (option.kind === 'boolean') return value === 'true' || value === 'false' ? option.describe(value === 'true') : null;
  return /^\s*\d+\s*$/.test(value) && Number(value) >= option.min && Number(value) <= option.max ? option.describe(Number(value)) : null;
}

function shownDefault(option: OptionField, value: string): string {
  return option.kind === 'boolean' ? (value === 'true' ? 'on' : 'off') : value;
}

export function OptionRow({
  option,
  value,
  defaultValue,
  error,
  disabled,
  onChange,
}: {
  option: OptionField;
  value: string;
  defaultValue: string;
  error?: string;
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  const id = `wizard-option-${option.name}`;
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const buys = meaning(option, value);
  const control =
    option.kind === 'choice' ? (
      <Select
        id={id}
        value={value}
        onValueChange={onChange}
        options={option.choices.map((choice) => ({ value: choice, label: choice, hint: option.describe(choice) }))}
        invalid={error !== undefined}
        describedBy={described}
        disabled={disabled}
        className="w-56"
      />
    ) : option.kind === 'number' ? (
      <DraftInput
        id={id}
        type="text"
        inputMode="numeric"
        value={value}
        onValueChange={onChange}
        aria-invalid={error !== undefined || undefined}
        aria-describedby={described}
        disabled={disabled}
        className={`${inputClasses(error !== undefined)} w-24! tabular-nums`}
      />
    ) : (
      <input
        id={id}
        type="checkbox"
        checked={value === 'true'}
        onChange={(event) => onChange(String(event.target.checked))}
        aria-invalid={error !== undefined || undefined}
        aria-describedby={described}
        disabled={disabled}
        className="size-3.5 accent-(--accent)"
      />
    );
  return (
    <div
      className="grid grid-cols-[12rem_minmax(0,1fr)] items-start gap-x-4 gap-y-1 border-b border-line py-2.5 last:border-b-0"
      data-testid={`option-${option.name}`}
    >
      <label htmlFor={id} className="pt-1.5 text-xs font-medium text-fg">
        {option.label}
      </label>
      <div className="flex min-w-0 flex-col gap-1">
        <div className="flex min-h-7.5 items-center gap-3">
          {control}
          {buys !== null && <span className="text-xs text-fg">{buys}</span>}
        </div>
        {error && (
          <p id={`${id}-error`} className="text-xs text-bad">
            {option.label} {error}
          </p>
        )}
        <p id={`${id}-hint`} className="text-xs text-fg-subtle">
          {option.explain} Default: {shownDefault(option, defaultValue)}.
        </p>
      </div>
    </div>
  );
}
