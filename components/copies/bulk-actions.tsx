'use client';
// Acting on many copies at once: only the actions every selected copy allows now are offered;
// destructive ones ask first; one summary says what succeeded and why anything failed.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/client/api-error';
import { choiceKey, commonChoices, runBulk, type CopyChoice } from '@/lib/client/copy-choices';
import { consequenceOf } from '@/lib/client/copy-consequences';
import { deleteCopy, invalidateAfterCopyChange, postCopyAction } from '@/lib/client/use-copy-mutations';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import type { CopyRow } from './copy-row';

const REMOVE = '__remove__';
const REMOVAL: CopyChoice = { action: REMOVE, label: 'Remove relationships', allowed: true, destructive: true };
const FAILURES_LISTED = 3;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

export function BulkActions({ selected, onClear }: { selected: CopyRow[]; onClear: () => void }) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState<CopyChoice | null>(null);
  const [busy, setBusy] = useState(false);
  const choices = commonChoices(selected);
  const names = new Map(selected.map((row) => [row.id, row.name]));

  async function run(choice: CopyChoice) {
    setBusy(true);
    const ids = selected.map((row) => row.id);
    const outcome = await runBulk(
      ids,
      (id) => (choice.action === REMOVE ? deleteCopy(id) : postCopyAction({ copyId: id, action: choice.action, mode: choice.mode })),
      errorMessage,
    );
    // Once for the whole batch: per-copy refetches of a 5,000-row list would cost more than the actions.
    await invalidateAfterCopyChange(client);
    setBusy(false);
    setConfirming(null);
    const title = `${choice.label}: ${plural(outcome.succeeded.length, 'copy', 'copies')} done${outcome.failed.length > 0 ? `, ${outcome.failed.length} failed` : ''}`;
    const failures = outcome.failed.slice(0, FAILURES_LISTED).map((failure) => `${names.get(failure.id) ?? failure.id}: ${failure.message}`);
    if (outcome.failed.length > FAILURES_LISTED) failures.push(`and ${outcome.failed.length - FAILURES_LISTED} more`);
    if (outcome.failed.length === 0) toast.success(title);
    else toast.error(title, { description: failures.join('\n'), duration: 15_000 });
    if (outcome.failed.length === 0) onClear();
  }

  function choose(choice: CopyChoice) {
    if (choice.destructive) setConfirming(choice);
    else void run(choice);
  }

  const models = [...new Set(selected.map((row) => row.model))];
  return (
    <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded border border-accent/40 bg-accent-soft px-3 py-1.5">
      <span className="text-[13px] font-medium" data-testid="selection-count">
        {plural(selected.length, 'copy', 'copies')} selected
      </span>
      {choices.length === 0 ? <span className="text-xs text-fg-muted">No action is allowed for every selected copy in its current state.</span> : null}
      {choices.map((choice) => (
        <Button key={choiceKey(choice)} size="sm" variant={choice.destructive ? 'danger' : 'secondary'} disabled={busy} onClick={() => choose(choice)}>
          {choice.label}
          {choice.destructive ? '…' : ''}
        </Button>
      ))}
      <Button size="sm" variant="ghost" disabled={busy} onClick={() => choose(REMOVAL)}>
        Remove…
      </Button>
      <Button size="sm" variant="ghost" disabled={busy} onClick={onClear} className="ml-auto">
        Clear selection
      </Button>
      <ConfirmDialog
        open={confirming !== null}
        title={`${confirming?.label ?? ''}: ${plural(selected.length, 'copy', 'copies')}?`}
        confirmLabel={`${confirming?.label ?? ''} (${selected.length})`}
        pendingLabel="Working…"
        pending={busy}
        onConfirm={() => confirming && void run(confirming)}
        onClose={() => setConfirming(null)}
      >
        {confirming !== null && (
          <>
            <p>
              {confirming.action === REMOVE ? 'Remove the relationships of' : `${confirming.label} on`}{' '}
              <strong className="font-semibold">{plural(selected.length, 'copy', 'copies')}</strong>.{' '}
              {confirming.action === REMOVE
                ? 'Targets keep the data they have.'
                : models.map((model) => consequenceOf(model, confirming.action, confirming.mode)).join(' ')}
            </p>
            <ul className="mt-2 max-h-40 overflow-y-auto font-mono text-xs text-fg-muted">
              {selected.map((row) => (
                <li key={row.id}>
                  {row.name}: {row.sourceName} → {row.targetName} ({row.state})
                </li>
              ))}
            </ul>
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
