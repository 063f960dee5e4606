import { Badge, type BadgeTone } from '@/components/ui/badge';

// State names differ per service (domain.md); their meaning falls into a few tones.
const BAD = /^(failed|PSUE|suspended|stopped)$/;
const DONE = /^(completed|PAIR|idle_or_copied|ended|PSUS)$/;
const MOVING = /^(in-progress|COPY\(.*\)|PSUS\(SP\)|copying|preparing|prepared|stopping|SMPL\(PD\))$/;

export function copyStateTone(state: string): BadgeTone {
  if (BAD.test(state)) return 'bad';
  if (DONE.test(state)) return 'ok';
  if (MOVING.test(state)) return 'accent';
  return 'neutral';
}

export function CopyStateBadge({ state }: { state: string }) {
  return (
    <Badge tone={copyStateTone(state)} dot>
      {state}
    </Badge>
  );
}
