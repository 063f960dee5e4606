import type { ReactNode } from 'react';

export function PageHeader({ title, description, actions, meta }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; meta?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      {/* anywhere (inherited): a page about a volume or copy names volumes of up to 64 characters without a
          space; they break inside their line, flex items included, instead of pushing a phone's page sideways. */}
      <div className="min-w-0 [overflow-wrap:anywhere]">
        <h1 className="text-lg leading-tight font-semibold text-fg">{title}</h1>
        {description && <p className="mt-0.5 text-fg-muted">{description}</p>}
        {meta}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
