/** The table of `apparmor-lab` subcommands, in the order the help lists them. */
import type { CliCommand } from './types.ts';

export const CLI_COMMANDS: CliCommand[] = [];
