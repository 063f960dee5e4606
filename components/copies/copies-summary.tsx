'use client';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { TableSkeleton } from '@/components/ui/skeleton';
import { useCopies } from '@/lib/client/use-copies';
import { copyStateTone } from './copy-state-badge';
import { NoCopies } from './no-copies';

/** The service by the API's type word, as its vendors name it ("flashcopy" covers Storwize and DS6000). */
const SERVICE_WORDS: Record<string, string> = { 'volume-copy': 'Volume Copy', shadowimage: 'ShadowImage', flashcopy: 'FlashCopy' };

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
  // Service → state → count: each service speaks its own vendor's state names.
  const byService = new Map<string, Map<string, number>>();
  for (const copy of copies.data) {
    const states = byService.get(copy.type) ?? new Map<string, number>();
    states.set(copy.state, (states.get(copy.state) ?? 0) + 1);
    byService.set(copy.type, states);
  }
  return (
    <div className="flex flex-col gap-3 px-3 py-3">
      <p>
        <span className="text-2xl font-semibold tabular-nums">{copies.data.length}</span>{' '}
        <span className="text-fg-muted">{copies.data.length === 1 ? 'relationship' : 'relationships'}</span>
      </p>
      <dl className="flex flex-col gap-2" aria-label="Relationships by service and state">
        {[...byService.entries()].sort().map(([service, states]) => (
          <div key={service} className="flex flex-col gap-1">
            <dt className="text-xs text-fg-muted">
              <Link href={`/copies?type=${service}`} className="hover:text-accent hover:underline">
                {SERVICE_WORDS[service] ?? service}
              </Link>{' '}
              · {[...states.values()].reduce((sum, count) => sum + count, 0)}
            </dt>
            <dd className="flex flex-wrap gap-1.5">
              {[...states.entries()].sort().map(([state, count]) => (
                <Link key={state} href={`/copies?type=${service}&state=${encodeURIComponent(state)}`} className="rounded focus-visible:outline-2">
                  <Badge tone={copyStateTone(state)} dot>
                    {count} {state}
                  </Badge>
                </Link>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <Link href="/copies" className="text-accent hover:underline">
        View copy relationships
      </Link>
    </div>
  );
}
