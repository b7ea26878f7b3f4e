/** Every `vouch` command. Add new ones here (and their group, if they start a new one). */
import type { CommandGroup, CommandSpec } from '../command.ts';
import { keysDerive, keysGroup, keysNew } from './keys.ts';

export const COMMAND_GROUPS: readonly CommandGroup[] = [keysGroup];
export const COMMANDS: readonly CommandSpec[] = [keysNew, keysDerive];
