'use client';
// After a bulk creation: one summary of every pair, what was created and why anything failed
// (and what was undone), with links to the new copies by the names the array gave them. The URL
// then names only the outcome (wizard-state.ts `afterBulkCreate`), so a reload shows the created
// copies again, read back from the server, rather than a review offering the same plan twice.
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { outcomeText, resultsTitle, type PairOutcome } from '@/lib/client/create-pairs';
import { useCopies } from '@/lib/client/use-copies';
import { useVolumes } from '@/lib/client/use-volumes';

function ResultsPanel({
  outcomes,
  createdCount,
  failedCount,
  notes,
  onAgain,
}: {
  outcomes: PairOutcome[];
  createdCount: number;
  failedCount: number;
  notes: string[];
  onAgain: () => void;
}) {
  return (
    <Panel title={resultsTitle(createdCount, failedCount)} titleId="bulk-results-title" bodyClassName="flex flex-col gap-3 p-3">
      <ul className="flex flex-col gap-1.5" data-testid="bulk-results">
        {outcomes.map((outcome) => (
          <li key={`${outcome.sourceName}-${outcome.targetName}`} className="flex items-start gap-2">
            {outcome.ok ? <Badge tone="ok">created</Badge> : <Badge tone="bad">failed</Badge>}
            <span className="min-w-0 break-words">
              {outcomeText(outcome)}
              {outcome.ok && (
                <>
                  {' '}
                  <Link href={`/copies/${encodeURIComponent(outcome.copyId)}`} className="text-accent hover:underline">
                    Open <span className="font-mono">{outcome.copyName}</span>
                  </Link>
                </>
              )}
            </span>
          </li>
        ))}
      </ul>
      {notes.map((note) => (
        <p key={note} className="text-xs text-fg-muted">
          {note}
        </p>
      ))}
      <div className="flex gap-2">
        <Link
          href="/copies"
          className="inline-flex h-7.5 items-center rounded border border-accent bg-accent px-3 text-[13px] font-medium text-accent-fg hover:brightness-110"
        >
          Go to Copies
        </Link>
        <Button onClick={onAgain}>Create more copies</Button>
      </div>
    </Panel>
  );
}

/** Right after Create: every pair's outcome, failures with their reasons. */
export function BulkResults({ outcomes, onAgain }: { outcomes: PairOutcome[]; onAgain: () => void }) {
  const createdCount = outcomes.filter((outcome) => outcome.ok).length;
  return <ResultsPanel outcomes={outcomes} createdCount={createdCount} failedCount={outcomes.length - createdCount} notes={[]} onAgain={onAgain} />;
}

/**
 * The same summary from the URL alone (a reload, a shared link): the created copies as they are
 * now. Failures' reasons lived only in the page that ran them, so only their number is left.
 */
export function CreatedCopiesResults({
  arrayId,
  copyIds,
  failedCount,
  onAgain,
}: {
  arrayId: string;
  copyIds: readonly string[];
  failedCount: number;
  onAgain: () => void;
}) {
  const copies = useCopies();
  const volumes = useVolumes({ arrayId });
  const error = copies.error ?? volumes.error;
  if (error !== null)
    return <ErrorState title="Could not load the copies this run created" error={error} onRetry={() => void (copies.refetch(), volumes.refetch())} />;
  if (copies.data === undefined || volumes.data === undefined) {
    return (
      <div role="status" aria-label="Loading the copies this run created" className="flex flex-col gap-2">
        <Skeleton className="h-5 w-60" />
        <Skeleton className="h-16 w-full" />
      </div>
    );
  }
  const names = new Map(volumes.data.map((volume) => [volume.id, volume.name]));
  const byId = new Map(copies.data.map((copy) => [copy.id, copy]));
  const outcomes: PairOutcome[] = copyIds.flatMap((id) => {
    const copy = byId.get(id);
    if (copy === undefined) return [];
    return [
      {
        ok: true,
        sourceName: names.get(copy.sourceVolumeId) ?? copy.sourceVolumeId,
        targetName: names.get(copy.targetVolumeId) ?? copy.targetVolumeId,
        copyId: copy.id,
        copyName: copy.name,
        createdVolume: false,
      },
    ];
  });
  const removedCount = copyIds.length - outcomes.length;
  const notes = [
    ...(failedCount > 0
      ? [`${failedCount} ${failedCount === 1 ? 'pair' : 'pairs'} could not be created; the reasons were shown when the copies were created.`]
      : []),
    ...(removedCount > 0 ? [`${removedCount} of the created copies ${removedCount === 1 ? 'has' : 'have'} been removed since.`] : []),
  ];
  return <ResultsPanel outcomes={outcomes} createdCount={copyIds.length} failedCount={failedCount} notes={notes} onAgain={onAgain} />;
}
