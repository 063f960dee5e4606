// SANtricity's queue: at most 8 volume copies in progress per array; pending copies start as
// slots free, higher priority first, then the oldest.
import type { Relationship } from './relationship';
import { VOLUME_COPY_IN_PROGRESS_MAX, VOLUME_COPY_PRIORITIES } from './volume-copy';

function rank(relationship: Relationship): number {
  return 'priority' in relationship.options ? VOLUME_COPY_PRIORITIES.indexOf(relationship.options.priority) : 0;
}

/** The pending copies of one array that may start now, in the order they start. */
export function copiesToStart(onArray: readonly Relationship[]): Relationship[] {
  const inProgress = onArray.filter((r) => r.state === 'in-progress').length;
  const free = VOLUME_COPY_IN_PROGRESS_MAX - inProgress;
  if (free <= 0) return [];
  return onArray
    .filter((r) => r.state === 'pending')
    .sort((a, b) => rank(b) - rank(a) || a.queuedOrder - b.queuedOrder)
    .slice(0, free);
}
