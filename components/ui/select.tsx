'use client';
// Radix Select styled for the console. Radix forbids an empty item value, so "no choice"
// options use a sentinel that callers map back.
import * as RadixSelect from '@radix-ui/react-select';
import clsx from 'clsx';
import type { ReactNode } from 'react';
import { CheckIcon, ChevronDownIcon } from './icons';

export interface SelectOption {
  value: string;
  label: ReactNode;
  /** Text for the trigger when the label is rich. */
  textValue?: string;
  hint?: ReactNode;
}

export interface SelectProps {
  id?: string;
  value: string;
  onValueChange: (value: string) => void;
  options: SelectOption[];
  placeholder?: string;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  className?: string;
  autoFocus?: boolean;
  'aria-label'?: string;
}

export function Select({
  id,
  value,
  onValueChange,
  options,
  placeholder,
  disabled,
  invalid,
  describedBy,
  className,
  autoFocus,
  'aria-label': ariaLabel,
}: SelectProps) {
  return (
    <RadixSelect.Root value={value} onValueChange={onValueChange} disabled={disabled}>
      <RadixSelect.Trigger
        id={id}
        autoFocus={autoFocus}
        aria-label={ariaLabel}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={clsx(
          'inline-flex h-7.5 min-w-0 items-center justify-between gap-2 rounded border bg-surface px-2 text-left text-[13px] text-fg hover:border-line-strong data-[placeholder]:text-fg-subtle disabled:opacity-55',
          invalid ? 'border-bad' : 'border-line',
          className,
        )}
      >
        <span className="truncate">
          <RadixSelect.Value placeholder={placeholder} />
        </span>
        <RadixSelect.Icon className="shrink-0 text-fg-subtle">
          <ChevronDownIcon />
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content
          position="popper"
          sideOffset={4}
          className="z-50 max-h-[min(22rem,var(--radix-select-content-available-height))] min-w-[var(--radix-select-trigger-width)] overflow-hidden rounded border border-line-strong bg-surface text-[13px] text-fg shadow-lg"
        >
          <RadixSelect.Viewport className="p-1">
            {options.map((option) => (
              <RadixSelect.Item
                key={option.value}
                value={option.value}
                textValue={option.textValue}
                className="relative flex cursor-default items-center gap-2 rounded-sm py-1 pr-2 pl-6 outline-none select-none data-[highlighted]:bg-accent-soft data-[highlighted]:text-fg data-[state=checked]:font-medium"
              >
                <RadixSelect.ItemIndicator className="absolute left-1.5 text-accent">
                  <CheckIcon width={12} height={12} />
                </RadixSelect.ItemIndicator>
                <RadixSelect.ItemText>{option.label}</RadixSelect.ItemText>
                {option.hint && <span className="ml-auto pl-3 text-xs text-fg-subtle">{option.hint}</span>}
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}
