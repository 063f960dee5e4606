'use client';
// The entries of an actions menu built from the state table's choices (a copy's, or a consistency
// group's): allowed ones are offered, the others shown disabled with the table's reason, and a
// destructive one ends in "…" because it asks first.
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { MENU_ITEM_CLASSES } from '@/components/ui/menu-classes';
import { choiceKey, type CopyChoice } from '@/lib/client/copy-choices';

export function ChoiceMenuItems({ choices, onChoose }: { choices: readonly CopyChoice[]; onChoose: (choice: CopyChoice) => void }) {
  return choices.map((choice) => (
    <DropdownMenu.Item
      key={choiceKey(choice)}
      disabled={!choice.allowed}
      className={`${MENU_ITEM_CLASSES} flex-col items-start gap-0`}
      onSelect={() => onChoose(choice)}
      title={choice.reason}
    >
      <span>
        {choice.label}
        {choice.destructive ? '…' : ''}
      </span>
      {choice.reason ? <span className="line-clamp-2 text-[11px] text-fg-subtle">{choice.reason}</span> : null}
    </DropdownMenu.Item>
  ));
}
