/** `false`: does nothing, unsuccessfully (exit status 1, even for `--help` in GNU: it prints help, exits 1). */
import { helpText, type CommandSpec } from '../registry.ts';

/** The `false` command. */
export const falseCommand: CommandSpec = {
  name: 'false',
  summary: 'do nothing, unsuccessfully',
  usage: 'false [ignored command line arguments]',
  options: [],
  help: 'own',
  // as coreutils false.c: `--help` alone prints the help text, and the status is still 1
  run: (inv) => ({ stdout: inv.argv.length === 2 && inv.argv[1] === '--help' ? helpText({ ...falseCommand, help: undefined }) : '', stderr: '', exitCode: 1 }),
};
