// What a command runs with: the array it addresses (loaded at the start of the command), who asks,
// and the options it was given.
import type { Actor } from '../../../services/run-command';
import type { Invocation } from '../invocation';
import type { SvcOutput } from '../output';
import type { SvcSystem } from '../system';

export interface CommandContext {
  system: SvcSystem;
  actor: Actor;
  invocation: Invocation;
}

export interface SvcCommand {
  /** `info` commands only read (monitors may run them); `task` commands change something. */
  kind: 'info' | 'task';
  /** Options the command takes: `value` ones carry a value, `flag` ones do not. */
  options: Record<string, 'value' | 'flag'>;
  run: (context: CommandContext) => Promise<SvcOutput>;
}
