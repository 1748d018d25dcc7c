// The shells' own `echo`: it runs inside the shell process, so no program is exec'd (an AppArmor profile
// without `/usr/bin/echo x` still lets `echo` print). dash's and bash's differ; `/usr/bin/echo` is the registry's.
import type { BuiltinContext } from './builtins.ts';

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/**
 * Expands echo's backslash escapes: dash's set (as bltin/printf.c `conv_escape_str`: `\e`, octal as `\0NNN`
 * or `\NNN`, no `\x`), or bash's `echo -e` set (as lib/sh/strtrans.c `ansicstr`: `\e \E \0NNN \xHH \uHHHH`).
 * @param text one argument
 * @param flavour which shell's echo
 * @returns the text and whether `\c` asked to stop all output
 * @example echoEscapes('a\\tb\\c', 'sh') // → { text: 'a\tb', isStop: true }
 */
export function echoEscapes(text: string, flavour: 'bash' | 'sh'): { text: string; isStop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const next = text[i + 1];
    if (char !== '\\' || next === undefined) {
      out += char;
      continue;
    }
    i++;
    if (next === 'c') return { text: out, isStop: true };
    const simple = SIMPLE[next] ?? (next === 'e' || (flavour === 'bash' && next === 'E') ? '\x1b' : undefined);
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const code = numericEscape(text.slice(i), flavour);
    if (code === undefined) out += `\\${next}`;
    else {
      out += String.fromCodePoint(code.value);
      i += code.length - 1;
    }
  }
  return { text: out, isStop: false };
}

/**
 * `\0NNN` (both), dash's `\NNN` (bash's echo leaves `\1` alone, as strtrans.c with its echo flag),
 * bash's `\xHH \uHHHH \UHHHHHHHH`; `rest` starts after the backslash.
 */
function numericEscape(rest: string, flavour: 'bash' | 'sh'): { value: number; length: number } | undefined {
  const octal = (flavour === 'sh' ? /^0([0-7]{0,3})|^([1-7][0-7]{0,2})/ : /^0([0-7]{0,3})/).exec(rest);
  if (octal !== null) return { value: parseInt(octal[1] ?? octal[2] ?? '0', 8) & 0xff || 0, length: octal[0].length };
  if (flavour === 'sh') return undefined;
  const hex = /^(x)([0-9a-fA-F]{1,2})|^(u)([0-9a-fA-F]{1,4})|^(U)([0-9a-fA-F]{1,8})/.exec(rest);
  if (hex === null) return undefined;
  const digits = hex[2] ?? hex[4] ?? hex[6] ?? '0';
  const value = parseInt(digits, 16);
  return { value: value > 0x10ffff ? 0xfffd : value, length: hex[0].length };
}

/**
 * The `echo` builtin: dash takes only a leading `-n` and always expands escapes; bash takes leading
 * arguments made of `n`, `e`, `E` and expands escapes only with `-e` (xpg_echo off, Debian's default).
 * @param ctx the builtin's context
 * @returns 0
 */
export function echoBuiltin(ctx: BuiltinContext): number {
  const flavour = ctx.state.dialect.flavour;
  const args = ctx.argv.slice(1);
  let isNewline = true;
  let isEscapes = flavour === 'sh';
  if (flavour === 'sh') {
    if (args[0] === '-n') {
      args.shift();
      isNewline = false;
    }
  } else {
    while (args.length > 0 && /^-[neE]+$/.test(args[0] ?? '')) {
      for (const letter of (args.shift() ?? '').slice(1)) {
        if (letter === 'n') isNewline = false;
        else isEscapes = letter === 'e';
      }
    }
  }
  if (!isEscapes) return ctx.out(args.join(' ') + (isNewline ? '\n' : '')), 0;
  let text = '';
  for (const [k, arg] of args.entries()) {
    const piece = echoEscapes(arg, flavour);
    text += (k > 0 ? ' ' : '') + piece.text;
    if (piece.isStop) return ctx.out(text), 0;
  }
  return ctx.out(text + (isNewline ? '\n' : '')), 0;
}
