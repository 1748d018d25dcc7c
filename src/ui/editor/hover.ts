/**
 * Hover text for the word under the cursor, as Markdown: keywords and qualifiers, file permissions and exec
 * modes (a permission word such as `rix` is explained letter by letter), capabilities, profile flags,
 * variables with their expanded values, and includes with the rules they grant. Pure; no Monaco.
 */
import { readBundledFile } from '../../apparmor/index.ts';
import { CAPABILITIES } from '../../apparmor/vocabulary.ts';
import { CAPABILITY_DOCS, EXEC_MODE_DOCS, FLAG_DOCS, KEYWORD_DOCS, PERMISSION_DOCS } from './language-docs.ts';
import { isInsideList, statementAt, wordAt } from './statement-context.ts';

/** Markdown to show and the `[start, end)` offsets of the word it explains. */
export type HoverInfo = { markdown: string; range: [number, number] };

/** Facts from the last check of the document that hover can use. */
export type HoverFacts = {
  /** expanded variable values (`ResolvedPolicy.variables`) */
  variables?: ReadonlyMap<string, readonly string[]>;
};

const MAX_INCLUDE_LINES = 20;

const EXEC_MODE = /(pix|Pix|cix|Cix|pux|PUx|cux|CUx|ix|px|Px|cx|Cx|ux|Ux)/;

/**
 * Explains a file permission word: its exec mode and each access letter.
 *
 * @param word - permissions as written, e.g. `rix` or `Px`
 * @returns Markdown lines, or undefined when the word is not a permission string
 * @example explainPermissions('ix') // → '**ix** — inherit execute: …'
 */
export function explainPermissions(word: string): string | undefined {
  if (!/^[rwalkmxiupcPUCI]+$/.test(word)) return undefined;
  const mode = EXEC_MODE.exec(word)?.[1];
  const rest = mode ? word.replace(mode, '') : word;
  const lines: string[] = [];
  if (mode) lines.push(`**${mode}** — ${EXEC_MODE_DOCS[mode] ?? ''}`);
  for (const letter of new Set(rest)) {
    const doc = PERMISSION_DOCS[letter];
    if (!doc) return undefined;
    lines.push(`**${letter}** — ${doc}`);
  }
  return lines.join('\n\n');
}

function explainInclude(path: string): string {
  const text = readBundledFile(path);
  if (text === undefined) return `\`<${path}>\` is not in the bundled /etc/apparmor.d: apparmor_parser would fail to find it.`;
  const rules = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && (!l.startsWith('#') || /^#include\b/.test(l)));
  const shown = rules.slice(0, MAX_INCLUDE_LINES);
  const more = rules.length - shown.length;
  return [
    `**include <${path}>** grants what these lines say (${rules.length} line${rules.length === 1 ? '' : 's'}):`,
    '```apparmor', ...shown, '```',
    ...(more > 0 ? [`…and ${more} more.`] : []),
  ].join('\n');
}

function explainVariable(name: string, facts: HoverFacts): string {
  const values = facts.variables?.get(name);
  if (!values) return `**@{${name}}** is not defined in this file or its includes (\`UNDEFINED_VARIABLE\` if used in a rule).`;
  return [`**@{${name}}** expands to:`, '```', ...values, '```'].join('\n');
}

function explainWord(text: string, offset: number, word: string): string | undefined {
  const context = statementAt(text, offset);
  const keyword = context.words[0] ?? '';
  if (isInsideList(context.text, 'flags')) return FLAG_DOCS[word] ? `**${word}** (profile flag) — ${FLAG_DOCS[word]}` : undefined;
  if (keyword === 'capability' && context.words.length > 1 && CAPABILITIES.includes(word)) {
    return `**CAP_${word.toUpperCase()}** — ${CAPABILITY_DOCS[word] ?? 'a Linux capability (see capabilities(7)).'}`;
  }
  const isRuleStart = context.words.length <= 1;
  if (KEYWORD_DOCS[word] && (isRuleStart || context.qualifiers.includes(word) || word === keyword)) return `**${word}** — ${KEYWORD_DOCS[word]}`;
  if (/^(\/|@\{|"\/|file$)/.test(keyword) && context.words.length >= 2) return explainPermissions(word);
  return undefined;
}

/**
 * Computes the hover for an offset.
 *
 * @param text - the document
 * @param offset - the offset under the mouse
 * @param facts - expanded variables from the last check
 * @returns the hover, or undefined when there is nothing to say
 * @example hoverAt('profile p {\n  /bin/sh ix,\n}', 22)?.markdown // → '**ix** — inherit execute: …'
 */
export function hoverAt(text: string, offset: number, facts: HoverFacts = {}): HoverInfo | undefined {
  const found = wordAt(text, offset);
  if (!found) return undefined;
  const range: [number, number] = [found.start, found.end];
  const variable = /@\{([A-Za-z0-9_]+)\}/g;
  for (const match of found.word.matchAll(variable)) {
    const start = found.start + match.index;
    if (offset >= start && offset <= start + match[0].length) {
      return { markdown: explainVariable(match[1] ?? '', facts), range: [start, start + match[0].length] };
    }
  }
  const include = /^<([^>]+)>$/.exec(found.word);
  if (include && /#?include(\s+if\s+exists)?\s*$/.test(text.slice(Math.max(0, found.start - 40), found.start))) {
    return { markdown: explainInclude(include[1] ?? ''), range };
  }
  // Hovering the end of a statement (`ix,`) reaches the word through its offset, not the comma.
  const markdown = explainWord(text, found.end, found.word);
  return markdown === undefined ? undefined : { markdown, range };
}
