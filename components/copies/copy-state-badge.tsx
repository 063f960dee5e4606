import { Badge, type BadgeTone } from '@/components/ui/badge';

// State names differ per service (docs/domain.md#arrays-and-models); their meaning falls into a few tones.
const BAD = /^(failed|PSUE|suspended|stopped)$/;
const DONE = /^(completed|PAIR|idle_or_copied|ended|PSUS)$/;
const MOVING = /^(in-progress|COPY\(.*\)|PSUS\(SP\)|copying|preparing|prepared|stopping|SMPL\(PD\))$/;

export function copyStateTone(state: string): BadgeTone {
  if (BAD.test(state)) return 'bad';
  if (DONE.test(state)) return 'ok';
  if (MOVING.test(state)) return 'accent';
  return 'neutral';
}

/** ShadowImage's open-systems states under their mainframe names (docs/domain.md#xp7-shadowimage). */
const MAINFRAME_NAMES: Record<string, string> = { 'COPY(PD)': 'PENDING', PAIR: 'DUPLEX', PSUS: 'SUSPOP', PSUE: 'SUSPER' };

export function mainframeNameOf(state: string): string | undefined {
  return MAINFRAME_NAMES[state];
}

export function CopyStateBadge({ state }: { state: string }) {
  const mainframe = mainframeNameOf(state);
  return (
    <Badge tone={copyStateTone(state)} dot title={mainframe === undefined ? undefined : `${state}: ${mainframe} in the mainframe vocabulary`}>
      {state}
    </Badge>
  );
}
