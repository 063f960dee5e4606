// A Storwize consistency group's state is a mapping state: its members move together, so they
// share one; while they differ for a moment (a member created at rest beside copying ones, a
// prepare finishing member by member) the group reports the state furthest along, as the one
// that says what the group is doing. With no member it is `empty`, as SVC reports.
import type { StorwizeFlashCopyState } from './flashcopy-storwize';

const FURTHEST_FIRST: readonly StorwizeFlashCopyState[] = ['suspended', 'stopping', 'copying', 'prepared', 'preparing', 'stopped', 'idle_or_copied'];

export function groupStateOf(memberStates: readonly string[]): StorwizeFlashCopyState | 'empty' {
  if (memberStates.length === 0) return 'empty';
  const found = FURTHEST_FIRST.find((state) => memberStates.includes(state));
  if (found === undefined) throw new Error(`not Storwize mapping states: ${memberStates.join(', ')}`);
  return found;
}
