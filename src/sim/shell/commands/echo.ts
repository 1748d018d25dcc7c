/**
 * `/usr/bin/echo` (GNU coreutils): `-n`, `-e`, `-E` only as leading arguments made of those letters;
 * `--help` only as the sole argument. The shells' own builtin echo lives in the shell, not here.
 */
import { helpText, type CommandSpec } from '../registry.ts';
import { versionText } from './support/version.ts';

const ESCAPES: Record<string, string> = { '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * Interprets echo -e backslash escapes (as coreutils echo.c).
 * @param text - one argument
 * @returns the text and whether `\c` asked to stop all output
 * @example interpretEscapes('a\\tb') // → { text: 'a\tb', stop: false }
 */
export function interpretEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char !== '\\' || i + 1 >= text.length) {
      out += char;
      continue;
    }
    const next = text[++i] ?? '';
    if (next === 'c') return { text: out, stop: true };
    if (ESCAPES[next] !== undefined) out += ESCAPES[next];
    else if (next === '0' || next === 'x') {
      const digits = next === '0' ? /^[0-7]{0,3}/.exec(text.slice(i + 1))?.[0] ?? '' : /^[0-9a-fA-F]{0,2}/.exec(text.slice(i + 1))?.[0] ?? '';
      if (next === 'x' && digits === '') out += '\\x';
      else out += String.fromCharCode(parseInt(digits || '0', next === '0' ? 8 : 16));
      i += digits.length;
    } else out += `\\${next}`;
  }
  return { text: out, stop: false };
}

/** The `echo` program. */
export const echoCommand: CommandSpec = {
  name: 'echo',
  summary: 'display a line of text',
  usage: 'echo [SHORT-OPTION]... [STRING]...',
  options: [
    { flag: '-n', summary: 'do not output the trailing newline' },
    { flag: '-e', summary: 'enable interpretation of backslash escapes' },
    { flag: '-E', summary: 'disable interpretation of backslash escapes (default)' },
  ],
  help: 'own',
  run(inv) {
    const args = inv.argv.slice(1);
    if (args.length === 1 && args[0] === '--help') return { stdout: helpText({ ...echoCommand, help: undefined }), stderr: '', exitCode: 0 };
    if (args.length === 1 && args[0] === '--version') return { stdout: versionText('echo') ?? '', stderr: '', exitCode: 0 };
    let newline = true;
    let escapes = false;
    while (args.length > 0 && /^-[neE]+$/.test(args[0] ?? '')) {
      for (const letter of (args.shift() ?? '').slice(1)) {
        if (letter === 'n') newline = false;
        else escapes = letter === 'e';
      }
    }
    if (!escapes) return { stdout: args.join(' ') + (newline ? '\n' : ''), stderr: '', exitCode: 0 };
    let stdout = '';
    for (const [k, arg] of args.entries()) {
      const piece = interpretEscapes(arg);
      stdout += (k > 0 ? ' ' : '') + piece.text;
      if (piece.stop) return { stdout, stderr: '', exitCode: 0 };
    }
    return { stdout: stdout + (newline ? '\n' : ''), stderr: '', exitCode: 0 };
  },
};
