/**
 * The commands installed on every node: the AppArmor tools and node-level commands (this module's
 * owner) plus the coreutils-style commands of `src/sim/shell/commands/`. One list, one registry.
 */
import { CommandRegistry, type CommandSpec } from '../shell/registry.ts';
import { aaEnabledCommand } from '../shell/commands/aa-enabled.ts';
import { aaExecCommand } from '../shell/commands/aa-exec.ts';
import { aaComplainCommand, aaDisableCommand, aaEnforceCommand } from '../shell/commands/aa-mode.ts';
import { aaStatusCommand } from '../shell/commands/aa-status.ts';
import { apparmorParserCommand } from '../shell/commands/apparmor-parser.ts';
import { catCommand } from '../shell/commands/cat.ts';
import { chmodCommand } from '../shell/commands/chmod.ts';
import { chownCommand } from '../shell/commands/chown.ts';
import { clearCommand } from '../shell/commands/clear.ts';
import { cpCommand } from '../shell/commands/cp.ts';
import { curlCommand } from '../shell/commands/curl.ts';
import { dmesgCommand } from '../shell/commands/dmesg.ts';
import { echoCommand } from '../shell/commands/echo.ts';
import { envCommand } from '../shell/commands/env.ts';
import { falseCommand } from '../shell/commands/false.ts';
import { grepCommand } from '../shell/commands/grep.ts';
import { headCommand } from '../shell/commands/head.ts';
import { helpCommand } from '../shell/commands/help.ts';
import { historyCommand } from '../shell/commands/history.ts';
import { hostnameCommand } from '../shell/commands/hostname.ts';
import { idCommand } from '../shell/commands/id.ts';
import { journalctlCommand } from '../shell/commands/journalctl.ts';
import { lnCommand } from '../shell/commands/ln.ts';
import { lsCommand } from '../shell/commands/ls.ts';
import { mkdirCommand } from '../shell/commands/mkdir.ts';
import { mvCommand } from '../shell/commands/mv.ts';
import { pingCommand } from '../shell/commands/ping.ts';
import { printfCommand } from '../shell/commands/printf.ts';
import { psCommand } from '../shell/commands/ps.ts';
import { pwdCommand } from '../shell/commands/pwd.ts';
import { rmCommand } from '../shell/commands/rm.ts';
import { rmdirCommand } from '../shell/commands/rmdir.ts';
import { sleepCommand } from '../shell/commands/sleep.ts';
import { sortCommand } from '../shell/commands/sort.ts';
import { sshCommand } from '../shell/commands/ssh.ts';
import { statCommand } from '../shell/commands/stat.ts';
import { suCommand } from '../shell/commands/su.ts';
import { sudoCommand } from '../shell/commands/sudo.ts';
import { tailCommand } from '../shell/commands/tail.ts';
import { teeCommand } from '../shell/commands/tee.ts';
import { touchCommand } from '../shell/commands/touch.ts';
import { trueCommand } from '../shell/commands/true.ts';
import { unameCommand } from '../shell/commands/uname.ts';
import { wcCommand } from '../shell/commands/wc.ts';
import { wgetCommand } from '../shell/commands/wget.ts';
import { whichCommand } from '../shell/commands/which.ts';
import { whoamiCommand } from '../shell/commands/whoami.ts';

/** Every command spec, in no particular order. */
export const NODE_COMMANDS: readonly CommandSpec[] = [
  // AppArmor tools and node-level commands
  apparmorParserCommand, aaStatusCommand, aaEnabledCommand, aaExecCommand, aaEnforceCommand, aaComplainCommand,
  aaDisableCommand, dmesgCommand, journalctlCommand, helpCommand, sudoCommand, suCommand, sshCommand,
  // coreutils and friends
  catCommand, chmodCommand, chownCommand, clearCommand, cpCommand, echoCommand, falseCommand, grepCommand, headCommand,
  hostnameCommand, idCommand, lnCommand, lsCommand, mkdirCommand, mvCommand, pwdCommand, rmCommand, rmdirCommand,
  sleepCommand, sortCommand, statCommand, tailCommand, teeCommand, touchCommand, trueCommand, unameCommand, wcCommand,
  whoamiCommand, curlCommand, envCommand, historyCommand, pingCommand, printfCommand, psCommand, wgetCommand, whichCommand,
];

/**
 * @returns a fresh registry holding every node command
 * @example createNodeRegistry().get('apparmor_parser')?.directory // → '/usr/sbin'
 */
export function createNodeRegistry(): CommandRegistry {
  return new CommandRegistry(NODE_COMMANDS);
}
