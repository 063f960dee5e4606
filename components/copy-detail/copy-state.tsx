'use client';
// The copy's state as a badge; ShadowImage states also have a mainframe name (docs/domain.md#xp7-shadowimage), shown on
// hover and focus and read out with the badge.
import { CopyStateBadge, isNotStarted } from '@/components/copies/copy-state-badge';
import { Hint } from '@/components/ui/hint';
import { SHADOWIMAGE_MAINFRAME_NAMES, type ShadowImageState } from '@/engine/client';

export function mainframeNameOf(model: string, state: string): string | undefined {
  return model === 'xp7' ? SHADOWIMAGE_MAINFRAME_NAMES[state as ShadowImageState] : undefined;
}

export function CopyState({ model, state, lastStarted = null }: { model: string; state: string; lastStarted?: string | null }) {
  const mainframe = mainframeNameOf(model, state);
  const badge = (
    <span data-testid="copy-state" className="inline-flex rounded-sm">
      <CopyStateBadge state={state} notStarted={isNotStarted({ model, state, lastStarted })} />
    </span>
  );
  if (mainframe === undefined) return badge;
  return (
    <Hint content={`Mainframe name: ${mainframe}`}>
      <span tabIndex={0} className="inline-flex items-center gap-1 rounded-sm">
        {badge}
        <span className="sr-only">(mainframe name {mainframe})</span>
      </span>
    </Hint>
  );
}
