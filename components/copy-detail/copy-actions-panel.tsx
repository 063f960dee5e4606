'use client';
// Every action of the copy's service as a button, straight from the engine's state table: the ones
// allowed now are enabled; the others stay focusable but inert (aria-disabled), so their reason is
// reachable by hover and by keyboard, and is read out as the button's description.
import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Hint } from '@/components/ui/hint';
import { Panel } from '@/components/ui/panel';
import { removalConsequence } from '@/lib/client/copy-consequences';
import type { Copy } from '@/lib/client/types';
import { choiceKey, copyChoicesOf, REMOVE_CHOICE, useCopyChoiceRunner, type CopyChoice } from '@/components/copies/copy-choices';

function ActionButton({ choice, busy, onChoose }: { choice: CopyChoice; busy: boolean; onChoose: (choice: CopyChoice) => void }) {
  const reasonId = useId();
  const label = `${choice.label}${choice.destructive ? '…' : ''}`;
  if (choice.allowed) {
    return (
      <Button onClick={() => onChoose(choice)} disabled={busy}>
        {label}
      </Button>
    );
  }
  const reason = choice.reason ?? 'Not allowed in the current state.';
  return (
    <>
      <Hint content={reason}>
        <Button
          aria-disabled="true"
          aria-describedby={reasonId}
          className="cursor-not-allowed opacity-55 hover:bg-surface"
          onClick={(event) => event.preventDefault()}
        >
          {label}
        </Button>
      </Hint>
      <span id={reasonId} className="sr-only">
        {reason}
      </span>
    </>
  );
}

export function CopyActionsPanel({ copy, describe }: { copy: Copy; describe: string }) {
  const router = useRouter();
  const { choose, busy, dialog } = useCopyChoiceRunner(copy, describe, () => router.push('/copies'));
  const choices = copyChoicesOf(copy);
  const allowedCount = choices.filter((choice) => choice.allowed).length;
  return (
    <Panel title="Actions" titleId="copy-actions-title" bodyClassName="flex flex-col gap-3 p-3">
      <p className="text-xs text-fg-muted">
        {allowedCount === 0 ? 'No action is allowed' : `${allowedCount} of ${choices.length} allowed`} in state{' '}
        <span className="font-mono text-fg">{copy.state}</span>. Hover or focus a disabled one to see why.
      </p>
      <div role="group" aria-labelledby="copy-actions-title" className="flex flex-wrap gap-2">
        {choices.map((choice) => (
          <ActionButton key={choiceKey(choice)} choice={choice} busy={busy} onChoose={choose} />
        ))}
      </div>
      {/* Wraps: what removal leaves on the target can take a sentence (a copy stopped part-way). */}
      <div className="flex flex-wrap items-center justify-between gap-2 border-t border-line pt-3">
        <p className="min-w-48 flex-1 text-xs text-fg-subtle" data-testid="removal-consequence">
          {removalConsequence(copy)}
        </p>
        <Button variant="ghost" className="ml-auto text-bad! hover:bg-bad-soft" disabled={busy} onClick={() => choose(REMOVE_CHOICE)}>
          Remove relationship…
        </Button>
      </div>
      {dialog}
    </Panel>
  );
}
