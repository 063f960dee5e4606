// Takeovers as the browser learns of them: the event kind a takeover is logged as (so a pushed
// `events.created` can refetch the cluster at once), and which takeovers in a fresh answer are new
// since the last one this tab saw (each gets a toast).
import type { TakeoverDto } from '@/lib/services/cluster';

/** The event kind lib/services/cluster.ts logs a takeover as (TAKEOVER_EVENT; kept equal by a test, the server module is not for the browser). */
export const TAKEOVER_EVENT_KIND = 'cluster.takeover';

/** Identifies a takeover: each one raises the lease's epoch, and the time tells apart two logs of the same epoch. */
export function takeoverKey(takeover: Pick<TakeoverDto, 'epoch' | 'time'>): string {
  return `${takeover.epoch}@${takeover.time}`;
}

/**
 * The takeovers (newest first, as the API lists them) that came after the one last seen, oldest
 * first so toasts appear in the order things happened. Nothing seen yet (`undefined`: the first
 * answer) means nothing is new: a page load is not a takeover. `null` means it was seen that
 * there were none, so every takeover listed now is new.
 */
export function newTakeovers(lastSeenKey: string | null | undefined, takeovers: readonly TakeoverDto[]): TakeoverDto[] {
  if (lastSeenKey === undefined) return [];
  const fresh: TakeoverDto[] = [];
  for (const takeover of takeovers) {
    if (takeoverKey(takeover) === lastSeenKey) break;
    fresh.push(takeover);
  }
  // The one seen last has dropped off the list (over 50 since): show only the newest, not a flood.
  if (fresh.length === takeovers.length && lastSeenKey !== null) return fresh.slice(0, 1);
  return fresh.reverse();
}

/** A takeover from another node, or the first primary of a cluster (the event log lists both). */
export function takeoverMessage(takeover: Pick<TakeoverDto, 'node' | 'previous'>): string {
  return takeover.previous === null ? `${takeover.node} became the primary` : `${takeover.node} took over as primary`;
}
