'use client';
// What a person can do to one copy relationship, wherever the console offers it (the Copies
// table's row menu, the copy's detail page): its actions from the engine's state table, one entry
// per mode, plus removing the relationship. Destructive ones ask first, naming the copy and what
// happens to the data; every outcome is a toast.
import { useRef, useState, type ReactNode } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { DialogBody, DialogClose, DialogContent, DialogFooter, DialogRoot } from '@/components/ui/dialog';
import { errorMessage } from '@/lib/client/api-error';
import { consequenceOf } from '@/lib/client/copy-consequences';
import type { Copy } from '@/lib/client/types';
import { useCopyAction, useDeleteCopy } from '@/lib/client/use-copy-mutations';

/** One thing to do: an action, in one of its modes when it has several. */
export interface CopyChoice {
  action: string;
  mode?: string;
  label: string;
  allowed: boolean;
  destructive: boolean;
  reason?: string;
}

const DELETE = '__delete__';

/** Removing the relationship is always offered; the server says 409 when the state forbids it. */
export const REMOVE_CHOICE: CopyChoice = { action: DELETE, label: 'Remove relationship', allowed: true, destructive: true };

export function choiceKey(choice: CopyChoice): string {
  return `${choice.action}:${choice.mode ?? ''}`;
}

export function copyChoicesOf(copy: Copy): CopyChoice[] {
  return copy.actions.flatMap((availability) => {
    if (availability.modes.length === 0) return [{ action: availability.action, label: availability.label, allowed: availability.allowed, destructive: availability.destructive, reason: availability.reason }];
    return availability.modes.map((mode) => {
      const allowed = availability.allowedModes.includes(mode);
      return { action: availability.action, mode, label: `${availability.label} (${mode})`, allowed, destructive: availability.destructive, reason: allowed ? undefined : (availability.reason ?? `${mode} is not allowed in state ${copy.state}`) };
    });
  });
}

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
          toast.success('Copy relationship removed', { description: `${describe}. The target keeps its data.` });
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
        onSuccess: (updated) => toast.success(`${choice.label}: done`, { description: `${describe} is now ${updated.state}.` }),
        onError: (error) => toast.error(`${choice.label} was refused`, { description: errorMessage(error) }),
        onSettled: done,
      },
    );
  }

  function choose(choice: CopyChoice) {
    if (choice.destructive) setConfirming(choice);
    else run(choice);
  }

  const dialog = <ConfirmChoiceDialog copy={copy} describe={describe} confirming={confirming} busy={busy} onCancel={() => setConfirming(null)} onConfirm={run} />;
  return { choose, busy, dialog };
}

function ConfirmChoiceDialog({ copy, describe, confirming, busy, onCancel, onConfirm }: {
  copy: Copy;
  describe: string;
  confirming: CopyChoice | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (choice: CopyChoice) => void;
}) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <DialogRoot open={confirming !== null} onOpenChange={(open) => !open && !busy && onCancel()}>
      {confirming !== null && (
        <DialogContent
          role="alertdialog"
          width="sm"
          title={`${confirming.label}?`}
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            cancelRef.current?.focus();
          }}
        >
          <DialogBody>
            <p>
              {confirming.action === DELETE ? 'Remove the relationship' : confirming.label} for <strong className="font-semibold">{describe}</strong>, now in state{' '}
              <span className="font-mono">{copy.state}</span>.{' '}
              {confirming.action === DELETE ? 'The copy stops tracking changes; the target keeps the data it has.' : consequenceOf(copy.model, confirming.action, confirming.mode)}
            </p>
          </DialogBody>
          <DialogFooter>
            <DialogClose asChild>
              <Button ref={cancelRef} disabled={busy}>
                Cancel
              </Button>
            </DialogClose>
            <Button variant="danger" onClick={() => onConfirm(confirming)} disabled={busy}>
              {busy ? 'Working…' : confirming.label}
            </Button>
          </DialogFooter>
        </DialogContent>
      )}
    </DialogRoot>
  );
}
