// The shells' own `printf`: it runs inside the shell process (no exec for AppArmor to refuse). Formatting is
// the registry's coreutils printf (same conversions); options and messages are bash's or dash's own.
import type { BuiltinContext } from './builtins.ts';
import { printfCommand } from './commands/printf.ts';
import type { Invocation } from './registry.ts';
import { setVar } from './state.ts';

const BASH_USAGE = 'printf: usage: printf [-v var] format [arguments]\n';

/** Undoes coreutils' quoting of an argument in a message (`'abc'` → `abc`). */
function unquote(text: string): string {
  return /^'[^']*'$|^"[^"]*"$/.test(text) ? text.slice(1, -1) : text;
}

/**
 * Rewrites one coreutils printf message in a shell's wording (as bash's printf.def and dash's bltin/printf.c).
 * @param line a coreutils message without its newline
 * @param flavour which shell
 * @returns the message without the shell's prefix (undefined: the shell prints nothing), and whether it ends the command with status 2 (dash)
 * @example shellMessage("printf: 'abc': expected a numeric value", 'bash') // → { text: 'printf: abc: invalid number', isFatal: false }
 */
export function shellMessage(line: string, flavour: 'bash' | 'sh'): { text: string; isFatal: boolean } | undefined {
  const numeric = /^printf: (.*): (expected a numeric value|value not completely converted|Numerical result out of range)$/.exec(line);
  if (numeric !== null) {
    const arg = unquote(numeric[1] ?? '');
    const why = numeric[2] ?? '';
    if (why.startsWith('Numerical')) return { text: `printf: ${flavour === 'bash' ? 'warning: ' : ''}${arg}: ${why}`, isFatal: false };
    const text = flavour === 'bash' ? 'invalid number' : why === 'expected a numeric value' ? 'expected numeric value' : 'not completely converted';
    return { text: `printf: ${arg}: ${text}`, isFatal: false };
  }
  const invalid = /^printf: (%.*): invalid conversion specification$/.exec(line);
  if (invalid !== null) {
    const directive = invalid[1] ?? '%';
    // dash knows no length modifiers: its directive ends at the first character after the precision
    if (flavour === 'sh') return { text: `printf: ${/^%[-+ #0]*[\d*]*(\.[\d*]*)?.?/s.exec(directive)?.[0] ?? directive}: invalid directive`, isFatal: true };
    // as bash's printf.def: flags, width, precision and the length modifiers (LENMODS "hjlLtz") are skipped first
    const character = directive.replace(/^%[-+ #0]*[\d*]*(\.[\d*]*)?[hjlLtz]*/, '').charAt(0);
    if (character === '') return { text: `printf: \`${directive}': missing format character`, isFatal: false };
    return { text: `printf: \`${character}': invalid format character`, isFatal: false };
  }
  return line.startsWith('printf: warning: ignoring excess arguments') ? undefined : { text: line, isFatal: false };
}

/** bash's `-v VAR` and option errors, dash's `Illegal option`; returns the operands or an exit status. */
function parseOptions(ctx: BuiltinContext): { args: string[]; target?: string } | number {
  const flavour = ctx.state.dialect.flavour;
  const args = ctx.argv.slice(1);
  let target: string | undefined;
  if (flavour === 'bash' && args[0] === '-v') {
    if (args[1] === undefined) return ctx.err(`${ctx.prefix}printf: -v: option requires an argument\n${BASH_USAGE}`), 2;
    target = args[1];
    args.splice(0, 2);
  }
  const option = args[0];
  if (option === '--') args.shift();
  else if (option !== undefined && /^-./.test(option)) {
    if (flavour === 'sh') return ctx.err(`${ctx.prefix}printf: Illegal option ${option.slice(0, 2)}\n`), 2;
    return ctx.err(`${ctx.prefix}printf: ${option.slice(0, 2)}: invalid option\n${BASH_USAGE}`), 2;
  }
  if (args.length === 0) {
    if (flavour === 'sh') return ctx.err(`${ctx.prefix}printf: usage: printf format [arg ...]\n`), 2;
    return ctx.err(BASH_USAGE), 2;
  }
  return target === undefined ? { args } : { args, target };
}

/**
 * The `printf` builtin of bash (`-v VAR`) and dash (no `%q`).
 * @param ctx the builtin's context
 * @returns the exit status
 */
export function printfBuiltin(ctx: BuiltinContext): number {
  const flavour = ctx.state.dialect.flavour;
  const parsed = parseOptions(ctx);
  if (typeof parsed === 'number') return parsed;
  const { args, target } = parsed;
  if (flavour === 'sh') {
    const q = /%[-+ #0]*[\d*]*(\.[\d*]*)?q/.exec(args[0] ?? '');
    if (q !== null) return ctx.err(`${ctx.prefix}printf: ${q[0]}: invalid directive\n`), 2;
  }
  // coreutils' printf reads only argv and flavour: the formatting is pure, no process is involved
  const invocation = { argv: ['printf', '--', ...args], flavour: 'gnu' } as Pick<Invocation, 'argv' | 'flavour'> as Invocation;
  const result = printfCommand.run(invocation);
  let isFailed = false;
  for (const line of result.stderr.split('\n').filter((l) => l !== '')) {
    const message = shellMessage(line, flavour);
    if (message === undefined) continue;
    ctx.err(`${ctx.prefix}${message.text}\n`);
    if (message.isFatal) return 2;
    // bash only warns when a number is out of range; dash fails
    isFailed ||= !message.text.startsWith('printf: warning:');
  }
  const status = isFailed ? Math.max(1, result.exitCode) : 0;
  if (target !== undefined) setVar(ctx.state, target, result.stdout);
  else ctx.out(result.stdout);
  return status;
}
