'use client';
// A consistency group's actions: its service's member actions, each applied to every member at
// one instant (a Storwize group's start, an XP7 CTG's at-time split, …). What is offered follows
// the group's state through the service's state table, as a copy's own menu does; a member that
// refuses makes the server refuse the whole group, and its reason shows in a toast. Destructive
// ones ask first and say they act on every member.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { ChevronDownIcon } from '@/components/ui/icons';
import { MENU_CONTENT_CLASSES } from '@/components/ui/menu-classes';
import { actionsIn, stateWords, tableFor, type ArrayModel } from '@/engine/client';
import { errorMessage } from '@/lib/client/api-error';
import { choicesOf, type CopyChoice } from '@/lib/client/copy-choices';
import { ChoiceMenuItems } from '@/components/copies/choice-menu-items';
import { consequenceOf } from '@/lib/client/copy-consequences';
import { RELATIONSHIP_WORDS } from '@/lib/client/copy-services';
import { useGroupAction, type ConsistencyGroup } from '@/lib/client/use-consistency-groups';

export function GroupActionsMenu({ group, model }: { group: ConsistencyGroup; model: ArrayModel }) {
  const run = useGroupAction();
  const [confirming, setConfirming] = useState<CopyChoice | null>(null);
  const words = RELATIONSHIP_WORDS[model];
  const members = `${group.memberIds.length} ${group.memberIds.length === 1 ? words.one : words.many}`;
  const actions = actionsIn(tableFor(model), group.state).map((availability) => ({
    ...availability,
    modes: [...availability.modes],
    allowedModes: [...availability.allowedModes],
  }));
  const choices = group.memberIds.length === 0 ? [] : choicesOf({ actions, state: group.state, model });
  const buttonId = `group-actions-${group.id}`;

  function act(choice: CopyChoice) {
    run
      .mutateAsync({ groupId: group.id, action: choice.action, mode: choice.mode })
      .then(
        ({ members: after }) => {
          const states = [...new Set(after.map((member) => stateWords(member.state)))].join(', ');
          toast.success(`${choice.label}: consistency group ${group.name}`, { description: `All ${members} at one instant; now ${states}.` });
        },
        (error: unknown) => toast.error(`${choice.label} was refused for consistency group ${group.name}`, { description: errorMessage(error) }),
      )
      .finally(() => setConfirming(null));
  }

  return (
    <>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <Button
            id={buttonId}
            size="sm"
            variant="ghost"
            disabled={run.isPending || choices.length === 0}
            aria-label={`Actions for consistency group ${group.name}`}
          >
            {run.isPending ? 'Working…' : 'Actions'} <ChevronDownIcon />
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={4} className={`${MENU_CONTENT_CLASSES} max-w-80`}>
            <ChoiceMenuItems choices={choices} onChoose={(choice) => (choice.destructive ? setConfirming(choice) : act(choice))} />
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <ConfirmDialog
        open={confirming !== null}
        title={`${confirming?.label ?? ''}: consistency group ${group.name}?`}
        confirmLabel={confirming?.label ?? ''}
        pendingLabel="Working…"
        pending={run.isPending}
        onConfirm={() => confirming && act(confirming)}
        onClose={() => setConfirming(null)}
        returnFocusId={buttonId}
      >
        <p>
          {confirming?.label} applies to all {members} of {group.name} at one instant. If any of them cannot take it now, the array refuses it for the whole
          group and nothing changes.
        </p>
        {confirming !== null && <p className="mt-2">{consequenceOf(model, confirming.action, confirming.mode)}</p>}
      </ConfirmDialog>
    </>
  );
}
