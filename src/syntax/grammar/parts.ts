/**
 * The building blocks of the AppArmor TextMate grammar: the raw-rule types, the shared regex fragments
 * (paths, names, word lists) and small helpers. Regexes must run on Shiki's JavaScript engine, so they use
 * only what Oniguruma and JavaScript share (fixed-length lookbehind, no possessive quantifiers).
 */

/** A capture of a TextMate rule: a scope name and/or patterns re-run over the captured text. */
export type Capture = { name?: string; patterns?: Rule[] };

/** A TextMate grammar rule, as in a `.tmLanguage.json` file. */
export type Rule = {
  comment?: string;
  include?: string;
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, Capture>;
  beginCaptures?: Record<string, Capture>;
  endCaptures?: Record<string, Capture>;
  patterns?: Rule[];
};

/** A whole TextMate grammar. */
export type Grammar = {
  $schema: string;
  name: string;
  scopeName: string;
  displayName: string;
  aliases: string[];
  patterns: Rule[];
  repository: Record<string, Rule>;
};

const R = String.raw;

/** No word character, path character or dash right before: a keyword starts here. */
export const EDGE = R`(?<![\w/@.+-])`;
/** A quoted string with backslash escapes. */
export const QUOTED = R`"(?:[^"\\]|\\.)*"`;
/** `{a,b}` alternation, nested two levels deep; its commas belong to the path, not the rule. */
export const BRACE = R`\{(?:[^\s{}]|\{[^\s{}]*\})*\}`;
/** `@{NAME}` inside a path. */
export const VAR = R`@\{[^}\s]*\}`;
/**
 * An unquoted path: starts with `/` or `@{`, runs to whitespace, `,`, `(`, `)` or `=`. A `#` inside is part
 * of the path, as apparmor_parser 3.0.8 reads `/tmp/a#b r,` as the path `/tmp/a#b`.
 */
export const PATH = R`(?:/|${VAR})(?:${VAR}|${BRACE}|[^\s,{}()"=])*`;
/** A profile name: quoted, or anything up to whitespace, a quote, a brace, a paren or a comma. */
export const NAME = R`(?:${QUOTED}|[^\s"{}(),]+)`;
/** Optional flags before a block: `(complain)` or `flags=(complain)`. */
export const FLAGS_AHEAD = R`(?:(?:flags\s*=\s*)?\([^)]*\)\s*)?`;
/** After a keyword: not followed by a word character, path character or dash. */
export const WORD_END = R`(?![\w/.-])`;

/** Accesses of signal, ptrace, unix, dbus, io_uring and 4.x network rules (apparmor.d(5)). */
export const ACCESS_WORDS = [
  'send', 'receive', 'read', 'write', 'readby', 'trace', 'tracedby', 'create', 'bind', 'listen', 'accept',
  'connect', 'shutdown', 'getattr', 'setattr', 'getopt', 'setopt', 'eavesdrop', 'sqpoll', 'override_creds',
  'open', 'delete', 'r', 'w', 'rw',
];

/**
 * @param list - literal words
 * @returns a regex matching exactly one of them as a whole word (longest first, metacharacters escaped)
 * @example words(['r', 'rw']) // → '(?<![\\w.+-])(?:rw|r)(?![\\w.+=-])'
 */
export function words(list: readonly string[]): string {
  const escaped = [...new Set(list)]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return R`(?<![\w.+-])(?:${escaped.join('|')})(?![\w.+=-])`;
}

/**
 * @param name - the scope of the whole rule (`meta.rule.capability.apparmor`)
 * @param begin - the regex of the rule's keyword(s)
 * @param keywordGroups - how many capture groups `begin` has, each a `keyword.other.rule`
 * @param patterns - what may appear inside the rule
 * @returns a rule that runs from its keyword to the terminating `,` (or to a `}` when the comma is missing)
 * @example terminated('meta.rule.x.apparmor', '(x)', 1, []).end // → '(,)|(?=\\})'
 */
export function terminated(name: string, begin: string, keywordGroups: number, patterns: Rule[]): Rule {
  const beginCaptures: Record<string, Capture> = {};
  for (let group = 1; group <= keywordGroups; group += 1) beginCaptures[group] = { name: 'keyword.other.rule.apparmor' };
  return {
    name,
    begin,
    beginCaptures,
    end: R`(,)|(?=\})`,
    endCaptures: { 1: { name: 'punctuation.terminator.rule.apparmor' } },
    patterns,
  };
}

/** @returns a reference to a repository rule. */
export const include = (name: string): Rule => ({ include: `#${name}` });
