// A consistency group's state is a member state of its service. Storwize members move together,
// so they share one; while they differ for a moment (a member created at rest beside copying ones,
// a prepare finishing member by member) the group reports the state furthest along, as the one
// that says what the group is doing. DS6000 members are established one by one, so they differ
// more often; the same rule holds: copying before nocopy before ended. With no member it is
// `empty`, as SVC reports.
import type { Ds6000FlashCopyState } from './flashcopy-ds6000';
import type { StorwizeFlashCopyState } from './flashcopy-storwize';

export type GroupModel = 'storwize' | 'ds6000';
export type GroupState = StorwizeFlashCopyState | Ds6000FlashCopyState | 'empty';

const FURTHEST_FIRST: { storwize: readonly StorwizeFlashCopyState[]; ds6000: readonly Ds6000FlashCopyState[] } = {
  storwize: ['suspended', 'stopping', 'copying', 'prepared', 'preparing', 'stopped', 'idle_or_copied'],
  ds6000: ['copying', 'nocopy', 'ended'],
};

const SERVICE_WORDS: Record<GroupModel, string> = { storwize: 'Storwize mapping', ds6000: 'DS6000 relationship' };

export function groupStateOf(memberStates: readonly string[], model: GroupModel = 'storwize'): GroupState {
  if (memberStates.length === 0) return 'empty';
  const found = FURTHEST_FIRST[model].find((state) => memberStates.includes(state));
  if (found === undefined) throw new Error(`not ${SERVICE_WORDS[model]} states: ${memberStates.join(', ')}`);
  return found;
}
