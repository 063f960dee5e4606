// When a volume copy last started and completed, for VolumeCopyPair's copyStartTime and
// copyCompleteTime. Grainline keeps no such timestamps on the copy; its event log records every state
// change with the time it was saved (the console's clock, as the Events page shows it), so the
// times are read from there. A copy the engine just completed may show "0" for the moment between
// the change and the next save (at most the persister's interval).
import type { Runtime } from '../../runtime';
import type { CopyDto } from '../../services/copies';
import { listEvents } from '../../services/events';
import type { CopyTimes } from './views';

/** Enough history for any copy: each run adds two or three state changes. */
const STATE_CHANGES_MAX = 200;
const NONE = '0';

function toState(details: unknown): string | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const to = (details as Record<string, unknown>).to;
  return typeof to === 'string' ? to : undefined;
}

function epochSeconds(iso: string): string {
  return String(Math.floor(Date.parse(iso) / 1000));
}

export async function copyTimes(runtime: Runtime, copy: CopyDto): Promise<CopyTimes> {
  const changes = await listEvents(runtime, { subjectId: copy.id, kind: 'copy.state-changed', limit: STATE_CHANGES_MAX });
  // Newest first: the last start, and a completion only if it came after that start.
  const started = changes.find((event) => toState(event.details) === 'in-progress');
  const completed = copy.state === 'completed' ? changes.find((event) => toState(event.details) === 'completed') : undefined;
  const completedAfterStart = completed !== undefined && (started === undefined || completed.time >= started.time);
  return {
    startSeconds: started === undefined ? NONE : epochSeconds(started.time),
    completeSeconds: completedAfterStart ? epochSeconds(completed.time) : NONE,
  };
}
