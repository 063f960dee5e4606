'use client';
// After a bulk creation: one summary of every pair, what was created and why anything failed
// (and what was undone), with links to the new copies by the names the array gave them.
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Panel } from '@/components/ui/panel';
import { outcomeText, type PairOutcome } from '@/lib/client/create-pairs';

export function BulkResults({ outcomes, onAgain }: { outcomes: PairOutcome[]; onAgain: () => void }) {
  const succeeded = outcomes.filter((outcome) => outcome.ok).length;
  const failed = outcomes.length - succeeded;
  return (
    <Panel title={`${succeeded} of ${outcomes.length} ${outcomes.length === 1 ? 'copy' : 'copies'} created${failed > 0 ? `, ${failed} failed` : ''}`} titleId="bulk-results-title" bodyClassName="flex flex-col gap-3 p-3">
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
      <div className="flex gap-2">
        <Link href="/copies" className="inline-flex h-7.5 items-center rounded border border-accent bg-accent px-3 text-[13px] font-medium text-accent-fg hover:brightness-110">
          Go to Copies
        </Link>
        <Button onClick={onAgain}>Create more copies</Button>
      </div>
    </Panel>
  );
}
