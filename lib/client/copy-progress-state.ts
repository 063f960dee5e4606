// What a copy's progress can truthfully say once it stopped. A stopped Storwize mapping has its
// target's data discarded (docs/domain.md#storwize-flashcopy): the API answers 0 of 0 bytes and no point in time, keeping
// only `lastStarted`, so how far it got is gone. "0.0 %", "nothing to copy" or "no copy has run
// yet" would each be untrue; a SANtricity copy keeps its counts when stopped, and they show as they are.
import type { Copy } from './types';

export const STOPPED_EARLY_TEXT = 'stopped before the copy completed';

/** Stopped, with nothing left of how far the copy got. A copy never started (lastStarted null) did not stop early: it never ran. */
export function stoppedEarly(copy: Pick<Copy, 'state' | 'progress'> & { lastStarted?: string | null }): boolean {
  if (copy.lastStarted === null) return false;
  return copy.state === 'stopped' && copy.progress.totalBytes === 0 && copy.progress.percent < 100;
}
