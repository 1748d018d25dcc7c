/**
 * Where the cursor is in the policy language, for completion and hover: the statement being written (text
 * since the last `,`, `{` or `}` outside comments and quotes) split into words, with the rule keyword and
 * qualifiers recognised. A light textual analysis, not the parser: it must work on half-typed rules.
 */

/** Rule qualifiers that may precede a rule (`priority=N` is matched separately). */
export const QUALIFIERS: readonly string[] = ['audit', 'deny', 'allow', 'owner', 'other', 'quiet'];

/** What the statement before the cursor looks like. */
export type StatementContext = {
  /** the statement text from its start to the cursor, comments removed */
  text: string;
  /** offset of the statement's first character in the document */
  start: number;
  /** the words after the qualifiers; the last one is the partial word under the cursor ('' after a space) */
  words: string[];
  /** the qualifiers written before the rule */
  qualifiers: string[];
  /** the word being typed and where it starts */
  partial: string;
  partialStart: number;
};

/**
 * Blanks out comments (`#` to end of line, except `#include`) with spaces, so offsets stay the same and
 * statement boundaries inside comments are ignored. Quoted strings keep their `#`.
 *
 * @param text - policy text
 * @returns the same-length text with comment characters replaced by spaces
 * @example blankComments('a, # b,\nc') // → 'a,     \nc'
 */
export function blankComments(text: string): string {
  let out = '';
  let i = 0;
  let isQuoted = false;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === '"') isQuoted = !isQuoted;
    if (c === '\n') isQuoted = false;
    if (c === '#' && !isQuoted && !/^#include\b/.test(text.slice(i, i + 9))) {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

const WORD_CHARS = /[^\s,{}()=]/;

/**
 * The offset after the last statement boundary: a `,`, a block `{` (after whitespace, as in `profile p {`)
 * or a block `}`. Braces glued to a word (`@{HOME}`, `/x{a,b}`) are globs or variables, and commas inside
 * them separate alternatives, not statements; so do commas inside `(…)` lists (`set=(term, kill)`).
 */
function lastBoundary(before: string): number {
  let boundary = 0;
  let globDepth = 0;
  let parenDepth = 0;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (c === '(') parenDepth++;
    else if (c === ')') parenDepth = Math.max(0, parenDepth - 1);
    else if (c === '{') {
      parenDepth = 0;
      if (i > 0 && !/\s/.test(before[i - 1] ?? '')) globDepth++;
      else boundary = i + 1;
    } else if (c === '}') {
      if (globDepth > 0) globDepth--;
      else boundary = i + 1;
      parenDepth = 0;
    } else if (c === ',' && globDepth === 0 && parenDepth === 0) boundary = i + 1;
  }
  return boundary;
}

// Includes, variable assignments and `abi` lines end at the newline, not at a comma (parser_lex.l): a
// statement begins after the last such complete line.
const LINE_STATEMENT = /^\s*(?:#?include\b|@\{[^}]*\}\s*\+?=|\$\w+\s*=)/;

function skipLineStatements(before: string, start: number): number {
  let committed = start;
  let at = start;
  for (;;) {
    const newline = before.indexOf('\n', at);
    if (newline === -1) return committed;
    const line = before.slice(at, newline);
    if (LINE_STATEMENT.test(line)) committed = newline + 1;
    else if (line.trim() !== '') return committed;
    at = newline + 1;
  }
}

/**
 * Analyses the statement the cursor is in.
 *
 * @param text - the whole document
 * @param offset - the cursor offset
 * @returns the statement context
 * @example statementAt('profile p {\n  deny capability ne', 29).words // → ['capability', 'ne']
 */
export function statementAt(text: string, offset: number): StatementContext {
  const before = blankComments(text.slice(0, offset));
  const start = skipLineStatements(before, lastBoundary(before));
  const statement = before.slice(start);
  let partialStart = statement.length;
  while (partialStart > 0 && WORD_CHARS.test(statement[partialStart - 1] ?? '')) partialStart--;
  const partial = statement.slice(partialStart);
  const allWords = statement.trim().split(/\s+/).filter((w) => w !== '');
  if (partial === '' ) allWords.push('');
  const qualifiers: string[] = [];
  while (allWords.length > 1 && (QUALIFIERS.includes(allWords[0] ?? '') || /^priority=/.test(allWords[0] ?? ''))) {
    qualifiers.push(allWords.shift() ?? '');
  }
  return { text: statement, start, words: allWords, qualifiers, partial, partialStart: start + partialStart };
}

/**
 * @param statement - a statement's text up to the cursor
 * @param name - a conditional's name (`set`, `options`, `flags`)
 * @returns true when the cursor is inside an unclosed `name=(` list
 * @example isInsideList('signal set=(term, ', 'set') // → true
 */
export function isInsideList(statement: string, name: string): boolean {
  const open = statement.lastIndexOf(`${name}=(`);
  return open !== -1 && !statement.slice(open).includes(')');
}

/**
 * The word at an offset (for hover): a run of characters that are not whitespace or punctuation of the
 * rule syntax; `@{NAME}` and `<path>` are kept whole.
 *
 * @param text - the document
 * @param offset - an offset inside or at the end of the word
 * @returns the word and its `[start, end)`, or undefined between words
 * @example wordAt('  capability net_admin,', 15) // → { word: 'net_admin', start: 13, end: 22 }
 */
export function wordAt(text: string, offset: number): { word: string; start: number; end: number } | undefined {
  // Braces stay in words so `@{PROC}/` is one word; a lone `{` or `}` is a word of its own nobody hovers.
  const isWordChar = (c: string | undefined): boolean => c !== undefined && /[^\s,()=]/.test(c);
  let start = offset;
  let end = offset;
  while (start > 0 && isWordChar(text[start - 1])) start--;
  while (end < text.length && isWordChar(text[end])) end++;
  if (start === end) return undefined;
  return { word: text.slice(start, end), start, end };
}
