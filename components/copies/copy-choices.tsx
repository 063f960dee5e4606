'use client';
// What a person can do to one copy relationship, wherever the console offers it (the Copies
// table's row menu, the copy's detail page): its actions from the engine's state table, one entry
// per mode (lib/client/copy-choices.ts), plus removing the relationship. Destructive ones ask
// first, naming the copy and what happens to the data; every outcome is a toast.
import { useState, type ReactNode } from 'react';
import { toast } from 'sonner';
import { errorMessage } from '@/lib/client/api-error';
import { choiceKey, choicesOf, type CopyChoice } from '@/lib/client/copy-choices';
import { consequenceOf, removalConsequence } from '@/lib/client/copy-consequences';
import { actionToast } from '@/lib/client/copy-outcome';
import type { Copy } from '@/lib/client/types';
import { useCopyAction, useDeleteCopy } from '@/lib/client/use-copy-mutations';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';

export { choiceKey, type CopyChoice };
export const copyChoicesOf = choicesOf;

const DELETE = '__delete__';

/** Removing the relationship is always offered; the server says 409 when the state forbids it. */
export const REMOVE_CHOICE: CopyChoice = { action: DELETE, label: 'Remove relationship', allowed: true, destructive: true };

export interface CopyChoiceRunner {
  /** Runs the choice now, or asks first when it is destructive. */
  choose: (choice: CopyChoice) => void;
  busy: boolean;
  /** The confirmation dialog; render it once next to whatever offers the choices. */
  dialog: ReactNode;
}

/** `onRemoved` runs after a successful removal (a detail page leaves for the list). */
export function useCopyChoiceRunner(copy: Copy, describe: string, onRemoved?: () => void): CopyChoiceRunner {
  const act = useCopyAction();
  const remove = useDeleteCopy();
  const [confirming, setConfirming] = useState<CopyChoice | null>(null);
  const busy = act.isPending || remove.isPending;

  function run(choice: CopyChoice) {
    const done = () => setConfirming(null);
    if (choice.action === DELETE) {
      remove.mutate(copy.id, {
        onSuccess: () => {
          toast.success('Copy relationship removed', { description: `${describe}. ${removalConsequence(copy)}` });
          onRemoved?.();
        },
        onError: (error) => toast.error('The relationship was not removed', { description: errorMessage(error) }),
        onSettled: done,
      });
      return;
    }
    act.mutate(
      { copyId: copy.id, action: choice.action, mode: choice.mode },
      {
        onSuccess: (updated) => {
          const { title, description } = actionToast(choice.label, updated, describe);
          toast.success(title, { description });
        },
        onError: (error) => toast.error(`${choice.label} was refused`, { description: errorMessage(error) }),
        onSettled: done,
      },
    );
  }

  function choose(choice: CopyChoice) {
    if (choice.destructive) setConfirming(choice);
    else run(choice);
  }

  const dialog = (
    <ConfirmDialog
      open={confirming !== null}
      title={`${confirming?.label ?? ''}?`}
      confirmLabel={confirming?.label ?? ''}
      pendingLabel="Working…"
      pending={busy}
      onConfirm={() => confirming && run(confirming)}
      onClose={() => setConfirming(null)}
    >
      {confirming !== null && (
        <p>
          {confirming.action === DELETE ? 'Remove the relationship' : confirming.label} for <strong className="font-semibold">{describe}</strong>, now in state{' '}
          <span className="font-mono">{copy.state}</span>.{' '}
          {confirming.action === DELETE
            ? `The copy stops tracking changes. ${removalConsequence(copy)}`
            : consequenceOf(copy.model, confirming.action, confirming.mode)}
        </p>
      )}
    </ConfirmDialog>
  );
  return { choose, busy, dialog };
}
