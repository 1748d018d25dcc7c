/** `true`: does nothing, successfully (GNU coreutils; `--help` prints its help). */
import { helpText, type CommandSpec } from '../registry.ts';
import { versionText } from './support/version.ts';

/** The `true` command. */
export const trueCommand: CommandSpec = {
  name: 'true',
  summary: 'do nothing, successfully',
  usage: 'true [ignored command line arguments]',
  options: [],
  help: 'own',
  // as coreutils true.c: only a sole `--help` is an option; everything else is ignored
  run(inv) {
    const only = inv.argv.length === 2 ? inv.argv[1] : undefined;
    const stdout = only === '--help' ? helpText({ ...trueCommand, help: undefined }) : only === '--version' ? (versionText('true') ?? '') : '';
    return { stdout, stderr: '', exitCode: 0 };
  },
};
