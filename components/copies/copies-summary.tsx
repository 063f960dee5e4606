'use client';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useCopies } from '@/lib/client/use-copies';
import { copyStateTone } from './copy-state-badge';
import { NoCopies } from './no-copies';

/** The dashboard's view of copy services: how many relationships, in which states. */
export function CopiesSummary() {
  const copies = useCopies();
  if (copies.isError) {
    return (
      <div className="p-3">
        <ErrorState title="Could not load the copy relationships" error={copies.error} onRetry={() => void copies.refetch()} />
      </div>
    );
  }
  if (copies.isPending) return <TableSkeleton label="Loading copy relationships" rows={3} columns={2} />;
  if (copies.data.length === 0) return <NoCopies linkToCopies />;
  const countByState = new Map<string, number>();
  for (const copy of copies.data) countByState.set(copy.state, (countByState.get(copy.state) ?? 0) + 1);
  return (
    <div className="flex flex-col gap-3 px-3 py-3">
      <p>
        <span className="text-2xl font-semibold tabular-nums">{copies.data.length}</span>{' '}
        <span className="text-fg-muted">{copies.data.length === 1 ? 'relationship' : 'relationships'}</span>
      </p>
      <ul className="flex flex-wrap gap-1.5" aria-label="Relationships by state">
        {[...countByState.entries()].sort().map(([state, count]) => (
          <li key={state}>
            <Badge tone={copyStateTone(state)} dot>
              {count} {state}
            </Badge>
          </li>
        ))}
      </ul>
      <Link href="/copies" className="text-accent hover:underline">
        View copy relationships
      </Link>
    </div>
  );
}
