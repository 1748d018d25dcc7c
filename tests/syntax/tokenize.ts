// Tokenizes AppArmor text with our TextMate grammar through Shiki's JavaScript regex engine, the same
// engine the site's Expressive Code uses, and flattens the result to (text, scopes) pieces for tests.
import { createHighlighterCore, type HighlighterCore, type LanguageRegistration } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import githubDark from 'shiki/themes/github-dark.mjs';
import grammarJson from '../../src/syntax/apparmor.tmLanguage.json' with { type: 'json' };

export const grammar = grammarJson as unknown as LanguageRegistration;

/** One run of text and its scope stack, outermost (`source.apparmor`) first. */
export type ScopedPiece = { text: string; scopes: string[]; line: number };

let highlighter: Promise<HighlighterCore> | undefined;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    langs: [grammar],
    themes: [githubDark],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/**
 * @param code - AppArmor policy text
 * @returns every piece of text with its scope stack, line by line (0-based line numbers)
 */
export async function tokenize(code: string): Promise<ScopedPiece[]> {
  const shiki = await getHighlighter();
  const lines = shiki.codeToTokensBase(code, {
    lang: 'apparmor',
    theme: 'github-dark',
    includeExplanation: 'scopeName',
  });
  return lines.flatMap((tokens, line) =>
    tokens.flatMap((token) =>
      (token.explanation ?? []).map((piece) => ({
        text: piece.content,
        scopes: piece.scopes.map((s) => s.scopeName),
        line,
      })),
    ),
  );
}

/** Every regular expression of the grammar (match, begin, end), with where it sits. */
export function grammarRegexes(): { where: string; source: string }[] {
  const found: { where: string; source: string }[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, `${where}[${i}]`));
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') {
          found.push({ where: `${where}.${key}`, source: value });
        } else {
          walk(value, `${where}.${key}`);
        }
      }
    }
  };
  walk(grammarJson, 'grammar');
  return found;
}
