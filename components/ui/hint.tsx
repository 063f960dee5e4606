'use client';
// A short explanation shown on hover and on keyboard focus (Radix Tooltip), for controls whose
// meaning or unavailability needs a sentence. The trigger must be focusable to be reachable.
import * as Tooltip from '@radix-ui/react-tooltip';
import type { ReactNode } from 'react';

export function Hint({ content, children, side = 'top' }: { content: ReactNode; children: ReactNode; side?: 'top' | 'right' | 'bottom' | 'left' }) {
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content side={side} sideOffset={4} collisionPadding={8} className="z-50 max-w-72 rounded bg-fg px-2 py-1 text-xs text-canvas shadow">
          {content}
          <Tooltip.Arrow className="fill-fg" />
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
