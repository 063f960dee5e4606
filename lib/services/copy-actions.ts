// An action on one copy relationship with the options the REST API takes with it: the action's
// mode, and for a DS6000 start or resync in a consistency group `freeze` (DS CLI -freeze), which
// freezes the source from the new T0 until the group is thawed.
import { runCommand, type Actor } from './run-command';
import { copyDto, type CopyDto } from './copies';
import type { Runtime } from '../runtime';

export interface CopyActionOptions {
  mode?: string | undefined;
  freeze?: boolean | undefined;
}

export async function runCopyAction(runtime: Runtime, id: string, action: string, options: CopyActionOptions, actor: Actor): Promise<CopyDto> {
  const freeze = options.freeze === true ? { freeze: true } : {};
  const relationship = await runCommand(runtime, actor, (engine) => engine.act(id, action, options.mode, freeze));
  return copyDto(runtime.engine, relationship);
}
