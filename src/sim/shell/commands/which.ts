/** `which` (debianutils): the first executable of each name in `PATH`; `-a` every one. Silent when not found, exit 1. */
import type { CommandSpec } from '../registry.ts';

/** The `which` program. */
export const whichCommand: CommandSpec = {
  name: 'which',
  summary: 'locate a command',
  usage: 'which [-as] program ...',
  options: [
    { flag: '-a', summary: 'print all matching pathnames of each argument' },
    { flag: '-s', summary: 'silently return 0 if all of the executables were found or 1 otherwise' },
  ],
  run(inv) {
    const args = inv.argv.slice(1);
    let all = false;
    let silent = false;
    while (args.length > 0 && /^-[as]+$/.test(args[0] ?? '')) {
      const flags = args.shift() ?? '';
      all ||= flags.includes('a');
      silent ||= flags.includes('s');
    }
    if (args.length === 0) return { stdout: '', stderr: '', exitCode: 1 };
    const dirs = (inv.context.env.PATH ?? '/usr/bin:/bin').split(':');
    let stdout = '';
    let missing = false;
    for (const program of args) {
      const candidates = program.includes('/') ? [program] : dirs.map((d) => `${d === '' ? '.' : d}/${program}`);
      const found = candidates.filter((path) => {
        const st = inv.proc.stat(path);
        return st.ok && st.value.type === 'file' && (st.value.mode & 0o111) !== 0;
      });
      if (found.length === 0) missing = true;
      for (const path of all ? found : found.slice(0, 1)) stdout += `${path}\n`;
    }
    return { stdout: silent ? '' : stdout, stderr: '', exitCode: missing ? 1 : 0 };
  },
};
