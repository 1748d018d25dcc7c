// Pathname expansion against the host's directory listings, as bash's glob_filename: one directory
// level per pattern component, dotfiles only for a leading `.`, no match → the word stays as typed.
import type { Errno } from './host.ts';
import { anchoredRegExp, hasGlobChars, patternToRegExpSource, unescapePattern } from './pattern.ts';

/** The two file-system questions globbing asks. */
export type GlobFs = {
  listDir(path: string): readonly string[] | Errno;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  cwd: string;
};

const joinPath = (dir: string, name: string): string => (dir === '' ? name : dir.endsWith('/') ? dir + name : `${dir}/${name}`);

/** Matches one pattern, returning the sorted matches (as written: relative stays relative). */
function globOne(pattern: string, fs: GlobFs): string[] {
  const isAbsolute = pattern.startsWith('/');
  const components = pattern.split('/').filter((c, k) => c !== '' || k === 0);
  let bases = [isAbsolute ? '/' : ''];
  for (const [k, component] of components.entries()) {
    if (k === 0 && isAbsolute) continue;
    const next: string[] = [];
    for (const base of bases) {
      if (!hasGlobChars(component)) {
        next.push(joinPath(base, unescapePattern(component)));
        continue;
      }
      const dir = base === '' ? fs.cwd : base.startsWith('/') ? base : joinPath(fs.cwd, base);
      const names = fs.listDir(dir);
      if (typeof names === 'string') continue;
      const re = anchoredRegExp(patternToRegExpSource(component));
      const allowDot = component.startsWith('.') || component.startsWith('\\.');
      for (const name of [...names].sort()) {
        if ((allowDot || !name.startsWith('.')) && re.test(name)) next.push(joinPath(base, name));
      }
    }
    bases = next;
  }
  const absolute = (p: string): string => (p.startsWith('/') ? p : joinPath(fs.cwd, p));
  if (pattern.endsWith('/')) return bases.filter((p) => fs.isDirectory(absolute(p))).map((m) => m + '/');
  return bases.filter((p) => fs.exists(absolute(p)));
}

/**
 * Expands each escaped pattern into its matches, or its unescaped text when nothing matches.
 * @param patterns the fields, quoted characters escaped with `\`
 * @param fs directory listings and existence checks
 * @returns the final argument words
 * @example globFields(['*.yaml'], fs) // ['a.yaml', 'b.yaml']
 */
export function globFields(patterns: readonly string[], fs: GlobFs): string[] {
  return patterns.flatMap((pattern) => {
    if (!hasGlobChars(pattern)) return [unescapePattern(pattern)];
    const matches = globOne(pattern, fs);
    return matches.length > 0 ? matches : [unescapePattern(pattern)];
  });
}
