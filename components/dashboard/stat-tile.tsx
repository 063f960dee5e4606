import type { ReactNode } from 'react';

export function StatTile({ label, value, children }: { label: string; value: ReactNode; children?: ReactNode }) {
  return (
    <section aria-label={label} className="flex min-w-0 flex-col gap-1 rounded border border-line bg-surface px-3 py-2.5">
      <h2 className="text-xs font-medium text-fg-muted">{label}</h2>
      <div className="text-2xl leading-tight font-semibold text-fg tabular-nums">{value}</div>
      {children && <div className="text-xs text-fg-muted">{children}</div>}
    </section>
  );
}
