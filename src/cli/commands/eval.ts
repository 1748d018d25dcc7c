/**
 * `apparmor-lab eval CASES.json`: runs a kernel-corpus case file (conformance `kernel/README.md` format)
 * through the simulated kernel and prints the results in the corpus' result format as JSON. Also home of
 * the include reader the kernel commands share (`-I DIR` over the bundled `/etc/apparmor.d`).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundleReader, type IncludeReader } from '../../apparmor/index.ts';
import { runKernelCases } from '../../sim/kernel/corpus/run-cases.ts';
import { casesOf, type CaseFileJson, type ResultFileJson } from '../../sim/kernel/corpus/case-format.ts';
import { runCmdOp } from '../../sim/index.ts';
import { createPolicyLoader } from '../../sim/kernel/policy-loader.ts';
import type { CliCommand, CliIo } from './types.ts';

const HELP = `Usage: apparmor-lab eval [options] CASES.json

Runs every case of a kernel case file (the conformance kernel/README.md format) through the simulated
kernel and prints the results, in the corpus' result format, as JSON on stdout. 'cmd' ops (real programs
such as touch or sh -c) run on a fresh simulated node, the one 'apparmor-lab shell' gives you.

Options:
  -I, --include DIR   look for #include files in DIR before the bundled /etc/apparmor.d (repeatable)
  --ops-only          print only [{id, ops: [{op, result}]}] (no parser or load details)
  -h, --help          show this help
`;

/**
 * An include reader over directories laid out like `/etc/apparmor.d`, falling back to the engine's bundle.
 * A `*.d` directory that the bundle knows (Debian ships `tunables/xdg-user-dirs.d` empty, and a copied tree
 * cannot keep an empty directory) is read from the bundle when no directory has it.
 * @param dirs - directories, searched in order
 * @returns the reader
 */
export function createIncludeReader(dirs: readonly string[]): IncludeReader {
  const relative = (path: string): string => path.replace(/^\/etc\/apparmor\.d\/?/, '').replace(/^\.\//, '');
  const onDisk = (path: string, kind: 'file' | 'dir'): string | undefined =>
    dirs.map((dir) => join(dir, relative(path))).find((full) => {
      if (!existsSync(full)) return false;
      const stat = statSync(full);
      return kind === 'file' ? stat.isFile() : stat.isDirectory();
    });
  return {
    readFile(path) {
      const full = onDisk(path, 'file');
      return full ? readFileSync(full, 'utf8') : bundleReader.readFile(path);
    },
    listDir(path) {
      const full = onDisk(path, 'dir');
      return full ? readdirSync(full).sort() : bundleReader.listDir(path);
    },
  };
}

/** Parsed command line of the kernel commands: `-I` dirs, flags and the rest. */
export type KernelArgs = { includeDirs: string[]; flags: Map<string, string | true>; positional: string[]; error?: string };

/**
 * Splits `args` into `-I DIR` directories, `--name value` / `--flag` options and positional words.
 * @param args - the command's arguments
 * @param booleanFlags - option names that take no value
 * @returns the parts, with `error` for a missing value
 */
export function parseKernelArgs(args: readonly string[], booleanFlags: readonly string[]): KernelArgs {
  const parsed: KernelArgs = { includeDirs: [], flags: new Map(), positional: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-I' || arg === '--include') {
      const dir = args[++i];
      if (dir === undefined) return { ...parsed, error: `${arg} needs a directory` };
      parsed.includeDirs.push(dir);
    } else if (arg.startsWith('-I') && arg.length > 2) {
      parsed.includeDirs.push(arg.slice(2));
    } else if (arg === '-h' || arg === '--help') {
      parsed.flags.set('help', true);
    } else if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (booleanFlags.includes(name)) parsed.flags.set(name, true);
      else {
        const value = inline ?? args[++i];
        if (value === undefined) return { ...parsed, error: `--${name} needs a value` };
        parsed.flags.set(name, value);
      }
    } else {
      parsed.positional.push(arg);
    }
  }
  return parsed;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseKernelArgs(args, ['ops-only']);
  if (parsed.flags.has('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  const file = parsed.positional[0];
  if (parsed.error || file === undefined || parsed.positional.length > 1) {
    io.stderr.write(`apparmor-lab eval: ${parsed.error ?? 'give exactly one case file'}\n${HELP}`);
    return 2;
  }
  let cases: CaseFileJson;
  try {
    cases = JSON.parse(readFileSync(file, 'utf8')) as CaseFileJson;
  } catch (error) {
    io.stderr.write(`apparmor-lab eval: cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const reader = createIncludeReader(parsed.includeDirs);
  const results = answerCmdOps(runKernelCases(cases, () => createPolicyLoader({ reader }), file), cases);
  const output = parsed.flags.has('ops-only') ? results.results.map((r) => ({ id: r.id, ops: r.ops })) : results;
  io.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

/**
 * The kernel model answers primitive ops only; `cmd` ops run real programs, so each one runs on a fresh
 * simulated node with the case's profiles and files (`runCmdOp`).
 * @param results - the kernel model's results, `cmd` ops marked unsupported
 * @param cases - the case file they came from
 * @returns the same results with every `cmd` op answered
 */
function answerCmdOps(results: ResultFileJson, cases: CaseFileJson): ResultFileJson {
  const byId = new Map(casesOf(cases).map((kase) => [kase.id, kase]));
  return {
    ...results,
    results: results.results.map((result) => {
      const kase = byId.get(result.id);
      if (!kase) return result;
      return { ...result, ops: result.ops.map((entry) => (entry.op.op === 'cmd' ? { ...entry, result: runCmdOp(kase, entry.op) } : entry)) };
    }),
  };
}

/** The `eval` command. */
export const evalCommand: CliCommand = {
  name: 'eval',
  usage: 'eval [-I DIR] [--ops-only] CASES.json',
  summary: 'run kernel case files through the simulated kernel; print results as JSON',
  run,
};
