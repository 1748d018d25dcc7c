/**
 * Turns a content file path into its URL slug: the `NN-` order prefixes of folders and files are
 * stripped and the `.md` extension dropped (DESIGN.md §3.8).
 *
 * @param entry - a path relative to the collection base, e.g. `docs/01-basics/02-profiles.md`
 * @returns the slug, e.g. `docs/basics/profiles`; `index.md` becomes `index`
 * @example contentSlug('docs/02-language/01-file-rules.md') // → 'docs/language/file-rules'
 */
export function contentSlug(entry: string): string {
  return entry
    .replace(/\.md$/, '')
    .split('/')
    .map((part) => part.replace(/^\d\d-/, ''))
    .join('/');
}
