/** `which` (debianutils 5.7): the first executable of each name in `PATH`; `-a` every one. Silent when not found, exit 1. */
import type { CommandSpec } from '../registry.ts';

/** The `which` program. */
export const whichCommand: CommandSpec = {
  name: 'which',
  summary: 'locate a command',
  usage: 'which [-a] program ...',
  options: [{ flag: '-a', summary: 'print all matching pathnames of each argument' }],
  // the script has no --help: getopts reports `--help` as the illegal option `-`
  help: 'own',
  run(inv) {
    const args = inv.argv.slice(1);
    let all = false;
    // debianutils 5.7's which is a sh script: `getopts a` reports any other letter (or the `-` of `--word`)
    while (args.length > 0 && /^-./.test(args[0] ?? '')) {
      const flags = args.shift() ?? '';
      if (flags === '--') break;
      const bad = /[^a]/.exec(flags.slice(1));
      if (bad !== null) {
        const script = inv.argv[0]?.includes('/') === true ? inv.argv[0] : '/usr/bin/which';
        return { stdout: `Usage: ${script} [-a] args\n`, stderr: `Illegal option -${bad[0]}\n`, exitCode: 2 };
      }
      all = true;
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
    return { stdout, stderr: '', exitCode: missing ? 1 : 0 };
  },
};
