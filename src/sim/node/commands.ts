/**
 * The commands installed on every node: the AppArmor tools and node-level commands of `src/sim/node`'s
 * owner, plus the coreutils-style commands of `src/sim/shell/commands/`. One list, one registry.
 */
import { CommandRegistry, type CommandSpec } from '../shell/registry.ts';
import { apparmorParserCommand } from '../shell/commands/apparmor-parser.ts';

/** Every command spec, in no particular order. */
export const NODE_COMMANDS: readonly CommandSpec[] = [
  apparmorParserCommand,
];

/**
 * @returns a fresh registry holding every node command
 * @example createNodeRegistry().get('apparmor_parser')?.directory // → '/usr/sbin'
 */
export function createNodeRegistry(): CommandRegistry {
  return new CommandRegistry(NODE_COMMANDS);
}
