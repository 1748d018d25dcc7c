/**
 * `history`: a bash builtin, run here as a program that reads the saved history file (`$HISTFILE`, else
 * `~/.bash_history`) and numbers it as bash does (`%5d  %s`); `history N` shows the last N entries.
 */
import type { CommandSpec } from '../registry.ts';
import { splitLines } from './support/files.ts';

const USAGE = 'history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]';

/** The `history` command. */
export const historyCommand: CommandSpec = {
  name: 'history',
  summary: 'display the command history list with line numbers',
  usage: 'history [n]',
  // bash's builtin on a real node: no /usr/bin/history exists, so it is a node-level pseudo-command
  isNodeLevel: true,
  options: [],
  run(inv) {
    const count = inv.argv[1];
    // bash's option scan (bashgetopt.c) rejects an unknown letter, and `--word` as the option `--`
    const bad = count !== undefined && /^-./.test(count) && count !== '--' ? /[^cdanrwps]/.exec(count.slice(1)) : null;
    if (bad !== null) {
      return { stdout: '', stderr: `bash: history: -${bad[0]}: invalid option\nhistory: usage: ${USAGE}\n`, exitCode: 2 };
    }
    if (count !== undefined && !/^\d+$/.test(count)) {
      return { stdout: '', stderr: `bash: history: ${count}: numeric argument required\n`, exitCode: 1 };
    }
    const home = inv.context.env.HOME ?? '/root';
    const file = inv.context.env.HISTFILE ?? `${home}/.bash_history`;
    const read = inv.proc.readFile(file);
    const lines = read.ok ? splitLines(read.value) : [];
    const numbered = lines.map((line, k) => `${String(k + 1).padStart(5)}  ${line}\n`);
    return { stdout: (count === undefined ? numbered : numbered.slice(-Number(count) || numbered.length)).join(''), stderr: '', exitCode: 0 };
  },
};
