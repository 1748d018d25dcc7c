/** `clear`: prints the terminal's clear-screen sequence (ncurses `clear` for xterm-256color). */
import type { CommandSpec } from '../registry.ts';
import { getopt } from './support/getopt.ts';
import { programName } from './support/output.ts';

/** What ncurses' clear writes for TERM=xterm: home, erase display, erase scrollback. */
export const CLEAR_SEQUENCE = '\x1b[H\x1b[2J\x1b[3J';

/** ncurses' usage (progs/clear.c), on stderr after any option error. */
const USAGE = 'Usage: clear [options]\n\nOptions:\n  -T TERM     use this instead of $TERM\n  -V          print curses-version\n'
  + '  -x          do not try to clear scrollback\n';

/** The `clear` command. */
export const clearCommand: CommandSpec = {
  name: 'clear',
  summary: 'clear the terminal screen',
  usage: 'clear [-x]',
  options: [{ flag: '-x', summary: 'do not try to clear the scrollback' }],
  // ncurses' clear has no --help: getopt reads `--help` as the bad option '-'
  help: 'own',
  run(inv) {
    const args = inv.argv.slice(1);
    // plain getopt (no long options) reads `--word` as the option letter '-': an error after the options before it
    const end = args.indexOf('--');
    const long = args.findIndex((a, k) => a.startsWith('--') && a !== '--' && (end < 0 || k < end));
    const parsed = getopt(long < 0 ? args : args.slice(0, long), { short: 'T:Vx' });
    const error = !parsed.ok ? parsed.message : long >= 0 ? 'invalid option -- \'-\'' : undefined;
    if (error !== undefined || !parsed.ok) return { stdout: '', stderr: `${programName(inv, 'clear')}: ${error ?? ''}\n${USAGE}`, exitCode: 1 };
    // as clear.c: any operand is a usage error, without a message of its own
    if (parsed.operands.length > 0) return { stdout: '', stderr: USAGE, exitCode: 1 };
    if (parsed.options.some((o) => o.key === 'V')) return { stdout: 'ncurses 6.4.20221231\n', stderr: '', exitCode: 0 };
    return { stdout: parsed.options.some((o) => o.key === 'x') ? '\x1b[H\x1b[2J' : CLEAR_SEQUENCE, stderr: '', exitCode: 0 };
  },
};
