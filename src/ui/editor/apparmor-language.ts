/**
 * The `apparmor` language for Monaco as data: comments, brackets, auto-closing and the word pattern, plus
 * folding of `{ … }` blocks (profiles, hats, conditionals) computed from the text. Colours come from the
 * TextMate grammar through Shiki (register.ts); this module has no Monaco import.
 */
import { blankComments } from './statement-context.ts';

/** Monaco's language id and the grammar's scope. */
export const LANGUAGE_ID = 'apparmor';

/** The same shape as Monaco's `LanguageConfiguration` (the parts we set). */
export const LANGUAGE_CONFIGURATION = {
  comments: { lineComment: '#' },
  brackets: [['{', '}'], ['(', ')'], ['[', ']']] as [string, string][],
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '(', close: ')' },
    { open: '[', close: ']' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '(', close: ')' },
    { open: '[', close: ']' },
    { open: '"', close: '"' },
    { open: '<', close: '>' },
  ],
  // A word runs to whitespace or rule punctuation, so double-click selects `/etc/**` or `net_admin` whole.
  wordPattern: /[^\s,(){}=<>"]+/,
  indentationRules: { increaseIndentPattern: /\{\s*(#.*)?$/, decreaseIndentPattern: /^\s*\}/ },
};

/** A foldable block, 1-based inclusive lines (Monaco's `FoldingRange`). */
export type FoldingRange = { start: number; end: number };

/**
 * The `{ … }` blocks of a policy that span lines. Braces glued to a word (`@{HOME}`, `/x{a,b}`) are not
 * blocks, and comments are ignored.
 *
 * @param text - policy text
 * @returns one range per multi-line block, from the line of `{` to the line before `}`
 * @example foldingRanges('profile p {\n  file,\n}\n') // → [{ start: 1, end: 2 }]
 */
export function foldingRanges(text: string): FoldingRange[] {
  const code = blankComments(text);
  const ranges: FoldingRange[] = [];
  const open: { line: number; isBlock: boolean }[] = [];
  let line = 1;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '\n') line++;
    else if (c === '{') open.push({ line, isBlock: i === 0 || /\s/.test(code[i - 1] ?? '') });
    else if (c === '}') {
      const block = open.pop();
      if (block?.isBlock && line - 1 > block.line) ranges.push({ start: block.line, end: line - 1 });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}
