// The one way a service changes the simulated storage: the engine runs the command (it owns the
// rules and emits the events), the persister attributes those events to whoever asked and saves
// everything the command changed, and only then does the caller get an answer — an acknowledged
// change is never lost to a crash.
import type { Engine } from '../../engine';
import type { Runtime } from '../runtime';

/** Who a change is attributed to in the event log: a user's name, or 'system'. */
export interface Actor {
  name: string;
}

export interface CommandOptions<T> {
  /**
   * Takes back what the engine did when the save failed, for a command whose result the engine
   * would otherwise hold without a row behind it (a new relationship): the caller is told it
   * failed, so nothing of it may live on.
   */
  undoUnsaved?: (engine: Engine, result: T) => void;
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * Runs `command` against the engine as `actor` and resolves once its changes and their events are
 * durable. The command must be synchronous: the persister attributes events to the actor only
 * while the command runs, and no engine tick may interleave with it.
 */
export async function runCommand<T>(runtime: Runtime, actor: Actor, command: (engine: Engine) => T, options: CommandOptions<T> = {}): Promise<T> {
  const result = runtime.persister.as(actor.name, () => command(runtime.engine));
  // An asynchronous command would run partly outside the actor's attribution: a bug, not an
  // operating error.
  if (isThenable(result)) throw new Error('runCommand: engine commands are synchronous; await inventory work before or after the command');
  try {
    await runtime.persister.flush();
  } catch (error) {
    options.undoUnsaved?.(runtime.engine, result);
    throw error;
  }
  return result;
}
