import clsx from 'clsx';

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={clsx('animate-pulse rounded bg-neutral-soft', className)} />;
}

/** Placeholder rows shaped like the table that is loading. */
export function TableSkeleton({ rows = 8, columns = 5, label = 'Loading' }: { rows?: number; columns?: number; label?: string }) {
  return (
    <div role="status" aria-label={label} className="divide-y divide-line">
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className="flex gap-4 px-3 py-2">
          {Array.from({ length: columns }, (_, column) => (
            <Skeleton key={column} className={clsx('h-3.5', column === 0 ? 'w-40' : 'flex-1')} />
          ))}
        </div>
      ))}
    </div>
  );
}
