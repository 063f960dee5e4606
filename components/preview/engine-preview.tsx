'use client';
// What an action would do, as the engine answers POST /api/preview: its consequences, or why it
// would refuse, or that the answer is on its way or could not be had (with Retry). Used where a
// person decides: the fail/restore controller dialogs and the faults panel.
import type { UseQueryResult } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import type { Preview } from '@/engine/client';
import { errorMessage } from '@/lib/client/api-error';
import { previewLines, refusalsOf } from '@/lib/client/preview-lines';
import { ConsequenceLines } from './consequence-lines';

/** Whether the action may go ahead on what the preview says: it arrived and nothing is refused. */
export function previewAllows(query: UseQueryResult<Preview[]>): boolean {
  return query.data !== undefined && !query.isPlaceholderData && refusalsOf(query.data).length === 0;
}

export function EnginePreview({ query, testId, empty = 'Nothing else changes.' }: { query: UseQueryResult<Preview[]>; testId: string; empty?: string }) {
  if (query.isError) {
    return (
      <div role="alert" className="flex items-start gap-2 text-xs text-bad" data-testid={testId}>
        <span className="min-w-0 flex-1">Could not ask the engine what this would do: {errorMessage(query.error)}</span>
        <Button size="sm" onClick={() => void query.refetch()}>
          Retry
        </Button>
      </div>
    );
  }
  if (query.data === undefined) {
    return (
      <p role="status" className="text-xs text-fg-muted" data-testid={testId}>
        Asking the engine what this would do…
      </p>
    );
  }
  const refusals = refusalsOf(query.data);
  const lines = previewLines(query.data);
  return (
    <div className="flex flex-col gap-2" data-testid={testId} aria-busy={query.isPlaceholderData || undefined}>
      <FormAlert messages={refusals.map((refusal) => `The engine would refuse this: ${refusal}`)} />
      {refusals.length === 0 && (lines.length === 0 ? <p className="text-fg-muted">{empty}</p> : <ConsequenceLines lines={lines} />)}
    </div>
  );
}
