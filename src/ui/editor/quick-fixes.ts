/**
 * Quick fixes for the mistakes learners make most, computed from a diagnostic and the text (no Monaco):
 * a missing comma, a comma after an include, qualifiers in the wrong order, `w` with `a`, exec modes on deny
 * rules, a bare `x`, `ux`, quiet deny rules, `#include` and misspelt capabilities. Each fix is a list of text edits.
 */
import type { Diagnostic } from '../../apparmor/index.ts';
import { CAPABILITIES } from '../../apparmor/vocabulary.ts';

/** One replacement: `[start, end)` offsets and the new text. */
export type TextEdit = { range: [number, number]; text: string };

/** A fix the editor offers for a diagnostic. */
export type QuickFix = { title: string; edits: TextEdit[]; isPreferred: boolean };

/** Where the previous statement ends: the last non-blank character before `offset`, skipping comments. */
function endOfPrevious(text: string, offset: number): number {
  let at = offset;
  for (;;) {
    while (at > 0 && /\s/.test(text[at - 1] ?? '')) at--;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const line = text.slice(lineStart, at);
    const hash = line.search(/#(?!include\b)/);
    if (hash === -1) return at;
    at = lineStart + hash;
  }
}

function missingComma(text: string, d: Diagnostic): QuickFix[] {
  const at = endOfPrevious(text, d.range[0]);
  if (at === 0 || ',{}'.includes(text[at - 1] ?? '')) return [];
  return [{ title: "Add the missing ',' at the end of the rule", edits: [{ range: [at, at], text: ',' }], isPreferred: true }];
}

function editWord(d: Diagnostic, text: string, title: string, replacement: string): QuickFix {
  return { title, edits: [{ range: [d.range[0], d.range[1]], text: replacement }], isPreferred: text !== replacement };
}

const QUALIFIER_RANK: Readonly<Record<string, number>> = { audit: 0, allow: 1, deny: 1, owner: 2, other: 2 };

/** `owner deny /x w,` → `deny owner /x w,`: the qualifier run in the order [audit] [allow|deny] [owner|other]. */
function reorderQualifiers(text: string, d: Diagnostic): QuickFix[] {
  const lineStart = text.lastIndexOf('\n', d.range[0] - 1) + 1;
  const run = /^(\s*)((?:(?:audit|allow|deny|owner|other)\s+)+)/.exec(text.slice(lineStart));
  if (!run) return [];
  const words = (run[2] ?? '').trim().split(/\s+/);
  const sorted = [...words].sort((a, b) => (QUALIFIER_RANK[a] ?? 0) - (QUALIFIER_RANK[b] ?? 0));
  if (sorted.join(' ') === words.join(' ')) return [];
  const start = lineStart + (run[1] ?? '').length;
  const end = start + (run[2] ?? '').trimEnd().length;
  return [{ title: `Write '${sorted.join(' ')}' (qualifiers go audit, allow/deny, owner/other)`, edits: [{ range: [start, end], text: sorted.join(' ') }], isPreferred: true }];
}

function unexpectedToken(text: string, d: Diagnostic): QuickFix[] {
  const token = text.slice(d.range[0], d.range[1]);
  const lineStart = text.lastIndexOf('\n', d.range[0] - 1) + 1;
  const before = text.slice(lineStart, d.range[0]);
  if (token === ',' && /^\s*#?include\b/.test(before)) {
    return [{ title: "Remove the ',' (includes take no comma)", edits: [{ range: [d.range[0], d.range[1]], text: '' }], isPreferred: true }];
  }
  if (/^(audit|deny|allow|owner|other)$/.test(token)) return reorderQualifiers(text, d);
  const isNewStatement = /^\s*$/.test(before) && /TOK_END_OF_RULE/.test(d.message) && !/unexpected TOK_END_OF_RULE/.test(d.message);
  return isNewStatement ? missingComma(text, d) : [];
}

function closestCapability(name: string): string | undefined {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const above = row[j] ?? 0;
        row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length] ?? Infinity;
  };
  const ranked = CAPABILITIES.map((c) => [c, distance(name.toLowerCase(), c)] as const).sort((x, y) => x[1] - y[1]);
  const best = ranked[0];
  return best && best[1] <= Math.max(2, Math.floor(name.length / 3)) ? best[0] : undefined;
}

function permissionFixes(text: string, d: Diagnostic): QuickFix[] {
  const word = text.slice(d.range[0], d.range[1]);
  if (d.code === 'EXEC_MODE_WITH_DENY') return [editWord(d, word, "Use a bare 'x' (deny rules take no exec mode)", word.replace(/[iupcPUC]+x/, 'x'))];
  if (d.code === 'BARE_X_WITHOUT_DENY') {
    return [editWord(d, word, "Use 'ix' (run it under this profile)", word.replace('x', 'ix')),
      { ...editWord(d, word, "Use 'Px' (run it under its own profile)", word.replace('x', 'Px')), isPreferred: false }];
  }
  if (d.code === 'WRITE_AND_APPEND' || /'a' and 'w'|'w' and 'a'/.test(d.message)) {
    if (!word.includes('w') || !word.includes('a')) return [];
    return [editWord(d, word, "Drop 'a' ('w' already allows appending)", word.replace('a', '')),
      { ...editWord(d, word, "Drop 'w' (allow appending only)", word.replace('w', '')), isPreferred: false }];
  }
  return [];
}

/**
 * The fixes for one diagnostic.
 *
 * @param text - the document the diagnostic was computed from
 * @param diagnostic - an engine diagnostic of this text (not of an included file)
 * @returns zero or more fixes, the preferred one first
 * @example quickFixesFor('profile p {\n  /a r\n  /b w,\n}', { code: 'MISSING_COMMA', severity: 'error',
 *   message: '…', range: [21, 23] })[0]?.edits // → [{ range: [18, 18], text: ',' }]
 */
export function quickFixesFor(text: string, diagnostic: Diagnostic): QuickFix[] {
  if (diagnostic.file !== undefined) return [];
  const word = text.slice(diagnostic.range[0], diagnostic.range[1]);
  switch (diagnostic.code) {
    case 'MISSING_COMMA': return missingComma(text, diagnostic);
    case 'UNEXPECTED_TOKEN': case 'QUALIFIER_ORDER': case 'INCLUDE_WITH_COMMA': return unexpectedToken(text, diagnostic);
    case 'EXEC_MODE_WITH_DENY': case 'BARE_X_WITHOUT_DENY': case 'INVALID_PERMISSION': case 'CONFLICTING_PERMS': case 'WRITE_AND_APPEND':
      return permissionFixes(text, diagnostic);
    case 'DEPRECATED_SYNTAX':
      return word.startsWith('#include')
        ? [{ title: "Write 'include' (without '#')", edits: [{ range: [diagnostic.range[0], diagnostic.range[0] + 1], text: '' }], isPreferred: true }]
        : [];
    case 'QUIET_DENY':
      return [{ title: "Write 'audit deny' so the denial is logged", edits: [{ range: [diagnostic.range[0], diagnostic.range[0]], text: 'audit ' }], isPreferred: false }];
    case 'DANGEROUS_UX': {
      const ux = /\b(ux|Ux)\b/.exec(word);
      if (!ux) return [];
      const at = diagnostic.range[0] + ux.index;
      return [
        { title: "Use 'Px': run it under its own profile", edits: [{ range: [at, at + 2], text: 'Px' }], isPreferred: true },
        { title: "Use 'ix': run it under this profile", edits: [{ range: [at, at + 2], text: 'ix' }], isPreferred: false },
      ];
    }
    case 'UNKNOWN_CAPABILITY': {
      const best = closestCapability(word);
      return best ? [editWord(diagnostic, word, `Change to '${best}'`, best)] : [];
    }
    default: return [];
  }
}
