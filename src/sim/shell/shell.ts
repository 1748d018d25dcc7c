// The shell facade the terminal talks to: createShell(host, options) → run(text), isComplete(text),
// env, cwd, prompt. One instance is one login shell on the simulated node; it never throws.
import type { CommandResult, ShellHost } from './host.ts';
import { Interpreter } from './interpreter.ts';
import { OutputBuffer, OutputLimitExceeded, type OutputChunk, type Sink } from './io.ts';
import { expandHistory } from './history.ts';
import { isComplete } from './parser.ts';
import { ExitSignal, LimitSignal } from './signals.ts';
import { exportedEnv, getVar, type ShellState } from './state.ts';

/** How the shell is started. */
export type ShellOptions = {
  /** `bash` (default) or `sh` (dash: `sh: 1: foo: not found`). */
  flavour?: 'bash' | 'sh';
  /** Interactive shells omit line numbers in errors and print `exit` on exit (default true). */
  isInteractive?: boolean;
  /** Initial exported environment; HOME, USER, PATH, PWD, SHELL get defaults from the host. */
  env?: Readonly<Record<string, string>>;
  /** `$0` and the error prefix (default: the flavour, `bash` or `sh`). */
  argv0?: string;
  /** Starting directory (default: the host's home). */
  cwd?: string;
  /** Aliases defined at start (what `~/.bashrc` would set, e.g. `{ k: 'kubectl' }` on exam nodes). */
  aliases?: Readonly<Record<string, string>>;
  /** History loaded at start (bash reads `$HISTFILE`, `~/.bash_history`), oldest first. */
  history?: readonly string[];
  /** Safety caps per `run`: commands executed, characters of output, nesting depth. */
  limits?: Partial<{ maxSteps: number; maxOutput: number; maxDepth: number }>;
};

/** A run's result: the usual CommandResult plus stdout/stderr interleaved in write order. */
export type ShellResult = CommandResult & { output: OutputChunk[] };

/** One shell session. */
export type Shell = {
  /** Runs typed text (one or more lines). Never throws. */
  run(text: string): ShellResult;
  /** False while bash would print the `> ` continuation prompt. */
  isComplete(text: string): boolean;
  /** The exported environment. */
  readonly env: Readonly<Record<string, string>>;
  /** The working directory. */
  readonly cwd: string;
  /** `$?` of the last run. */
  readonly lastStatus: number;
  /** True once `exit` ran; later runs do nothing. */
  readonly hasExited: boolean;
  /** The lines entered so far (interactive bash), oldest first — what bash writes to `~/.bash_history`. */
  readonly history: readonly string[];
  /** A variable's value (element 0 for arrays), or undefined. */
  getVar(name: string): string | undefined;
  /** The primary prompt, as Debian's default PS1 (`root@node01:~# `) or dash's (`# `). */
  prompt(): string;
};

/** Per-run caps: 20,000 commands stop a `while true` in about 0.1 s; 1 MB of output; 64 nested shells. */
export const DEFAULT_LIMITS = { maxSteps: 20_000, maxOutput: 1_000_000, maxDepth: 64 };
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function initialState(host: ShellHost, options: ShellOptions): ShellState {
  const flavour = options.flavour ?? 'bash';
  const cwd = options.cwd ?? host.home;
  const env: Record<string, string> = {
    HOME: host.home, USER: host.user, LOGNAME: host.user, PATH: DEFAULT_PATH, PWD: cwd,
    SHELL: flavour === 'bash' ? '/bin/bash' : '/bin/sh', ...options.env,
  };
  // bash counts nesting in SHLVL (1 for a login shell); dash leaves it alone
  if (flavour === 'bash') env.SHLVL = String((Number(options.env?.SHLVL ?? 0) || 0) + 1);
  const vars: ShellState['vars'] = new Map();
  for (const [name, value] of Object.entries(env)) vars.set(name, { value: [value], isArray: false, isExported: true });
  vars.set('HOSTNAME', { value: [host.hostname], isArray: false, isExported: false });
  return {
    vars, functions: new Map(), cwd, positional: [], status: 0, isErrexit: false, isNounset: false, history: [...(options.history ?? [])],
    aliases: new Map(Object.entries(options.aliases ?? {})),
    dialect: { flavour, argv0: options.argv0 ?? flavour, isInteractive: options.isInteractive ?? true },
  };
}

/** Turns what stopped a run into the status and the message the terminal shows. */
function stopped(e: unknown, state: ShellState, buffer: OutputBuffer): boolean {
  const prefix = `${state.dialect.argv0}: `;
  if (e instanceof ExitSignal) {
    state.status = e.status;
    return true;
  }
  const message = e instanceof LimitSignal
    ? `${prefix}${e.message}\n`
    : e instanceof OutputLimitExceeded
      ? `\n${prefix}output stopped after ${e.limit} characters (does a loop never end?)\n`
      : `${prefix}simulator error: ${e instanceof Error ? e.message : String(e)}\n`;
  buffer.chunks.push({ fd: 2, text: message });
  state.status = 1;
  return false;
}

/** Interactive bash's history step: the line to run, or the error that replaces running it. */
function historyStep(text: string, state: ShellState, buffer: OutputBuffer): string | undefined {
  if (state.dialect.flavour !== 'bash' || !state.dialect.isInteractive) return text;
  const expansion = expandHistory(text, state.history);
  if (expansion.kind === 'error') {
    buffer.chunks.push({ fd: 2, text: `${state.dialect.argv0}: ${expansion.message}\n` });
    return undefined;
  }
  const source = expansion.kind === 'expanded' ? expansion.text : text;
  // bash echoes an expanded line before running it
  if (expansion.kind === 'expanded') buffer.chunks.push({ fd: 2, text: `${source}\n` });
  if (source.trim() !== '') state.history.push(source);
  return source;
}

/** The Debian default PS1 (`\u@\h:\w\$ `) for bash, `# ` or `$ ` for dash. */
function promptOf(state: ShellState, host: ShellHost): string {
  const isRoot = host.user === 'root';
  if (state.dialect.flavour === 'sh') return isRoot ? '# ' : '$ ';
  const home = getVar(state, 'HOME') ?? host.home;
  const dir = state.cwd === home ? '~' : state.cwd.startsWith(`${home}/`) ? `~${state.cwd.slice(home.length)}` : state.cwd;
  return `${host.user}@${host.hostname}:${dir}${isRoot ? '#' : '$'} `;
}

/**
 * Creates a shell session on a host.
 * @param host the node's files, commands and identity
 * @param options flavour, interactivity, environment, limits
 * @returns the session
 * @example createShell(host).run('x=1; echo $x').stdout // '1\n' (with an `echo` command on the host)
 */
export function createShell(host: ShellHost, options: ShellOptions = {}): Shell {
  const state = initialState(host, options);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  let hasExited = false;
  const run = (text: string): ShellResult => {
    const buffer = new OutputBuffer(limits.maxOutput);
    if (hasExited) return { stdout: '', stderr: '', exitCode: state.status, output: [] };
    const out = new Map<number, Sink>([[1, { kind: 'buffer', buffer, fd: 1 }], [2, { kind: 'buffer', buffer, fd: 2 }]]);
    const source = historyStep(text, state, buffer);
    try {
      if (source !== undefined) new Interpreter(state, host, { steps: 0, ...limits }, 0).runSource(source, { stdin: { text: '' }, out });
    } catch (e) {
      hasExited = stopped(e, state, buffer);
    }
    if (state.dialect.flavour === 'sh') state.dialect.lineOffset = (state.dialect.lineOffset ?? 0) + text.split('\n').length;
    return { stdout: buffer.text(1), stderr: buffer.text(2), exitCode: state.status, output: buffer.chunks };
  };
  return {
    run,
    isComplete: (text) => isComplete(text, state.dialect.flavour === 'bash'),
    get env() {
      return exportedEnv(state);
    },
    get cwd() {
      return state.cwd;
    },
    get lastStatus() {
      return state.status;
    },
    get hasExited() {
      return hasExited;
    },
    get history() {
      return [...state.history];
    },
    getVar: (name) => getVar(state, name),
    prompt: () => promptOf(state, host),
  };
}
