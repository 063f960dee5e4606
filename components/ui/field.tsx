import clsx from 'clsx';
import type { ReactNode } from 'react';

export const inputClasses = (invalid?: boolean) =>
  clsx(
    'h-7.5 w-full min-w-0 rounded border bg-surface px-2 text-[13px] text-fg placeholder:text-fg-subtle hover:border-line-strong',
    invalid ? 'border-bad' : 'border-line',
  );

/** A labelled form row with its hint and its error, wired for screen readers by id. */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={clsx('flex flex-col gap-1', className)}>
      <label htmlFor={id} className="text-xs font-medium text-fg">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-bad">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-fg-subtle">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function describedBy(id: string, error?: string, hint?: ReactNode): string | undefined {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}
