/** The table of `apparmor-lab` subcommands, in the order the help lists them. */
import type { CliCommand } from './types.ts';
import { evalCommand } from './eval.ts';
import { explainCommand } from './explain.ts';
import { parseCommand } from './parse.ts';
import { shellCommand } from './shell.ts';

export const CLI_COMMANDS: CliCommand[] = [parseCommand, evalCommand, explainCommand, shellCommand];
