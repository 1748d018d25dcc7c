/** `false`: does nothing, unsuccessfully (exit status 1, even for `--help` in GNU: it prints help, exits 1). */
import { helpText, type CommandSpec } from '../registry.ts';
import { versionText } from './support/version.ts';

/** The `false` command. */
export const falseCommand: CommandSpec = {
  name: 'false',
  summary: 'do nothing, unsuccessfully',
  usage: 'false [ignored command line arguments]',
  options: [],
  help: 'own',
  // as coreutils false.c: `--help` alone prints the help text, and the status is still 1
  run(inv) {
    const only = inv.argv.length === 2 ? inv.argv[1] : undefined;
    const stdout = only === '--help' ? helpText({ ...falseCommand, help: undefined }) : only === '--version' ? (versionText('false') ?? '') : '';
    return { stdout, stderr: '', exitCode: 1 };
  },
};
