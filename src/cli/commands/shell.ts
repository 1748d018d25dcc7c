/**
 * `apparmor-lab shell [--era 1.14|1.30] [--lab SLUG]`: the simulated node in a real terminal. On a TTY
 * it is interactive (readline, the shell's prompt, `> ` continuations, tab completion); otherwise it
 * reads a script from stdin and prints the transcript (`$ command` then its output), the format of
 * `tests/fixtures/transcripts/`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createWorld, parseClusterVersion, type ClusterVersion, type World } from '../../sim/index.ts';
import { runTranscript } from '../../sim/node/transcript.ts';
import type { CliCommand, CliIo } from './types.ts';

const HELP = `Usage: apparmor-lab shell [--era 1.14|1.30] [--lab SLUG]

Opens a shell on a simulated Debian node with AppArmor (root, hostname node01; the Kubernetes tutorial's
profile is in /etc/apparmor.d, not loaded). Interactive on a terminal; otherwise reads commands from
stdin and prints a transcript: each command as '$ command', then its output.

With --era the node is the control plane ('controlplane') of a Kubernetes cluster of that version with
two workers (node01, node02): kubectl works, and ssh reaches the workers.

Options:
  --era VERSION     the cluster's Kubernetes version, 1.14 to 1.34: 1.14 is the annotation era (Docker,
                    PodSecurityPolicy), 1.30 and later the appArmorProfile field (containerd, Pod Security
                    Admission)
  --lab SLUG        start from a lab's start state (labs/NN-SLUG)
  -h, --help        show this help
`;

type Options = { era: ClusterVersion | undefined; lab: string | undefined };

function parseOptions(args: readonly string[]): Options | { error: string } | 'help' {
  const options: Options = { era: undefined, lab: undefined };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '-h' || flag === '--help') return 'help';
    if (flag !== '--era' && flag !== '--lab') return { error: `unknown option '${arg}'` };
    const value = inline ?? args[++i];
    if (value === undefined) return { error: `option '${flag}' requires an argument` };
    if (flag === '--era') {
      options.era = parseClusterVersion(value);
      if (!options.era) return { error: `--era takes a Kubernetes version from 1.14 to 1.34, e.g. 1.14 or 1.30 (got '${value}')` };
    } else options.lab = value;
  }
  return options;
}

/** Finds `labs/NN-SLUG` (or `labs/SLUG`) under the current directory. */
function findLab(slug: string): string | undefined {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) || !existsSync('labs')) return undefined;
  return readdirSync('labs').find((dir) => dir === slug || dir.replace(/^\d\d-/, '') === slug);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}

async function interactive(world: World, io: CliIo): Promise<number> {
  const input = io.stdin as NodeJS.ReadableStream & { isTTY?: boolean };
  const rl = createInterface({
    input, output: io.stdout as NodeJS.WritableStream, terminal: true,
    completer: (line: string): [string[], string] => {
      const completion = world.complete(line, line.length);
      return [completion.candidates, completion.word];
    },
  });
  let pending: string[] = [];
  rl.setPrompt(world.prompt());
  rl.prompt();
  for await (const line of rl) {
    pending.push(line);
    const text = pending.join('\n');
    if (!world.isComplete(text)) {
      rl.setPrompt('> ');
      rl.prompt();
      continue;
    }
    pending = [];
    for (const chunk of world.run(text).output) (chunk.fd === 2 ? io.stderr : io.stdout).write(chunk.text);
    if (world.hasExited) break;
    rl.setPrompt(world.prompt());
    rl.prompt();
  }
  rl.close();
  return world.shell.lastStatus;
}

/** `apparmor-lab shell`. */
export const shellCommand: CliCommand = {
  name: 'shell',
  usage: 'shell [--era 1.14|1.30] [--lab SLUG]',
  summary: 'a simulated node with AppArmor: interactive, or a transcript from stdin',
  async run(args, io) {
    const options = parseOptions(args);
    if (options === 'help') {
      io.stdout.write(HELP);
      return 0;
    }
    if ('error' in options) {
      io.stderr.write(`apparmor-lab shell: ${options.error}\n`);
      return 2;
    }
    if (options.lab !== undefined && findLab(options.lab) === undefined) {
      io.stderr.write(`apparmor-lab shell: no such lab: '${options.lab}' (labs/NN-${options.lab} not found)\n`);
      return 2;
    }
    const world = createWorld(options.era ? { cluster: { version: options.era } } : {});
    if ((io.stdin as { isTTY?: boolean }).isTTY) return interactive(world, io);
    io.stdout.write(runTranscript(world, await readAll(io.stdin)));
    return 0;
  },
};
