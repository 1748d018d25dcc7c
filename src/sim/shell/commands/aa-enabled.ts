/**
 * `aa-enabled` (AppArmor 3.0.8): `Yes` when the module is enabled and its interface usable; `-q` prints
 * nothing; unknown options get the tool's own usage text (not getopt's).
 */
import type { CommandResult } from '../host.ts';
import type { CommandSpec, Invocation } from '../registry.ts';

const OPTIONS_TEXT = `  options:
  -x | --exclusive    Shared interfaces must be available
  -q | --quiet        Don't print out any messages
  -h | --help         Print help
`;

function run(invocation: Invocation): CommandResult {
  const argv0 = invocation.argv[0] ?? 'aa-enabled';
  const usage = `${argv0}: [options]\n${OPTIONS_TEXT}`;
  let isQuiet = false;
  for (const arg of invocation.argv.slice(1)) {
    if (arg === '-q' || arg === '--quiet') isQuiet = true;
    else if (arg === '-h' || arg === '--help') return { stdout: usage, stderr: '', exitCode: 1 };
    else if (arg === '-x' || arg === '--exclusive') continue;
    else return { stdout: `unknown option '${arg}'\n${usage}`, stderr: '', exitCode: 1 };
  }
  const enabled = invocation.proc.readFile('/sys/module/apparmor/parameters/enabled');
  if (!enabled.ok || enabled.value.trim() !== 'Y') {
    return { stdout: isQuiet ? '' : 'No - disabled at boot.\n', stderr: '', exitCode: 1 };
  }
  return { stdout: isQuiet ? '' : 'Yes\n', stderr: '', exitCode: 0 };
}

/** `aa-enabled`. */
export const aaEnabledCommand: CommandSpec = {
  name: 'aa-enabled',
  summary: 'test whether AppArmor is enabled',
  usage: 'aa-enabled [options]',
  help: 'own',
  options: [
    { flag: '-x, --exclusive', summary: 'Shared interfaces must be available' },
    { flag: '-q, --quiet', summary: "Don't print out any messages" },
    { flag: '-h, --help', summary: 'Print help' },
  ],
  run,
};
