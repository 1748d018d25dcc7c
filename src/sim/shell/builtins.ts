// The builtins the shell implements itself (cd, pwd, exit, export, unset, set, test/[, true, false,
// :, break, continue, return, shift, read, eval, source, echo, printf, kill). Commands like cat live in the registry;
// `/usr/bin/echo` and `env printf` still run the registry's programs.
import { aliasBuiltin, unaliasBuiltin } from './alias.ts';
import { echoBuiltin } from './echo-builtin.ts';
import { killBuiltin } from './kill-builtin.ts';
import { scanBuiltinOptions } from './builtin-options.ts';
import { printfBuiltin } from './printf-builtin.ts';
import type { ShellHost } from './host.ts';
import type { Input } from './io.ts';
import { STRERROR } from './messages.ts';
import { ExitSignal, LoopSignal, ReturnSignal } from './signals.ts';
import { getVar, resolvePath, setVar, type ShellState } from './state.ts';
import { runTest } from './test-command.ts';

/** What a builtin sees. `prefix` is the dialect's error prefix ("bash: ", "bash: line 2: ", "sh: 1: "). */
export type BuiltinContext = {
  argv: readonly string[];
  stdin: Input;
  state: ShellState;
  host: ShellHost;
  /** Reads a file, seeing process-substitution files (`source <(kubectl completion bash)`). */
  readFile: ShellHost['readFile'];
  prefix: string;
  loopDepth: number;
  functionDepth: number;
  /** False inside subshells, `$( )` and pipeline stages (only the top shell says "exit"). */
  isTopLevel: boolean;
  out(text: string): void;
  err(text: string): void;
  /** Runs source text in this shell (eval, source). */
  runSource(source: string): number;
};

/** A builtin returns its exit status; control flow (exit, break) is thrown as signals. */
export type Builtin = (ctx: BuiltinContext) => number;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function cd(ctx: BuiltinContext): number {
  const { state, host } = ctx;
  const args = ctx.argv.slice(1).filter((a, k) => !(k === 0 && (a === '-L' || a === '-P' || a === '--')));
  if (args.length > 1 && state.dialect.flavour === 'bash') return ctx.err(`${ctx.prefix}cd: too many arguments\n`), 1;
  let target = args[0];
  if (target === undefined || target === '') {
    target = getVar(state, 'HOME');
    if (target === undefined) return ctx.err(`${ctx.prefix}cd: HOME not set\n`), 1;
  }
  const isDash = target === '-';
  if (isDash) {
    target = getVar(state, 'OLDPWD');
    if (target === undefined) return ctx.err(`${ctx.prefix}cd: OLDPWD not set\n`), 1;
  }
  const path = resolvePath(state.cwd, target);
  const st = host.stat(path);
  const errno = typeof st === 'string' ? st : st.type !== 'directory' ? 'ENOTDIR' : host.access(path, 'x');
  if (errno !== undefined) {
    if (state.dialect.flavour === 'sh') return ctx.err(`${ctx.prefix}cd: can't cd to ${target}\n`), 2;
    return ctx.err(`${ctx.prefix}cd: ${target}: ${STRERROR[errno]}\n`), 1;
  }
  setVar(state, 'OLDPWD', state.cwd);
  state.cwd = path;
  setVar(state, 'PWD', path);
  if (isDash) ctx.out(`${path}\n`);
  return 0;
}

function exit(ctx: BuiltinContext): number {
  const { state } = ctx;
  if (state.dialect.isInteractive && state.dialect.flavour === 'bash' && ctx.isTopLevel) ctx.err('exit\n');
  const arg = ctx.argv[1];
  if (arg === undefined) throw new ExitSignal(state.status);
  if (!/^\s*[-+]?\d+\s*$/.test(arg)) {
    const message = state.dialect.flavour === 'sh' ? `exit: Illegal number: ${arg}` : `exit: ${arg}: numeric argument required`;
    ctx.err(`${ctx.prefix}${message}\n`);
    throw new ExitSignal(2);
  }
  if (ctx.argv.length > 2 && state.dialect.flavour === 'bash') {
    ctx.err(`${ctx.prefix}exit: too many arguments\n`);
    // bash 5.2 stays alive only when interactive; a script ends with status 1.
    if (state.dialect.isInteractive) return 1;
    throw new ExitSignal(1);
  }
  throw new ExitSignal(((Number(arg) % 256) + 256) % 256);
}

/** Quotes a value as `declare -p` does. */
function declareQuote(value: string): string {
  return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

function exportBuiltin(ctx: BuiltinContext): number {
  const { state } = ctx;
  const args = ctx.argv.slice(ctx.argv[1] === '--' ? 2 : 1);
  if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
    const names = [...state.vars.keys()].sort();
    for (const name of names) {
      const v = state.vars.get(name);
      if (v === undefined || !v.isExported) continue;
      const value = v.value[0];
      const shown = state.dialect.flavour === 'sh' ? `export ${name}${value === undefined ? '' : `='${value.replace(/'/g, "'\\''")}'`}` : `declare -x ${name}${value === undefined ? '' : `=${declareQuote(value)}`}`;
      ctx.out(`${shown}\n`);
    }
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      ctx.err(state.dialect.flavour === 'sh' ? `${ctx.prefix}export: ${arg}: bad variable name\n` : `${ctx.prefix}export: \`${arg}': not a valid identifier\n`);
      status = 1;
      continue;
    }
    if (eq >= 0) setVar(state, name, arg.slice(eq + 1));
    const v = state.vars.get(name);
    if (v !== undefined) v.isExported = true;
    else state.vars.set(name, { value: [], isArray: false, isExported: true });
  }
  return status;
}

function unset(ctx: BuiltinContext): number {
  const { state } = ctx;
  let isFunction = false;
  for (const arg of ctx.argv.slice(1)) {
    if (arg === '-f' || arg === '-v') {
      isFunction = arg === '-f';
      continue;
    }
    const element = /^([A-Za-z_][A-Za-z0-9_]*)\[(-?\d+)\]$/.exec(arg);
    if (element !== null) {
      const v = state.vars.get(element[1] as string);
      if (v !== undefined) {
        const given = Number(element[2]);
        const at = given < 0 ? v.value.length + given : given;
        if (at >= 0 && at < v.value.length) v.value[at] = undefined;
      }
    } else if (!NAME.test(arg)) {
      continue;
    } else if (isFunction) state.functions.delete(arg);
    else if (state.vars.has(arg)) state.vars.delete(arg);
    else state.functions.delete(arg);
  }
  return 0;
}

function set(ctx: BuiltinContext): number {
  const { state } = ctx;
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    for (const name of [...state.vars.keys()].sort()) {
      const v = state.vars.get(name);
      if (v === undefined) continue;
      if (v.isArray) ctx.out(`${name}=(${v.value.map((x, k) => (x === undefined ? '' : `[${k}]=${declareQuote(x)}`)).filter(Boolean).join(' ')})\n`);
      else if (v.value[0] !== undefined) ctx.out(`${name}=${/^[\w./:@%+,-]*$/.test(v.value[0]) ? v.value[0] : `'${v.value[0].replace(/'/g, "'\\''")}'`}\n`);
    }
    return 0;
  }
  const options: Record<string, (on: boolean) => void> = {
    errexit: (on) => (state.isErrexit = on),
    nounset: (on) => (state.isNounset = on),
    pipefail: (on) => (state.isPipefail = on),
  };
  const ignored = new Set(['xtrace', 'verbose', 'noglob', 'noclobber', 'braceexpand', 'histexpand', 'monitor', 'hashall', 'notify', 'noexec', 'posix', 'vi', 'emacs', 'ignoreeof', 'allexport']);
  for (let k = 0; k < args.length; k++) {
    const arg = args[k] as string;
    if (arg === '--') {
      state.positional = args.slice(k + 1);
      return 0;
    }
    const isOn = arg.startsWith('-');
    if (!isOn && !arg.startsWith('+')) {
      state.positional = args.slice(k);
      return 0;
    }
    for (const flag of arg.slice(1)) {
      if (flag === 'o') {
        const name = args[++k] ?? '';
        const apply = options[name];
        if (apply !== undefined) apply(isOn);
        else if (!ignored.has(name)) return ctx.err(`${ctx.prefix}set: ${name}: invalid option name\n`), 2;
      } else if (flag === 'e') state.isErrexit = isOn;
      else if (flag === 'u') state.isNounset = isOn;
      else if (!'abfhkmnptvxBCEHPT'.includes(flag)) {
        ctx.err(`${ctx.prefix}set: ${arg[0]}${flag}: invalid option\n`);
        ctx.err('set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n');
        return 2;
      }
    }
  }
  return 0;
}

function loopControl(ctx: BuiltinContext, isContinue: boolean): number {
  const n = ctx.argv[1] === undefined ? 1 : Number(ctx.argv[1]);
  const name = isContinue ? 'continue' : 'break';
  if (!Number.isInteger(n) || n < 1) return ctx.err(`${ctx.prefix}${name}: ${ctx.argv[1] ?? ''}: loop count out of range\n`), 1;
  if (ctx.loopDepth === 0) {
    if (ctx.state.dialect.flavour === 'bash') ctx.err(`${ctx.prefix}${name}: only meaningful in a \`for', \`while', or \`until' loop\n`);
    return 0;
  }
  throw new LoopSignal(n, isContinue);
}

function read(ctx: BuiltinContext): number {
  const names: string[] = [];
  let isRaw = false;
  for (let k = 1; k < ctx.argv.length; k++) {
    const arg = ctx.argv[k] as string;
    if (arg === '-r') isRaw = true;
    else if (arg === '-p') k++;
    else names.push(arg);
  }
  const text = ctx.stdin.text;
  if (text === '') return 1;
  const eol = text.indexOf('\n');
  let line = eol < 0 ? text : text.slice(0, eol);
  ctx.stdin.text = eol < 0 ? '' : text.slice(eol + 1);
  if (!isRaw) line = line.replace(/\\(.)/g, '$1');
  const targets = names.length > 0 ? names : ['REPLY'];
  const words = targets.length === 1 ? [line.trim()] : line.trim().split(/[ \t]+/);
  targets.forEach((name, k) => setVar(ctx.state, name, k === targets.length - 1 ? words.slice(k).join(' ') : (words[k] ?? '')));
  return eol < 0 ? 1 : 0;
}

function source(ctx: BuiltinContext): number {
  const file = ctx.argv[1];
  if (file === undefined) return ctx.err(`${ctx.prefix}${ctx.argv[0] ?? '.'}: filename argument required\n`), 2;
  const text = ctx.readFile(resolvePath(ctx.state.cwd, file));
  if (typeof text === 'string') return ctx.err(`${ctx.prefix}${file}: ${STRERROR[text]}\n`), 1;
  if (ctx.argv.length <= 2) return ctx.runSource(text.content);
  const saved = ctx.state.positional;
  ctx.state.positional = ctx.argv.slice(2);
  try {
    return ctx.runSource(text.content);
  } finally {
    ctx.state.positional = saved;
  }
}

const HISTORY_USAGE = 'history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]';

/** The builtin table, by command name. */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['cd', cd],
  ['echo', echoBuiltin],
  ['printf', printfBuiltin],
  ['kill', killBuiltin],
  ['pwd', (ctx) => {
    const scanned = scanBuiltinOptions(ctx, 'LP', 'pwd [-LP]');
    if (typeof scanned === 'number') return scanned;
    ctx.out(`${ctx.state.cwd}\n`);
    return 0;
  }],
  ['exit', exit],
  ['export', exportBuiltin],
  ['unset', unset],
  ['set', set],
  ['true', () => 0],
  ['false', () => 1],
  [':', () => 0],
  ['break', (ctx) => loopControl(ctx, false)],
  ['continue', (ctx) => loopControl(ctx, true)],
  ['return', (ctx) => {
    if (ctx.functionDepth === 0) return ctx.err(`${ctx.prefix}return: can only \`return' from a function or sourced script\n`), 2;
    throw new ReturnSignal(ctx.argv[1] === undefined ? ctx.state.status : Number(ctx.argv[1]) & 255);
  }],
  ['shift', (ctx) => {
    const arg = ctx.argv[1];
    if (arg !== undefined && !/^\s*[-+]?\d+\s*$/.test(arg)) return ctx.err(`${ctx.prefix}shift: ${arg}: numeric argument required\n`), 1;
    if (ctx.argv.length > 2) {
      ctx.err(`${ctx.prefix}shift: too many arguments\n`);
      // a usage error of this special builtin ends a non-interactive bash, as exit's does
      if (ctx.state.dialect.isInteractive) return 1;
      throw new ExitSignal(1);
    }
    const n = arg === undefined ? 1 : Number(arg);
    if (n < 0) return ctx.err(`${ctx.prefix}shift: ${arg ?? ''}: shift count out of range\n`), 1;
    if (n > ctx.state.positional.length) return 1;
    ctx.state.positional = ctx.state.positional.slice(n);
    return 0;
  }],
  ['read', read],
  ['alias', aliasBuiltin],
  // completion specs only matter to the terminal's own completion; accepted as bash accepts them
  ['complete', () => 0],
  ['compopt', () => 0],
  ['unalias', unaliasBuiltin],
  ['history', (ctx) => {
    const scanned = scanBuiltinOptions(ctx, 'cd:anrwps', HISTORY_USAGE);
    if (typeof scanned === 'number') return scanned;
    const arg = ctx.argv[1];
    if (arg === '-c') {
      ctx.state.history.length = 0;
      return 0;
    }
    if (arg !== undefined && !/^\d+$/.test(arg)) return ctx.err(`${ctx.prefix}history: ${arg}: numeric argument required\n`), 1;
    const all = ctx.state.history.map((line, k) => `${String(k + 1).padStart(5)}  ${line}\n`);
    ctx.out((arg === undefined ? all : all.slice(-Number(arg) || all.length)).join(''));
    return 0;
  }],
  ['eval', (ctx) => ctx.runSource(ctx.argv.slice(1).join(' '))],
  ['source', source],
  ['.', source],
  ...(['test', '['] as const).map((name): [string, Builtin] => [name, (ctx) => {
    const { state, host } = ctx;
    const result = runTest(ctx.argv, {
      stat: (p) => (p === '' ? 'ENOENT' : host.stat(resolvePath(state.cwd, p))),
      access: (p, mode) => (p === '' ? 'ENOENT' : host.access(resolvePath(state.cwd, p), mode)),
      isVarSet: (v) => state.vars.has(v),
      flavour: state.dialect.flavour,
    });
    if (result.error !== undefined) ctx.err(`${ctx.prefix}${name}: ${result.error}\n`);
    return result.status;
  }]),
]);
