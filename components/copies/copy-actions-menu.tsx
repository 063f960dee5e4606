'use client';
// A copy's actions, straight from the engine's state table: the ones allowed now are offered,
// the others are shown disabled with the table's reason. Destructive ones ask first, naming the
// copy; every outcome is a toast.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ChevronDownIcon } from '@/components/ui/icons';
import { MENU_CONTENT_CLASSES, MENU_ITEM_CLASSES, MENU_SEPARATOR_CLASSES } from '@/components/ui/menu-classes';
import { errorMessage } from '@/lib/client/api-error';
import { choiceKey, choicesOf, type CopyChoice } from '@/lib/client/copy-choices';
import { consequenceOf } from '@/lib/client/copy-consequences';
import type { Copy } from '@/lib/client/types';
import { useCopyAction, useDeleteCopy } from '@/lib/client/use-copy-mutations';
import { ConfirmCopyAction } from './confirm-copy-action';

const REMOVE = '__remove__';
const REMOVAL: CopyChoice = { action: REMOVE, label: 'Remove relationship', allowed: true, destructive: true };

export function CopyActionsMenu({ copy, describe }: { copy: Copy; describe: string }) {
  const act = useCopyAction();
  const remove = useDeleteCopy();
  const [confirming, setConfirming] = useState<CopyChoice | null>(null);
  const busy = act.isPending || remove.isPending;

  function run(choice: CopyChoice) {
    const done = () => setConfirming(null);
    if (choice.action === REMOVE) {
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

  function choose(choice: CopyChoice) {
    if (choice.destructive) setConfirming(choice);
    else run(choice);
  }

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
              <DropdownMenu.Item key={choiceKey(choice)} disabled={!choice.allowed} className={`${MENU_ITEM_CLASSES} flex-col items-start gap-0`} onSelect={() => choose(choice)} title={choice.reason}>
                <span>
                  {choice.label}
                  {choice.destructive ? '…' : ''}
                </span>
                {choice.reason ? <span className="line-clamp-2 text-[11px] text-fg-subtle">{choice.reason}</span> : null}
              </DropdownMenu.Item>
            ))}
            <DropdownMenu.Separator className={MENU_SEPARATOR_CLASSES} />
            <DropdownMenu.Item className={`${MENU_ITEM_CLASSES} text-bad`} onSelect={() => choose(REMOVAL)}>
              Remove relationship…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <ConfirmCopyAction open={confirming !== null} title={`${confirming?.label ?? ''}?`} confirmLabel={confirming?.label ?? ''} busy={busy} onConfirm={() => confirming && run(confirming)} onCancel={() => setConfirming(null)}>
        {confirming !== null && (
          <p>
            {confirming.action === REMOVE ? 'Remove the relationship' : confirming.label} for <strong className="font-semibold">{describe}</strong>, now in state <span className="font-mono">{copy.state}</span>.{' '}
            {confirming.action === REMOVE ? 'The copy stops tracking changes; the target keeps the data it has.' : consequenceOf(copy.model, confirming.action, confirming.mode)}
          </p>
        )}
      </ConfirmCopyAction>
    </>
  );
}
