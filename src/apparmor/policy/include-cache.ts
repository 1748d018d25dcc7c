/**
 * A cache of parsed include files that a caller keeps and passes to `resolvePolicy` (`ResolveOptions.includes`),
 * so the same abstraction is parsed once per cache rather than once per profile. Entries are keyed by path and
 * checked against the file's current text, so an edited file is parsed again; there is no module-level state.
 */
import type { LanguageVersion } from '../parser/ast.ts';
import { parsePolicy, type ParseResult } from '../parser/parser.ts';
import { LineCounter } from '../source.ts';

/** One parsed include file; shared between resolutions, so callers must treat it as read-only. */
export type ParsedInclude = { readonly parsed: ParseResult; readonly lines: LineCounter };

type Entry = { text: string; include: ParsedInclude };

/** Parsed include files keyed by (language level, context, path), each valid for one text. */
export class IncludeCache {
  readonly #entries = new Map<string, Entry>();

  /**
   * @param path - the include file's path
   * @param text - its current text (a different text than the cached one replaces the entry)
   * @param version - the language level it is parsed at
   * @param context - `policy` at top level, `body` inside a profile
   * @returns the parse result and line counter of `text`
   * @example new IncludeCache().parse('/etc/apparmor.d/a', '/tmp/a r,', '3.0', 'body').parsed.diagnostics // → []
   */
  parse(path: string, text: string, version: LanguageVersion, context: 'policy' | 'body'): ParsedInclude {
    const key = `${version}\0${context}\0${path}`;
    const known = this.#entries.get(key);
    if (known !== undefined && known.text === text) return known.include;
    const include = { parsed: parsePolicy(text, { version, context }), lines: new LineCounter(text) };
    this.#entries.set(key, { text, include });
    return include;
  }

  /** @returns how many parsed files the cache holds */
  get size(): number {
    return this.#entries.size;
  }
}
