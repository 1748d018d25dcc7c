// The shells' own `kill`: kill(2) from the shell process itself (AppArmor's signal rules judge the shell's
// label, not a /usr/bin/kill), with bash's (builtins/kill.def) or dash's (bltin jobs.c killcmd) options and messages.
import type { BuiltinContext } from './builtins.ts';
import { STRERROR } from './messages.ts';

/** Linux x86-64 signal names by number (1–31); 32 and 33 belong to glibc, 34–64 are real-time. */
const NAMES = [
  '', 'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM',
  'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS',
];

/**
 * The name of a signal number as the shells print it (`RTMIN+3`, `RTMAX-1`), or undefined.
 * @param n a signal number
 * @returns the name without `SIG`
 * @example signalNameOf(36) // → 'RTMIN+2'
 */
export function signalNameOf(n: number): string | undefined {
  if (n >= 1 && n <= 31) return NAMES[n];
  if (n >= 34 && n <= 49) return n === 34 ? 'RTMIN' : `RTMIN+${n - 34}`;
  if (n >= 50 && n <= 64) return n === 64 ? 'RTMAX' : `RTMAX-${64 - n}`;
  return undefined;
}

/** dash's name of 1–64: its table has no STKFLT, and glibc's 32 and 33 are numbers there too. */
function dashName(n: number): string {
  return n === 16 ? '16' : signalNameOf(n) ?? String(n);
}

/** A signal spec (`9`, `KILL`, bash also `sigkill`/`SIGKILL`) → its number, or undefined. */
function signalNumber(spec: string, flavour: 'bash' | 'sh'): number | undefined {
  if (/^\d+$/.test(spec)) return Number(spec) <= 64 ? Number(spec) : undefined;
  const name = flavour === 'bash' ? spec.toUpperCase().replace(/^SIG/, '') : spec;
  for (let n = 1; n <= 64; n++) if (signalNameOf(n) === name) return n;
  return undefined;
}

/** `kill -l`: bash's five-column table or dash's one name per line (numbers for unnamed ones). */
function listSignals(ctx: BuiltinContext, specs: readonly string[]): number {
  const flavour = ctx.state.dialect.flavour;
  if (specs.length === 0) {
    if (flavour === 'sh') {
      const lines = Array.from({ length: 65 }, (_, n) => (n === 0 ? '0' : dashName(n)));
      return ctx.out(`${lines.join('\n')}\n`), 0;
    }
    const cells = Array.from({ length: 64 }, (_, k) => k + 1).filter((n) => signalNameOf(n) !== undefined).map((n) => `${String(n).padStart(2)}) SIG${signalNameOf(n)}`);
    const rows: string[] = [];
    for (let k = 0; k < cells.length; k += 5) rows.push(`${cells.slice(k, k + 5).join('\t')}${k + 5 >= cells.length ? '\t' : ''}`);
    return ctx.out(`${rows.join('\n')}\n`), 0;
  }
  let status = 0;
  // dash's killcmd names only its first operand
  for (const spec of flavour === 'sh' ? specs.slice(0, 1) : specs) {
    if (/^\d+$/.test(spec)) {
      // an exit status names the signal that caused it (143 → TERM)
      const number = Number(spec) > 128 ? Number(spec) - 128 : Number(spec);
      // bash says EXIT for 0 and nothing for glibc's 32 and 33; dash names 1–64 from its own table
      if (flavour === 'bash' && (number === 32 || number === 33)) continue;
      const name = flavour === 'bash' ? (number === 0 ? 'EXIT' : signalNameOf(number)) : number >= 1 && number <= 64 ? dashName(number) : undefined;
      if (name !== undefined) ctx.out(`${name}\n`);
      else if (flavour === 'bash') (ctx.err(`${ctx.prefix}kill: ${spec}: invalid signal specification\n`), (status = 1));
      else (ctx.err(`${ctx.prefix}kill: invalid signal number or exit status: ${spec}\n`), (status = 2));
      continue;
    }
    const n = signalNumber(spec, flavour);
    if (flavour === 'sh') return ctx.err(`${ctx.prefix}kill: Illegal number: ${spec}\n`), 2;
    else if (n === undefined) (ctx.err(`${ctx.prefix}kill: ${spec}: invalid signal specification\n`), (status = 1));
    else ctx.out(`${n}\n`);
  }
  return status;
}

/** The options before the pids: the signal, `-l`, or an exit status after a message. */
function parseKill(ctx: BuiltinContext): { signal: number; pids: string[] } | { list: string[] } | number {
  const bash = ctx.state.dialect.flavour === 'bash';
  const args = ctx.argv.slice(1);
  const usage = bash
    ? 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n'
    : `${ctx.prefix}kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n`;
  let signal = 15;
  const first = args[0];
  if (first === '-l' || first === '-L') return { list: args.slice(1) };
  if (first === '-s' || (bash && first === '-n')) {
    const spec = args[1];
    if (spec === undefined) return ctx.err(bash ? `${ctx.prefix}kill: ${first}: option requires an argument\n` : `${ctx.prefix}kill: No arg for -s option\n`), bash ? 1 : 2;
    const n = signalNumber(spec, bash ? 'bash' : 'sh');
    if (n === undefined) return ctx.err(bash ? `${ctx.prefix}kill: ${spec}: invalid signal specification\n` : `${ctx.prefix}kill: invalid signal number or name: ${spec}\n`), bash ? 1 : 2;
    signal = n;
    args.splice(0, 2);
  } else if (first !== undefined && first !== '--' && /^-./.test(first)) {
    const n = signalNumber(first.slice(1), bash ? 'bash' : 'sh');
    if (n === undefined) return ctx.err(bash ? `${ctx.prefix}kill: ${first.slice(1)}: invalid signal specification\n` : `${ctx.prefix}kill: Illegal option ${first.slice(0, 2)}\n`), bash ? 1 : 2;
    signal = n;
    args.shift();
  }
  if (args[0] === '--') args.shift();
  if (args.length === 0) return ctx.err(usage), 2;
  return { signal, pids: args };
}

/**
 * The `kill` builtin.
 * @param ctx the builtin's context
 * @returns the exit status
 */
export function killBuiltin(ctx: BuiltinContext): number {
  const bash = ctx.state.dialect.flavour === 'bash';
  const parsed = parseKill(ctx);
  if (typeof parsed === 'number') return parsed;
  if ('list' in parsed) return listSignals(ctx, parsed.list);
  let status = 0;
  for (const arg of parsed.pids) {
    if (!/^-?\d+$/.test(arg)) {
      if (!bash) return ctx.err(`${ctx.prefix}kill: Illegal number: ${arg}\n`), 2;
      ctx.err(`${ctx.prefix}kill: ${arg}: ${arg.startsWith('%') ? 'no such job' : 'arguments must be process or job IDs'}\n`);
      status = 1;
      continue;
    }
    const errno = ctx.host.kill === undefined ? 'ESRCH' : ctx.host.kill(Number(arg), parsed.signal);
    if (errno === undefined) continue;
    // dash prints strerror and an empty line (its sh_warnx of "%s\n"), bash names the pid
    ctx.err(bash ? `${ctx.prefix}kill: (${arg}) - ${STRERROR[errno]}\n` : `${ctx.prefix}kill: ${STRERROR[errno]}\n\n`);
    status = 1;
  }
  return status;
}
