// What a copy action's toast says. An action that lands in a state the relationship leaves by
// itself (a timer, the copier: `stopping`, `preparing`, `COPY(PD)`) has been asked for, not done:
// its toast says where the relationship is and what happens there, in the state table's words.
import { stateWords, tableFor, type ArrayModel, type AutomaticEvent } from '@/engine/client';
import type { Copy } from './types';

/**
 * The engine's own moves. `fault`, `metadata-lost` and `recovered` come from outside, so a state
 * left only by them (PAIR, copying…) is not on its way anywhere.
 */
const SELF_DRIVEN: readonly AutomaticEvent[] = ['prepared', 'copied', 'stopped', 'deleted', 'slot-free'];

/** The state moves on by itself: the engine leaves it without another command. */
export function movesOnByItself(model: string, state: string): boolean {
  const table = tableFor(model as ArrayModel);
  if (table === undefined) return false;
  return SELF_DRIVEN.some((event) => (table.automatic[event] ?? []).some((row) => row.from.includes(state)));
}

export interface ActionToast {
  title: string;
  description: string;
}

/** `describe` names the copy and its pair as the page does ("fcmap3 (flashcopy a → b)"). */
export function actionToast(label: string, updated: Pick<Copy, 'model' | 'state' | 'name'>, describe: string): ActionToast {
  // States in the vendor's words ("idle or copied"), as the console's other sentences say them.
  const state = stateWords(updated.state);
  if (!movesOnByItself(updated.model, updated.state)) return { title: `${label}: done`, description: `${describe} is now ${state}.` };
  const meaning = tableFor(updated.model as ArrayModel)?.states[updated.state]?.meaning;
  return { title: `${label} requested: ${updated.name} is ${state}`, description: meaning === undefined ? describe : `${describe}. ${meaning}` };
}
