// A copy's actions as the console offers them: one choice per action, or per mode when an action
// has several (split quick / steady), each allowed or not with the state table's reason — and,
// for many copies at once, the choices every one of them allows.
import { SERVICE_TABLES } from '@/engine/client';
import type { Copy } from './types';

type ChoiceSource = Pick<Copy, 'actions' | 'state' | 'model'>;

/** "while the pair is PAIR": the refusal in the engine's words (engine/copy/tables.ts), not as identifiers. */
function refusal(copy: ChoiceSource, action: string, mode: string): string {
  const noun = Object.hasOwn(SERVICE_TABLES, copy.model) ? SERVICE_TABLES[copy.model as keyof typeof SERVICE_TABLES].noun : 'copy';
  return `${action} (${mode}) is not allowed while the ${noun} is ${copy.state.replace(/_/g, ' ')}`;
}

export interface CopyChoice {
  action: string;
  mode?: string;
  label: string;
  allowed: boolean;
  destructive: boolean;
  reason?: string;
}

export function choiceKey(choice: Pick<CopyChoice, 'action' | 'mode'>): string {
  return `${choice.action}:${choice.mode ?? ''}`;
}

export function choicesOf(copy: ChoiceSource): CopyChoice[] {
  return copy.actions.flatMap((availability) => {
    if (availability.modes.length === 0) {
      return [
        {
          action: availability.action,
          label: availability.label,
          allowed: availability.allowed,
          destructive: availability.destructive,
          ...(availability.reason === undefined ? {} : { reason: availability.reason }),
        },
      ];
    }
    return availability.modes.map((mode) => {
      const allowed = availability.allowedModes.includes(mode);
      const choice: CopyChoice = {
        action: availability.action,
        mode,
        label: `${availability.label} (${mode})`,
        allowed,
        destructive: availability.destructive,
      };
      // The API's reason speaks of the action's default mode; each mode gets its own plain one.
      if (!allowed) choice.reason = refusal(copy, availability.action, mode);
      return choice;
    });
  });
}

/** The choices allowed for every one of `copies` (same action and mode), in the first copy's order. */
export function commonChoices(copies: readonly ChoiceSource[]): CopyChoice[] {
  const [first, ...rest] = copies;
  if (first === undefined) return [];
  const allowedSets = rest.map(
    (copy) =>
      new Set(
        choicesOf(copy)
          .filter((choice) => choice.allowed)
          .map(choiceKey),
      ),
  );
  return choicesOf(first).filter((choice) => choice.allowed && allowedSets.every((set) => set.has(choiceKey(choice))));
}

export interface BulkOutcome {
  succeeded: string[];
  failed: { id: string; message: string }[];
}

/** Runs `act` on every id, at most `concurrency` at a time, and reports each outcome. */
export async function runBulk(
  ids: readonly string[],
  act: (id: string) => Promise<unknown>,
  describeError: (error: unknown) => string,
  concurrency = 8,
): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { succeeded: [], failed: [] };
  let next = 0;
  async function worker(): Promise<void> {
    while (next < ids.length) {
      const id = ids[next++] as string;
      try {
        await act(id);
        outcome.succeeded.push(id);
      } catch (error) {
        outcome.failed.push({ id, message: describeError(error) });
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return outcome;
}
