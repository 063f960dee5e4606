import clsx from 'clsx';
import type { ReactNode } from 'react';

/** A bordered section with an optional title bar, the building block of every page. */
export function Panel({
  title,
  actions,
  children,
  className,
  bodyClassName,
  titleId,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  bodyClassName?: string;
  titleId?: string;
}) {
  return (
    <section aria-labelledby={titleId} className={clsx('rounded border border-line bg-surface', className)}>
      {(title || actions) && (
        <header className="flex min-h-9 items-center justify-between gap-3 border-b border-line px-3 py-1.5">
          {title && (
            <h2 id={titleId} className="text-[13px] font-semibold text-fg">
              {title}
            </h2>
          )}
          {actions && <div className="flex items-center gap-2">{actions}</div>}
        </header>
      )}
      <div className={bodyClassName}>{children}</div>
    </section>
  );
}
