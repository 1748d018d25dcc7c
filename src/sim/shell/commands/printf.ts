/**
 * `/usr/bin/printf` (GNU coreutils): the format is reused until the arguments run out; `%s %b %q %c %d %i
 * %u %o %x %X %f %e %g %%` with flags, width and precision; numeric arguments accept `'c` (a character's
 * code) and report `expected a numeric value` / `value not completely converted`.
 */
import { helpText, type CommandSpec } from '../registry.ts';
import { interpretEscapes } from './echo.ts';
import { programName, quote, usageError } from './support/output.ts';
import { versionText } from './support/version.ts';

type State = { args: string[]; used: number; stderr: string; status: number; name: string; isBusybox: boolean };

function takeNumber(state: State): number {
  const text = state.args[state.used++];
  if (text === undefined) return 0;
  if (/^['"]/.test(text)) return text.length > 1 ? (text.codePointAt(1) ?? 0) : 0;
  const trimmed = text.trim();
  const value = /^[-+]?0[xX][0-9a-fA-F]+$/.test(trimmed) ? parseInt(trimmed, 16) : /^[-+]?0[0-7]+$/.test(trimmed) ? parseInt(trimmed, 8) : Number(trimmed);
  if (trimmed !== '' && Number.isFinite(value)) return value;
  if (trimmed !== '' && !Number.isNaN(value)) {
    state.stderr += `${state.name}: ${quote(text)}: Numerical result out of range\n`;
    state.status = 1;
    return value > 0 ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER;
  }
  const prefix = /^[-+]?\d+(\.\d*)?/.exec(trimmed)?.[0];
  if (state.isBusybox) state.stderr += `${state.name}: invalid number ${quote(text)}\n`;
  else state.stderr += `${state.name}: ${quote(text)}: ${prefix === undefined ? 'expected a numeric value' : 'value not completely converted'}\n`;
  state.status = 1;
  return prefix === undefined ? 0 : Number(prefix);
}

/** A field wider than this is cut to it: the simulator holds output in memory, a real printf would stream. */
const MAX_FIELD = 4096;

function pad(text: string, flags: string, requested: number | undefined): string {
  const width = requested === undefined ? undefined : Math.min(Math.abs(requested), MAX_FIELD);
  if (width === undefined || text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && /^[-+]?[0-9a-fA-F.]/.test(text)) {
    const sign = /^[-+]/.test(text) ? text.slice(0, 1) : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

function shellQuote(text: string): string {
  return text === '' ? "''" : /^[A-Za-z0-9_./:,+@%=-]+$/.test(text) ? text : quote(text);
}

function convert(conversion: string, flags: string, precision: number | undefined, state: State): string {
  if (conversion === 's') {
    const text = state.args[state.used++] ?? '';
    return precision === undefined ? text : text.slice(0, Math.max(0, precision));
  }
  if (conversion === 'b') return interpretEscapes(state.args[state.used++] ?? '').text;
  if (conversion === 'q') return shellQuote(state.args[state.used++] ?? '');
  if (conversion === 'c') return (state.args[state.used++] ?? '').slice(0, 1);
  const value = takeNumber(state);
  const sign = (n: number, text: string): string => (n >= 0 && flags.includes('+') ? `+${text}` : n >= 0 && flags.includes(' ') ? ` ${text}` : text);
  switch (conversion) {
    case 'd': case 'i': return sign(value, String(Math.trunc(value)));
    case 'u': return String(value < 0 ? BigInt.asUintN(64, BigInt(Math.trunc(value))) : Math.trunc(value));
    case 'o': return Math.trunc(value).toString(8);
    case 'x': return Math.trunc(value).toString(16);
    case 'X': return Math.trunc(value).toString(16).toUpperCase();
    case 'e': case 'E': {
      const text = value.toExponential(Math.min(precision ?? 6, 100)).replace(/e([-+])(\d)$/, 'e$10$2');
      return sign(value, conversion === 'E' ? text.toUpperCase() : text);
    }
    case 'g': case 'G': return sign(value, String(Number(value.toPrecision(Math.min(precision || 6, 100)))));
    default: return sign(value, value.toFixed(Math.min(precision ?? 6, 100)));
  }
}

/** One pass over the format; returns false when `\c` stopped all output. */
function pass(format: string, state: State, out: { text: string }): boolean | string {
  // as coreutils' printf.c: length modifiers (hlLjtz) are skipped, and any character may end a directive
  const directive = /%([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?([hlLjtz]*)(.)?|\\(?:[0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)?/gs;
  let last = 0;
  for (const m of format.matchAll(directive)) {
    out.text += format.slice(last, m.index);
    last = m.index + m[0].length;
    if (/^\\[0-7]/.test(m[0])) {
      // the format's own escapes take \NNN octal without the leading 0 that %b and echo -e need
      out.text += String.fromCharCode(parseInt(m[0].slice(1), 8) & 0xff);
      continue;
    }
    if (m[0].startsWith('\\')) {
      const escaped = interpretEscapes(m[0]);
      if (escaped.stop) return false;
      out.text += escaped.text;
      continue;
    }
    const conversion = m[5];
    if (conversion === '%' && m[0] === '%%') {
      out.text += '%';
      continue;
    }
    // %b and %q take no length modifier (printf.c checks them before skipping modifiers)
    const allowed = m[4] === '' ? 'sbqcdiuoxXeEfFgG' : 'scdiuoxXeEfFgG';
    if (conversion === undefined || !allowed.includes(conversion)) return m[0];
    const width = m[2] === '*' ? takeNumber(state) : m[2] === undefined ? undefined : Number(m[2]);
    const precision = m[3] === '*' ? takeNumber(state) : m[3] === undefined ? undefined : Number(m[3]);
    out.text += pad(convert(conversion, m[1] ?? '', precision, state), m[1] ?? '', width);
  }
  out.text += format.slice(last);
  return true;
}

/** The `printf` program. */
export const printfCommand: CommandSpec = {
  name: 'printf',
  summary: 'format and print data',
  usage: 'printf FORMAT [ARGUMENT]...',
  options: [],
  help: 'own',
  run(inv) {
    const name = programName(inv, 'printf');
    const args = inv.argv.slice(1);
    if (args.length === 1 && args[0] === '--help') return { stdout: helpText({ ...printfCommand, help: undefined }), stderr: '', exitCode: 0 };
    if (args.length === 1 && args[0] === '--version') return { stdout: versionText('printf') ?? '', stderr: '', exitCode: 0 };
    if (args[0] === '--') args.shift();
    const format = args.shift();
    if (format === undefined) return usageError(inv, name, 'missing operand');
    const state: State = { args, used: 0, stderr: '', status: 0, name, isBusybox: inv.flavour === 'busybox' };
    const out = { text: '' };
    do {
      const before = state.used;
      const done = pass(format, state, out);
      if (typeof done === 'string') {
        return { stdout: out.text, stderr: `${state.stderr}${name}: ${done}: invalid conversion specification\n`, exitCode: 1 };
      }
      if (!done || state.used === before) break;
    } while (state.used < args.length);
    if (state.used === 0 && args.length > 0) state.stderr += `${name}: warning: ignoring excess arguments, starting with ${quote(args[0] ?? '')}\n`;
    return { stdout: out.text, stderr: state.stderr, exitCode: state.status };
  },
};
