/**
 * Finds the code fences of the Markdown under `content/` so tests can run tools on them: the real
 * `apparmor_parser` today, the TypeScript engine later. Fences follow CommonMark: ``` or ~~~, three or
 * more, closed by the same character at least as long, the info string's first word is the language.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One fenced code block of a Markdown file. */
export type Fence = {
  /** The file, relative to the folder that was scanned (e.g. `docs/01-basics/01-what-is-apparmor.md`). */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** First word of the info string (`apparmor`, `yaml`, …); empty when there is none. */
  lang: string;
  /** The remaining words of the info string, e.g. `['bad']` or `['fragment']`. */
  flags: string[];
  /** The text between the fences, without the fences themselves, ending in a newline. */
  body: string;
  /** The paragraph right after the closing fence (blank lines skipped), where the docs explain the fence. */
  after: string;
};

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/**
 * Extracts every fenced code block of a Markdown text.
 *
 * @param markdown - the file's text
 * @param file - the name to record in each fence
 * @returns the fences in document order; an unclosed fence runs to the end of the text, as in CommonMark
 * @example extractFences('```apparmor bad\nfoo {}\n```\n', 'x.md')
 * // → [{ file: 'x.md', line: 1, lang: 'apparmor', flags: ['bad'], body: 'foo {}\n', after: '' }]
 */
export function extractFences(markdown: string, file: string): Fence[] {
  const lines = markdown.split(/\r?\n/);
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const marker = open[2] ?? '';
    const info = (open[3] ?? '').trim();
    // A backtick fence's info string may not contain a backtick (CommonMark 4.5): it is inline code.
    if (marker.startsWith('`') && info.includes('`')) continue;
    const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !closing.test(lines[j] ?? ''); j++) {
      body.push(stripIndent(lines[j] ?? '', indent));
    }
    // Flags are bare words (`bad`, `fragment`); Expressive Code's `key="value"` options are not flags.
    const [lang = '', ...words] = info.replace(/\w+="[^"]*"/g, ' ').split(/\s+/).filter(Boolean);
    const flags = words.filter((word) => !word.includes('='));
    const after = paragraphAt(lines, j + 1);
    fences.push({ file, line: i + 1, lang, flags, body: body.length ? `${body.join('\n')}\n` : '', after });
    i = j;
  }
  return fences;
}

/** The lines from `start` on, blank lines skipped, up to the next blank line, joined by newlines. */
function paragraphAt(lines: string[], start: number): string {
  let k = start;
  while (k < lines.length && (lines[k] ?? '').trim() === '') k++;
  const paragraph: string[] = [];
  for (; k < lines.length && (lines[k] ?? '').trim() !== ''; k++) paragraph.push(lines[k] ?? '');
  return paragraph.join('\n');
}

/**
 * The first inline code span of a Markdown text: for a ```` ```apparmor bad ```` fence, the docs quote
 * the parser's message there.
 *
 * @param markdown - a paragraph
 * @returns the span's text without the backticks, or undefined when there is none
 * @example firstCodeSpan('It fails: `Invalid capability CAP_NET_RAW.` Use lower case.') // → 'Invalid capability CAP_NET_RAW.'
 */
export function firstCodeSpan(markdown: string): string | undefined {
  return /`([^`]+)`/.exec(markdown)?.[1];
}

/** CommonMark removes up to the opening fence's indentation from each content line. */
function stripIndent(line: string, indent: number): string {
  let n = 0;
  while (n < indent && line[n] === ' ') n++;
  return line.slice(n);
}

/**
 * Reads every `*.md` file below a folder and extracts its fences.
 *
 * @param dir - the folder to scan (e.g. the repository's `content/`)
 * @returns all fences, files in sorted path order
 */
export function collectFences(dir: string): Fence[] {
  return listMarkdown(dir).flatMap((path) =>
    extractFences(readFileSync(path, 'utf8'), relative(dir, path).replaceAll('\\', '/')),
  );
}

/**
 * @param dir - the folder to scan
 * @returns the paths of every `*.md` file below it, sorted
 */
export function listMarkdown(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return listMarkdown(full);
      return name.endsWith('.md') ? [full] : [];
    });
}

/** What a `fragment` fence is wrapped in: the standard variables (`@{PROC}`, `@{HOME}`…) and a profile. */
export const FRAGMENT_PREFIX = '#include <tunables/global>\nprofile fragment {\n';

/**
 * The policy text to hand a parser for an `apparmor` fence: a `fragment` fence holds rules without a
 * profile around them, so it is wrapped in `profile fragment { … }` after `#include <tunables/global>`
 * (so `@{PROC}` and `#include <abstractions/base>` work in fragments); any other fence is used as is.
 *
 * @param fence - an `apparmor` fence
 * @returns the text to parse
 * @example policyText({ …, flags: ['fragment'], body: 'capability,\n' })
 * // → '#include <tunables/global>\nprofile fragment {\ncapability,\n}\n'
 */
export function policyText(fence: Fence): string {
  return fence.flags.includes('fragment') ? `${FRAGMENT_PREFIX}${fence.body}}\n` : fence.body;
}

/**
 * @param fence - an `apparmor` fence
 * @returns true when the fence is marked as a deliberate error (```` ```apparmor bad ````)
 */
export function isDeliberateError(fence: Fence): boolean {
  return fence.flags.includes('bad');
}
