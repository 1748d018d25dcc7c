/** The table of `apparmor-lab` subcommands, in the order the help lists them. */
import type { CliCommand } from './types.ts';
import { evalCommand } from './eval.ts';
import { explainCommand } from './explain.ts';

export const CLI_COMMANDS: CliCommand[] = [evalCommand, explainCommand];
