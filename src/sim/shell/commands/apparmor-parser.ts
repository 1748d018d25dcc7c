/**
 * `apparmor_parser` 3.0.8: compiles policy files (or stdin) through the engine and loads, replaces or
 * removes them in the node's kernel, with the real tool's options, messages and exit codes (checked
 * against the installed 3.0.8). Not modelled: the binary cache (`-W`, `-T`, `-L` are accepted and
 * silent, as with Debian's default parser.conf), `-S`/`-o` binary output, `-D` dumps. `-p` prints the policy with
 * its includes expanded (engine `preprocessPolicy`) and loads nothing.
 */
import { checkPolicy, formatParserError, preprocessPolicy, type IncludeReader } from '../../../apparmor/index.ts';
import type { CommandResult } from '../host.ts';
import type { CommandSpec, Invocation } from '../registry.ts';
import { getopt, type GetoptSpec } from './support/getopt.ts';

const VERSION = 'AppArmor parser version 3.0.8\nCopyright (C) 1999-2008 Novell Inc.\nCopyright 2009-2018 Canonical Ltd.\n';

const OPTIONS_TEXT = `-a, --add\t\tAdd apparmor definitions [default]
-r, --replace\t\tReplace apparmor definitions
-R, --remove\t\tRemove apparmor definitions
-C, --Complain\t\tForce the profile into complain mode
-B, --binary\t\tInput is precompiled profile
-N, --names\t\tDump names of profiles in input.
-S, --stdout\t\tDump compiled profile to stdout
-o n, --ofile n\t\tWrite output to file n
-b n, --base n\t\tSet base dir and cwd
-I n, --Include n\tAdd n to the search path
-f n, --subdomainfs n\tSet location of apparmor filesystem
-m n, --match-string n  Use only features n
-M n, --features-file n Set compile & kernel features to file n
--policy-features n     Policy features set in file n
--override-policy-abi n     As policy-features but override ABI rules
--kernel-features n     Kernel features set in file n
-n n, --namespace n\tSet Namespace for the profile
-X, --readimpliesX\tMap profile read permissions to mr
-k, --show-cache\tReport cache hit/miss details
-K, --skip-cache\tDo not attempt to load or save cached profiles
-T, --skip-read-cache\tDo not attempt to load cached profiles
-W, --write-cache\tSave cached profile (force with -T)
    --skip-bad-cache\tDon't clear cache if out of sync
    --purge-cache\tClear cache regardless of its state
    --debug-cache       Debug cache file checks
    --print-cache-dir\tPrint the cache directory path
-L, --cache-loc n\tSet the location of the profile caches
-q, --quiet\t\tDon't emit warnings
-v, --verbose\t\tShow profile names as they load
-Q, --skip-kernel-load\tDo everything except loading into kernel
-V, --version\t\tDisplay version info and exit
-d [n], --debug \tDebug apparmor definitions OR [n]
-p, --preprocess\tDump preprocessed profile
-D [n], --dump\t\tDump internal info for debugging
-O [n], --Optimize\tControl dfa optimizations
-h [cmd], --help[=cmd]  Display this text or info about cmd
-j n, --jobs n\t\tSet the number of compile threads
--max-jobs n\t\tHard cap on --jobs. Default 8*cpus
--abort-on-error\tAbort processing of profiles on first error
--skip-bad-cache-rebuild Do not try rebuilding the cache if it is rejected by the kernel
--config-file n\t\tSpecify the parser config file location, processed early before other options.
--print-config\t\tPrint config file location
--warn n\t\tEnable warnings (see --help=warn)
--Werror [n]\t\tConvert warnings to errors. If n is specified turn warn n into an error
`;

const GETOPT: GetoptSpec = {
  short: 'aBCdhkKNpqQrRSTvVWXb:D:f:I:j:L:m:M:n:o:O:',
  long: {
    add: { key: 'a' }, replace: { key: 'r' }, remove: { key: 'R' }, Complain: { key: 'C' }, binary: { key: 'B' },
    names: { key: 'N' }, stdout: { key: 'S' }, ofile: { key: 'o', argument: 'required' }, base: { key: 'b', argument: 'required' },
    Include: { key: 'I', argument: 'required' }, subdomainfs: { key: 'f', argument: 'required' },
    'match-string': { key: 'm', argument: 'required' }, 'features-file': { key: 'M', argument: 'required' },
    'policy-features': { key: 'policy-features', argument: 'required' }, 'override-policy-abi': { key: 'override-policy-abi', argument: 'required' },
    'kernel-features': { key: 'kernel-features', argument: 'required' }, namespace: { key: 'n', argument: 'required' },
    readimpliesX: { key: 'X' }, 'show-cache': { key: 'k' }, 'skip-cache': { key: 'K' }, 'skip-read-cache': { key: 'T' },
    'write-cache': { key: 'W' }, 'skip-bad-cache': { key: 'skip-bad-cache' }, 'purge-cache': { key: 'purge-cache' },
    'debug-cache': { key: 'debug-cache' }, 'print-cache-dir': { key: 'print-cache-dir' }, 'cache-loc': { key: 'L', argument: 'required' },
    quiet: { key: 'q' }, verbose: { key: 'v' }, 'skip-kernel-load': { key: 'Q' }, version: { key: 'V' }, debug: { key: 'd', argument: 'optional' },
    preprocess: { key: 'p' }, dump: { key: 'D', argument: 'optional' }, Optimize: { key: 'O', argument: 'optional' },
    help: { key: 'h', argument: 'optional' }, jobs: { key: 'j', argument: 'required' }, 'max-jobs': { key: 'max-jobs', argument: 'required' },
    'abort-on-error': { key: 'abort-on-error' }, 'skip-bad-cache-rebuild': { key: 'skip-bad-cache-rebuild' },
    'config-file': { key: 'config-file', argument: 'required' }, 'print-config': { key: 'print-config' },
    warn: { key: 'warn', argument: 'required' }, Werror: { key: 'Werror', argument: 'optional' },
  },
};

/** The policy files named on the command line, or stdin. */
type Input = { file: string | undefined; text: string };

type Mode = { action: 'add' | 'replace' | 'remove'; isComplain: boolean; isKernelLoad: boolean; isVerbose: boolean; isNames: boolean; includeDirs: string[] };

/** Reads the operands: a missing file is skipped with the parser's message; a directory gives its files. */
function readInputs(invocation: Invocation, operands: readonly string[], out: { stderr: string; status: number }): Input[] {
  const { proc } = invocation;
  if (operands.length === 0) return [{ file: undefined, text: invocation.context.stdin }];
  const inputs: Input[] = [];
  for (const operand of operands) {
    const stat = proc.stat(operand);
    if (!stat.ok) {
      out.stderr += `File ${operand} not found, skipping...\n`;
      out.status = 2;
      continue;
    }
    if (stat.value.type === 'dir') {
      // as parser_main.c profile_dir_cb: the directory's regular files, skipping subdirectories and dotfiles
      const names = proc.readdir(operand);
      for (const name of names.ok ? names.value : []) {
        const path = `${operand.replace(/\/+$/, '')}/${name}`;
        const entry = proc.stat(path);
        if (name.startsWith('.') || !entry.ok || entry.value.type !== 'file') continue;
        const text = proc.readFile(path);
        if (text.ok) inputs.push({ file: path, text: text.value });
      }
      continue;
    }
    const text = proc.readFile(operand);
    if (text.ok) inputs.push({ file: operand, text: text.value });
    else {
      out.stderr += `Error: Could not read profile ${operand}: ${text.errno === 'EACCES' ? 'Permission denied' : 'No such file or directory'}.\n`;
      out.status = 1;
    }
  }
  return inputs;
}

const VERB = { add: ['add', 'Addition'], replace: ['replace', 'Replacement'], remove: ['remove', 'Removal'] } as const;

function kernelError(errno: string): string {
  if (errno === 'EEXIST') return 'Profile already exists';
  if (errno === 'ENOENT') return "Profile doesn't exist";
  if (errno === 'EACCES') return 'Permission denied; attempted to load a profile while confined?';
  return `Unknown error (${errno})`;
}

/** The node's files as the engine's include reader, through the calling process (its permissions and cwd). */
function processReader(invocation: Invocation): IncludeReader {
  const { proc } = invocation;
  return {
    readFile: (path) => {
      const stat = proc.stat(path);
      if (!stat.ok || stat.value.type !== 'file') return undefined;
      const text = proc.readFile(path);
      return text.ok ? text.value : undefined;
    },
    listDir: (path) => {
      const names = proc.readdir(path);
      return names.ok ? [...names.value] : undefined;
    },
  };
}

/**
 * `-p`: the policy with its includes expanded on stdout. As 3.0.8, an include that cannot be opened cuts the
 * echo short after its `##included` marker; a parse error is reported as without `-p`.
 */
function preprocessInput(invocation: Invocation, input: Input, mode: Mode, out: { stdout: string; stderr: string; status: number }): void {
  const reader = processReader(invocation);
  const searchDirs = [...mode.includeDirs, '/etc/apparmor.d'];
  const fileName = input.file ?? '';
  const result = preprocessPolicy(input.text, { reader, searchDirs, cwd: invocation.proc.cwd });
  if (result.error) {
    // as 3.0.8: a file names itself, or the included file the error is in, as the profile; stdin names nothing
    const where = fileName === '' ? '' : ` for ${fileName} in profile ${result.error.file ?? fileName}`;
    out.stdout += result.output;
    out.stderr += `AppArmor parser error${where} at line ${result.error.line}: ${result.error.message}\n`;
    out.status = 1;
    return;
  }
  const checked = checkPolicy(input.text, { reader, includeDirs: mode.includeDirs, fileName, text: input.text });
  const error = checked.diagnostics.find((d) => d.severity === 'error');
  if (error) {
    // as 3.0.8: the echo up to the token the error was found at (an error inside an include: not modelled)
    if (error.file === undefined || error.file === fileName) {
      const stopAt = error.range[1];
      out.stdout += preprocessPolicy(input.text, { reader, searchDirs, cwd: invocation.proc.cwd, stopAt }).output;
    }
    out.stderr += `${formatParserError(error, { fileName })}\n`;
    out.status = 1;
    return;
  }
  out.stdout += result.output;
}

/** Compiles (and loads, replaces or removes) one input, appending the parser's messages. */
function processInput(invocation: Invocation, input: Input, mode: Mode, out: { stdout: string; stderr: string; status: number }): void {
  const argv0 = invocation.argv[0] ?? 'apparmor_parser';
  const loading = mode.action !== 'remove' && mode.isKernelLoad && !mode.isNames;
  const outcome = invocation.proc.loadPolicy(input.text, input.file ?? '', {
    action: mode.action === 'replace' ? 'replace' : 'add', isComplain: mode.isComplain, isKernelLoad: loading, includeDirs: mode.includeDirs,
  });
  if (!outcome.accepted) {
    out.stderr += outcome.stderr;
    out.status = 1;
    return;
  }
  if (mode.isNames) {
    out.stdout += outcome.profiles.map((p) => `${p.name}\n`).join('');
    return;
  }
  const [verb, noun] = VERB[mode.action];
  for (const profile of outcome.profiles.filter((p) => !p.name.includes('//'))) {
    let errno = profile.errno;
    if (mode.action === 'remove' && mode.isKernelLoad) {
      const removed = invocation.proc.removeProfile(profile.name);
      errno = removed.ok ? undefined : removed.errno;
    }
    if (errno !== undefined) {
      out.stderr += `${argv0}: Unable to ${verb} "${profile.name}".  ${kernelError(errno)}\n`;
      out.status = 1;
      // as parser_main.c: the first kernel error ends this file
      return;
    }
    if (mode.isVerbose) out.stdout += `${noun} succeeded for "${profile.name}".\n`;
  }
}

function run(invocation: Invocation): CommandResult {
  const argv0 = invocation.argv[0] ?? 'apparmor_parser';
  const parsed = getopt(invocation.argv.slice(1), GETOPT);
  // apparmor_parser runs getopt twice (once for --config-file, once for real), so errors print twice
  if (!parsed.ok) return { stdout: '', stderr: `${argv0}: ${parsed.message}\n`.repeat(2), exitCode: 1 };
  const has = (key: string): boolean => parsed.options.some((o) => o.key === key);
  if (has('h')) return { stdout: `${VERSION}\nUsage: ${argv0} [options] [profile]\n\nOptions:\n--------\n${OPTIONS_TEXT}`, stderr: '', exitCode: 0 };
  if (has('V')) return { stdout: VERSION, stderr: '', exitCode: 0 };
  // as parser_main.c: -p is an action too (with -a, -r or -R it is one too many)
  const actions = parsed.options.filter((o) => o.key === 'a' || o.key === 'r' || o.key === 'R' || o.key === 'p');
  if (new Set(actions.map((o) => o.key)).size > 1) {
    return { stdout: '', stderr: `${argv0}: Too many actions given on the command line.\n`, exitCode: 1 };
  }
  const isPreprocess = has('p');
  const action = actions[0]?.key === 'r' ? 'replace' : actions[0]?.key === 'R' ? 'remove' : 'add';
  const mode: Mode = {
    action, isComplain: has('C'), isKernelLoad: !has('Q'), isVerbose: has('v'), isNames: has('N'),
    includeDirs: parsed.options.filter((o) => o.key === 'I' && o.value !== undefined).map((o) => invocation.proc.resolve(o.value ?? '')),
  };
  if (mode.isKernelLoad && !mode.isNames && !isPreprocess && invocation.proc.uid !== 0) {
    return { stdout: '', stderr: `${argv0}: Sorry. You need root privileges to run this program.\n\n`, exitCode: 1 };
  }
  const out = { stdout: '', stderr: '', status: 0 };
  for (const input of readInputs(invocation, parsed.operands, out)) {
    if (isPreprocess) preprocessInput(invocation, input, mode, out);
    else processInput(invocation, input, mode, out);
  }
  return { stdout: out.stdout, stderr: out.stderr, exitCode: out.status };
}

/** `apparmor_parser`. */
export const apparmorParserCommand: CommandSpec = {
  name: 'apparmor_parser',
  summary: 'load, replace or remove AppArmor profiles in the kernel',
  usage: 'apparmor_parser [options] [profile]',
  directory: '/usr/sbin',
  help: 'own',
  options: [
    { flag: '-a, --add', summary: 'Add apparmor definitions [default]' },
    { flag: '-r, --replace', summary: 'Replace apparmor definitions' },
    { flag: '-R, --remove', summary: 'Remove apparmor definitions' },
    { flag: '-C, --Complain', summary: 'Force the profile into complain mode' },
    { flag: '-N, --names', summary: 'Dump names of profiles in input.' },
    { flag: '-I, --Include', summary: 'Add n to the search path', takesValue: true },
    { flag: '-K, --skip-cache', summary: 'Do not attempt to load or save cached profiles' },
    { flag: '-T, --skip-read-cache', summary: 'Do not attempt to load cached profiles' },
    { flag: '-W, --write-cache', summary: 'Save cached profile (force with -T)' },
    { flag: '-q, --quiet', summary: "Don't emit warnings" },
    { flag: '-v, --verbose', summary: 'Show profile names as they load' },
    { flag: '-Q, --skip-kernel-load', summary: 'Do everything except loading into kernel' },
    { flag: '-p, --preprocess', summary: 'Dump preprocessed profile' },
    { flag: '-V, --version', summary: 'Display version info and exit' },
    { flag: '-h, --help', summary: 'Display this text or info about cmd' },
  ],
  run,
};
