/** `clear`: prints the terminal's clear-screen sequence (ncurses `clear` for xterm-256color). */
import type { CommandSpec } from '../registry.ts';

/** What ncurses' clear writes for TERM=xterm: home, erase display, erase scrollback. */
export const CLEAR_SEQUENCE = '\x1b[H\x1b[2J\x1b[3J';

/** The `clear` command. */
export const clearCommand: CommandSpec = {
  name: 'clear',
  summary: 'clear the terminal screen',
  usage: 'clear [-x]',
  options: [{ flag: '-x', summary: 'do not try to clear the scrollback' }],
  run: (inv) => ({ stdout: inv.argv.includes('-x') ? '\x1b[H\x1b[2J' : CLEAR_SEQUENCE, stderr: '', exitCode: 0 }),
};
