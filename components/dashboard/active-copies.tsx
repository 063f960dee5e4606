'use client';
// The copies moving data right now, fastest to finish first, each by its name with what it pairs
// and its live progress.
import Link from 'next/link';
import { useMemo } from 'react';
import { CopyProgress } from '@/components/copies/copy-progress';
import { CopyStateBadge } from '@/components/copies/copy-state-badge';
import { useCopyNames } from '@/components/copies/use-copy-names';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { TableSkeleton } from '@/components/ui/skeleton';
import { copyTypeName } from '@/lib/client/copy-services';
import type { Copy } from '@/lib/client/types';
import { useLiveCopies, useWatchCopies } from '@/lib/client/live-progress';
import { useCopies } from '@/lib/client/use-copies';

const SHOWN = 8;

export function isActive(copy: Copy): boolean {
  return copy.progress.rateBytesPerSec > 0 && copy.progress.percent < 100;
}

export function ActiveCopies() {
  const copies = useCopies();
  const names = useCopyNames();
  // Which copies move, and which finish first, takes every copy's progress.
  useWatchCopies('all');
  const live = useLiveCopies(copies.data);
  const active = useMemo(() => (live ?? []).filter(isActive).sort((a, b) => (a.progress.etaSeconds ?? Infinity) - (b.progress.etaSeconds ?? Infinity)), [live]);
  if (copies.isError) return <ErrorState title="Could not load the copy relationships" error={copies.error} onRetry={() => void copies.refetch()} />;
  if (copies.isPending) return <TableSkeleton label="Loading active copies" rows={3} columns={3} />;
  if (active.length === 0) return <EmptyState title="No copy is moving data">Copies in progress show here with their rate and time to finish.</EmptyState>;
  return (
    <div className="flex flex-col">
      <ul aria-label="Active copies" className="divide-y divide-line">
        {active.slice(0, SHOWN).map((copy) => (
          <li key={copy.id} className="grid grid-cols-[minmax(0,1fr)_minmax(10rem,16rem)] items-center gap-3 px-3 py-2">
            <div className="flex min-w-0 flex-col gap-0.5">
              <span className="flex min-w-0 items-baseline gap-2">
                <Link
                  href={`/copies/${encodeURIComponent(copy.id)}`}
                  className="max-w-1/2 shrink-0 truncate font-mono text-xs text-accent hover:underline"
                  title={copy.name}
                >
                  {copy.name}
                </Link>
                <span className="truncate font-mono text-xs text-fg-muted">
                  {names.volumeName(copy.sourceVolumeId)} → {names.volumeName(copy.targetVolumeId)}
                </span>
              </span>
              <span className="flex items-center gap-2 text-xs text-fg-muted">
                <span>{copyTypeName(copy.model)}</span> · {names.arrayName(copy.arrayId)} <CopyStateBadge state={copy.state} />
              </span>
            </div>
            <CopyProgress copy={copy} />
          </li>
        ))}
      </ul>
      {active.length > SHOWN ? (
        <Link href="/copies?sort=eta" className="px-3 py-2 text-xs text-accent hover:underline">
          {active.length - SHOWN} more in progress
        </Link>
      ) : null}
    </div>
  );
}
