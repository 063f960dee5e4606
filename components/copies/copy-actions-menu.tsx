'use client';
// A copy's actions, straight from the engine's state table: the ones allowed now are offered,
// the others are shown disabled with the table's reason. Destructive ones ask first, naming the
// copy; every outcome is a toast.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useRef, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { DialogBody, DialogClose, DialogContent, DialogFooter, DialogRoot } from '@/components/ui/dialog';
import { ChevronDownIcon } from '@/components/ui/icons';
import { MENU_CONTENT_CLASSES, MENU_ITEM_CLASSES, MENU_SEPARATOR_CLASSES } from '@/components/ui/menu-classes';
import { errorMessage } from '@/lib/client/api-error';
import { consequenceOf } from '@/lib/client/copy-consequences';
import type { Copy } from '@/lib/client/types';
import { useCopyAction, useDeleteCopy } from '@/lib/client/use-copy-mutations';

/** One menu entry: an action, in one of its modes when it has several. */
interface Choice {
  action: string;
  mode?: string;
  label: string;
  allowed: boolean;
  destructive: boolean;
  reason?: string;
}

const DELETE = '__delete__';

function choicesOf(copy: Copy): Choice[] {
  return copy.actions.flatMap((availability) => {
    if (availability.modes.length === 0) return [{ action: availability.action, label: availability.label, allowed: availability.allowed, destructive: availability.destructive, reason: availability.reason }];
    return availability.modes.map((mode) => {
      const allowed = availability.allowedModes.includes(mode);
      return { action: availability.action, mode, label: `${availability.label} (${mode})`, allowed, destructive: availability.destructive, reason: allowed ? undefined : (availability.reason ?? `${mode} is not allowed in state ${copy.state}`) };
    });
  });
}

export function CopyActionsMenu({ copy, describe }: { copy: Copy; describe: string }) {
  const act = useCopyAction();
  const remove = useDeleteCopy();
  const [confirming, setConfirming] = useState<Choice | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const busy = act.isPending || remove.isPending;

  function run(choice: Choice) {
    const done = () => setConfirming(null);
    if (choice.action === DELETE) {
      remove.mutate(copy.id, {
        onSuccess: () => toast.success('Copy relationship removed', { description: `${describe}. The target keeps its data.` }),
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

  function choose(choice: Choice) {
    if (choice.destructive) setConfirming(choice);
    else run(choice);
  }

  const removal: Choice = { action: DELETE, label: 'Remove relationship', allowed: true, destructive: true };
  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <Button size="sm" variant="ghost" disabled={busy} aria-label={`Actions for ${describe}`}>
            {busy ? 'Working…' : 'Actions'} <ChevronDownIcon />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={4} className={`${MENU_CONTENT_CLASSES} max-w-80`}>
            {choicesOf(copy).map((choice) => (
              <DropdownMenu.Item key={`${choice.action}:${choice.mode ?? ''}`} disabled={!choice.allowed} className={`${MENU_ITEM_CLASSES} flex-col items-start gap-0`} onSelect={() => choose(choice)} title={choice.reason}>
                <span>
                  {choice.label}
                  {choice.destructive ? '…' : ''}
                </span>
                {choice.reason ? <span className="line-clamp-2 text-[11px] text-fg-subtle">{choice.reason}</span> : null}
              </DropdownMenu.Item>
            ))}
            <DropdownMenu.Separator className={MENU_SEPARATOR_CLASSES} />
            <DropdownMenu.Item className={`${MENU_ITEM_CLASSES} text-bad`} onSelect={() => choose(removal)}>
              Remove relationship…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <DialogRoot open={confirming !== null} onOpenChange={(open) => !open && !busy && setConfirming(null)}>
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
              <Button variant="danger" onClick={() => run(confirming)} disabled={busy}>
                {busy ? 'Working…' : confirming.label}
              </Button>
            </DialogFooter>
          </DialogContent>
        )}
      </DialogRoot>
    </>
  );
}
