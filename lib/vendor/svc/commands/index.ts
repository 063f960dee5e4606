// Every SVC command Grainline answers, by name.
import type { SvcCommand } from './context';
import { GROUP_COMMANDS } from './groups';
import { INFO_COMMANDS } from './info';
import { MAPPING_COMMANDS } from './mappings';
import { VOLUME_COMMANDS } from './volumes';

export const SVC_COMMANDS: Record<string, SvcCommand> = { ...INFO_COMMANDS, ...VOLUME_COMMANDS, ...MAPPING_COMMANDS, ...GROUP_COMMANDS };

export type { SvcCommand, CommandContext } from './context';
