/**
 * `grep` (GNU grep 3.8; busybox wording as a flavour): BRE, `-E`, `-F`, `-i -v -c -n -l -L -o -q -s -w -x
 * -h -H -r -e`. Exit 0 when a line matched, 1 when none did, 2 on an error (unless `-q` matched).
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import { isFailure, parseArgs, type Args } from './support/args.ts';
import { readInput, splitLines } from './support/files.ts';
import { Output, programName, quotef, strerror } from './support/output.ts';
import { translateRegex } from './support/regex.ts';
import { joinUnder } from './support/targets.ts';

const LONG = {
  'extended-regexp': { key: 'E' }, 'fixed-strings': { key: 'F' }, 'basic-regexp': { key: 'G' }, 'ignore-case': { key: 'i' },
  'invert-match': { key: 'v' }, count: { key: 'c' }, 'line-number': { key: 'n' }, 'files-with-matches': { key: 'l' },
  'files-without-match': { key: 'L' }, 'only-matching': { key: 'o' }, quiet: { key: 'q' }, silent: { key: 'q' }, 'no-messages': { key: 's' },
  'word-regexp': { key: 'w' }, 'line-regexp': { key: 'x' }, 'no-filename': { key: 'h' }, 'with-filename': { key: 'H' },
  recursive: { key: 'r' }, regexp: { key: 'e', argument: 'required' as const }, color: { key: 'C', argument: 'optional' as const }, colour: { key: 'C', argument: 'optional' as const },
};

type Search = { regex: RegExp; args: Args; withNames: boolean; name: string; matched: boolean; output: Output };

/** The `grep` program. */
export const grepCommand: CommandSpec = {
  name: 'grep',
  summary: 'print lines that match patterns',
  usage: 'grep [OPTION]... PATTERNS [FILE]...',
  options: [
    { flag: '-E, --extended-regexp', summary: 'PATTERNS are extended regular expressions' },
    { flag: '-F, --fixed-strings', summary: 'PATTERNS are strings' },
    { flag: '-e, --regexp=PATTERNS', summary: 'use PATTERNS for matching', takesValue: true },
    { flag: '-i, --ignore-case', summary: 'ignore case distinctions in patterns and data' },
    { flag: '-v, --invert-match', summary: 'select non-matching lines' },
    { flag: '-w, --word-regexp', summary: 'match only whole words' },
    { flag: '-x, --line-regexp', summary: 'match only whole lines' },
    { flag: '-c, --count', summary: 'print only a count of selected lines per FILE' },
    { flag: '-l, --files-with-matches', summary: 'print only names of FILEs with selected lines' },
    { flag: '-n, --line-number', summary: 'print line number with output lines' },
    { flag: '-o, --only-matching', summary: 'show only nonempty parts of lines that match' },
    { flag: '-q, --quiet, --silent', summary: 'suppress all normal output' },
    { flag: '-r, --recursive', summary: 'read all files under each directory, recursively' },
  ],
  run(inv) {
    const name = programName(inv, 'grep');
    const args = parseArgs(inv, name, { short: 'EFGivcnlLoqswxhHrRe:', long: LONG }, 2);
    if (isFailure(args)) return args.exitCode === 0 || inv.flavour === 'busybox' ? args : { ...args, stderr: `${args.stderr.split('\n')[0] ?? ''}\n${usageTail(inv)}` };
    const operands = [...args.operands];
    const patterns = args.has('e') ? args.options.filter((o) => o.key === 'e').map((o) => o.value ?? '') : operands.splice(0, 1);
    if (patterns.length === 0) return { stdout: '', stderr: usageTail(inv), exitCode: 2 };
    const regex = compile(patterns.flatMap((p) => p.split('\n')), args);
    if (typeof regex === 'string') return { stdout: '', stderr: `${name}: ${regex}\n`, exitCode: 2 };
    const recursive = args.has('r') || args.has('R');
    const files = operands.length === 0 ? [recursive ? '.' : '-'] : operands;
    const search: Search = { regex, args, withNames: !args.has('h') && (args.has('H') || files.length > 1 || recursive), name, matched: false, output: new Output() };
    for (const file of files) {
      searchPath(inv, file, search, recursive);
      if (search.matched && args.has('q')) return { stdout: '', stderr: search.output.stderr, exitCode: 0 };
    }
    const result = search.output.result();
    if (result.exitCode !== 0 && !(args.has('q') && search.matched)) return { ...result, exitCode: 2 };
    return { ...result, exitCode: search.matched ? 0 : 1 };
  },
};

/** as grep.c's usage(EXIT_TROUBLE): the synopsis and the --help hint, named by getprogname() (the basename) */
function usageTail(inv: Invocation): string {
  const short = (inv.argv[0] ?? '').split('/').pop() || 'grep';
  return `Usage: ${short} [OPTION]... PATTERNS [FILE]...\nTry '${short} --help' for more information.\n`;
}

function compile(patterns: string[], args: Args): RegExp | string {
  const sources: string[] = [];
  for (const pattern of patterns) {
    if (args.has('F')) sources.push(pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    else {
      const translated = translateRegex(pattern, args.has('E'));
      if (!translated.ok) return translated.message;
      sources.push(translated.source);
    }
  }
  let source = sources.map((s) => `(?:${s})`).join('|');
  if (args.has('x')) source = `^(?:${source})$`;
  else if (args.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  try {
    return new RegExp(source, args.has('i') ? 'gi' : 'g');
  } catch {
    return 'Invalid regular expression';
  }
}

function searchPath(inv: Invocation, file: string, search: Search, recursive: boolean, isOperand = true): void {
  if (recursive && file !== '-') {
    // as grep -r: symlinks met inside the tree are skipped (only -R follows them)
    const st = isOperand || search.args.has('R') ? inv.proc.stat(file) : inv.proc.lstat(file);
    if (st.ok && st.value.type === 'symlink') return;
    if (st.ok && st.value.type === 'dir') {
      const entries = inv.proc.readdir(file);
      if (!entries.ok) return complain(inv, search, file, entries.errno);
      for (const entry of entries.value) searchPath(inv, file === '.' && entry !== '' ? entry : joinUnder(file, entry), search, true, false);
      return;
    }
  }
  const input = readInput(inv, file);
  if (!input.ok) return complain(inv, search, file, input.errno);
  searchText(input.text, file === '-' ? '(standard input)' : file, search);
}

function complain(inv: Invocation, search: Search, file: string, errno: Parameters<typeof strerror>[0]): void {
  if (search.args.has('s')) {
    search.output.exitCode = 2;
    return;
  }
  search.output.fail(`${search.name}: ${inv.flavour === 'busybox' ? file : quotef(file)}: ${strerror(errno)}`, 2);
}

function searchText(text: string, label: string, search: Search): void {
  const { args, output, regex } = search;
  const prefix = search.withNames ? `${label}:` : '';
  let count = 0;
  for (const [k, line] of splitLines(text).entries()) {
    regex.lastIndex = 0;
    const isMatch = regex.test(line) !== args.has('v');
    if (!isMatch) continue;
    count++;
    search.matched = true;
    if (args.has('q') || args.has('l') || args.has('L') || args.has('c')) continue;
    const number = args.has('n') ? `${k + 1}:` : '';
    if (args.has('o') && !args.has('v')) {
      regex.lastIndex = 0;
      for (const m of line.matchAll(regex)) if (m[0] !== '') output.out(`${prefix}${number}${m[0]}\n`);
    } else output.out(`${prefix}${number}${line}\n`);
  }
  if (args.has('q')) return;
  if (args.has('c')) output.out(`${prefix}${count}\n`);
  if (args.has('l') && count > 0) output.out(`${label}\n`);
  if (args.has('L') && count === 0) output.out(`${label}\n`);
}
