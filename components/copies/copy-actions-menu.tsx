'use client';
// A copy's actions, straight from the engine's state table: the ones allowed now are offered,
// the others are shown disabled with the table's reason. Destructive ones ask first, naming the
// copy; every outcome is a toast (copy-choices.tsx, shared with the copy's detail page).
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { MENU_CONTENT_CLASSES, MENU_ITEM_CLASSES, MENU_SEPARATOR_CLASSES } from '@/components/ui/menu-classes';
import type { Copy } from '@/lib/client/types';
import { ChoiceMenuItems } from './choice-menu-items';
import { copyChoicesOf, REMOVE_CHOICE, useCopyChoiceRunner } from './copy-choices';

/**
 * The button's arrow, a text glyph rather than the SVG chevron other menus have: one per row of a
 * table scrolled by the hundred, an inline SVG root (with its path) cost a row more to paint and
 * lay out than its text does. Part of the button's text; the button's name is its aria-label.
 */
const MENU_ARROW = '\u00a0\u25be';

/**
 * The menu's machinery (Radix menu, confirmation dialog, two mutations) is built on first use: a
 * 1,000-row table would otherwise build it for every row that scrolls by. Until then the button
 * opens it the way Radix's trigger does: primary-button pointerdown, or Enter, Space, ArrowDown.
 */
export function CopyActionsMenu({ copy, describe }: { copy: Copy; describe: string }) {
  const [used, setUsed] = useState(false);
  if (used) return <ActionsMenu copy={copy} describe={describe} />;
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={`Actions for ${describe}`}
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerDown={(event) => {
        if (event.button !== 0 || event.ctrlKey) return;
        event.preventDefault();
        setUsed(true);
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' && event.key !== ' ' && event.key !== 'ArrowDown') return;
        event.preventDefault();
        setUsed(true);
      }}
    >
      Actions{MENU_ARROW}
    </Button>
  );
}

function ActionsMenu({ copy, describe }: { copy: Copy; describe: string }) {
  const { choose, busy, dialog } = useCopyChoiceRunner(copy, describe);
  return (
    <>
      <DropdownMenu.Root defaultOpen>
        <DropdownMenu.Trigger asChild>
          <Button size="sm" variant="ghost" disabled={busy} aria-label={`Actions for ${describe}`}>
            {busy ? 'Working…' : 'Actions'}
            {MENU_ARROW}
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={4} className={`${MENU_CONTENT_CLASSES} max-w-80`}>
            <ChoiceMenuItems choices={copyChoicesOf(copy)} onChoose={choose} />
            <DropdownMenu.Separator className={MENU_SEPARATOR_CLASSES} />
            <DropdownMenu.Item className={`${MENU_ITEM_CLASSES} text-bad`} onSelect={() => choose(REMOVE_CHOICE)}>
              Remove relationship…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {dialog}
    </>
  );
}
