// A consistency group's state is a member state of its service. Storwize members move together,
// so they share one; while they differ for a moment (a member created at rest beside copying ones,
// a prepare finishing member by member) the group reports the state furthest along, as the one
// that says what the group is doing. DS6000 members are established one by one, so they differ
// more often; the same rule holds: copying before nocopy before ended. XP7 pairs of one CTG are
// created one by one too: an error first, then a copy running, then PAIR before PSUS. With no member it is
// `empty`, as SVC reports.
import type { Ds6000FlashCopyState } from './flashcopy-ds6000';
import type { StorwizeFlashCopyState } from './flashcopy-storwize';
import type { ShadowImageState } from './shadowimage';

export type GroupModel = 'storwize' | 'ds6000' | 'xp7';
export type GroupState = StorwizeFlashCopyState | Ds6000FlashCopyState | ShadowImageState | 'empty';

const FURTHEST_FIRST: {
  storwize: readonly StorwizeFlashCopyState[];
  ds6000: readonly Ds6000FlashCopyState[];
  xp7: readonly ShadowImageState[];
} = {
  storwize: ['suspended', 'stopping', 'copying', 'prepared', 'preparing', 'stopped', 'idle_or_copied'],
  ds6000: ['copying', 'nocopy', 'ended'],
  // XP7 CTG: an error first, then whatever copy runs, then the settled states.
  xp7: ['PSUE', 'COPY(RS-R)', 'COPY(RS)', 'COPY(SP)', 'PSUS(SP)', 'COPY(PD)', 'SMPL(PD)', 'PAIR', 'PSUS'],
};

const SERVICE_WORDS: Record<GroupModel, string> = { storwize: 'Storwize mapping', ds6000: 'DS6000 relationship', xp7: 'XP7 ShadowImage pair' };

export function groupStateOf(memberStates: readonly string[], model: GroupModel = 'storwize'): GroupState {
  if (memberStates.length === 0) return 'empty';
  const found = FURTHEST_FIRST[model].find((state) => memberStates.includes(state));
  if (found === undefined) throw new Error(`not ${SERVICE_WORDS[model]} states: ${memberStates.join(', ')}`);
  return found;
}
