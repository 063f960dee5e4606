// Every SVC command Grainline answers, by name.
import type { SvcCommand } from './context';
import { GROUP_COMMANDS } from './groups';
import { INFO_COMMANDS } from './info';
import { MAPPING_COMMANDS } from './mappings';
import { VOLUME_COMMANDS } from './volumes';

export const SVC_COMMANDS: Record<string, SvcCommand> = { ...INFO_COMMANDS, ...VOLUME_COMMANDS, ...MAPPING_COMMANDS, ...GROUP_COMMANDS };

/** The command named `name`; never something inherited (`constructor`, `__proto__`, `toString`). */
export function svcCommand(name: string): SvcCommand | undefined {
  return Object.hasOwn(SVC_COMMANDS, name) ? SVC_COMMANDS[name] : undefined;
}

/** How `command` takes option `name`, or undefined when it does not take it. */
export function optionKind(command: SvcCommand, name: string): 'value' | 'flag' | undefined {
  return Object.hasOwn(command.options, name) ? command.options[name] : undefined;
}

export type { SvcCommand, CommandContext } from './context';
