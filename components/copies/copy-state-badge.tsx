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

/**
 * A SANtricity volume copy created without starting rests in `stopped`, a state that otherwise
 * means someone stopped it: the console says "not started" instead (the API state stays `stopped`).
 */
export function isNotStarted(copy: { model: string; state: string; lastStarted: string | null }): boolean {
  return copy.model === 'santricity' && copy.state === 'stopped' && copy.lastStarted === null;
}

export function CopyStateBadge({ state, notStarted = false }: { state: string; notStarted?: boolean }) {
  const mainframe = mainframeNameOf(state);
  if (notStarted) {
    return (
      <Badge tone="neutral" dot title="Created without starting (state stopped): Start begins the copy">
        not started
      </Badge>
    );
  }
  return (
    <Badge tone={copyStateTone(state)} dot title={mainframe === undefined ? undefined : `${state}: ${mainframe} in the mainframe vocabulary`}>
      {state}
    </Badge>
  );
}
