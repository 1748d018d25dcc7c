/**
 * Finding include files: `<magic>` paths through the search path (`-I` dirs, then the base directory), `"quoted"`
 * paths as written (relative to the working directory), and directory includes (every regular file, sorted,
 * skipping dotfiles and package-manager leftovers, as libapparmor's `_aa_is_blacklisted`).
 */
import type { IncludeReader } from './resolved-policy.ts';

/** Suffixes of files a directory include skips. */
const IGNORED_SUFFIXES = [
  '.dpkg-new', '.dpkg-old', '.dpkg-dist', '.dpkg-bak', '.dpkg-remove', '.pacsave', '.pacnew', '.rpmnew', '.rpmsave',
  '.orig', '.rej', '~',
];

/** One file an include brings in. */
export type IncludedFile = { path: string; text: string };

/** What an include resolves to: files (one, or a directory's files), or nothing (`fullPath` for the message). */
export type IncludeLookup = { files: IncludedFile[]; found: boolean; fullPath: string | undefined };

/**
 * @param name - a directory entry name
 * @returns true when a directory include skips it
 * @example isIgnoredIncludeName('base.dpkg-new') // → true
 */
export function isIgnoredIncludeName(name: string): boolean {
  return name === '' || name.startsWith('.') || IGNORED_SUFFIXES.some((s) => name.endsWith(s));
}

function joinPath(dir: string, name: string): string {
  if (name.startsWith('/')) return name;
  let end = dir.length;
  while (end > 0 && dir.charCodeAt(end - 1) === 47) end--;
  return `${dir.slice(0, end)}/${name}`;
}

function normalise(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `${path.startsWith('/') ? '/' : ''}${parts.join('/')}`;
}

function open(reader: IncludeReader, path: string): IncludedFile[] | undefined {
  const text = reader.readFile(path);
  if (text !== undefined) return [{ path, text }];
  const entries = reader.listDir(path);
  if (entries === undefined) return undefined;
  const files: IncludedFile[] = [];
  for (const name of [...entries].sort()) {
    if (isIgnoredIncludeName(name)) continue;
    const child = joinPath(path, name);
    const childText = reader.readFile(child);
    if (childText !== undefined) files.push({ path: child, text: childText });
  }
  return files;
}

/**
 * Resolves an include target.
 *
 * @param reader - the injected file access
 * @param path - the path inside `<>` or `""`
 * @param isMagic - true for `<path>` (search path), false for `"path"` (as written, relative to `cwd`)
 * @param searchDirs - `-I` directories, then the base directory
 * @param cwd - the working directory for relative quoted paths
 * @returns the files found (a directory gives its files) and whether anything was found
 * @example lookupInclude(reader, 'abstractions/base', true, ['/etc/apparmor.d'], '/').files[0]?.path
 *   // → '/etc/apparmor.d/abstractions/base'
 */
export function lookupInclude(
  reader: IncludeReader, path: string, isMagic: boolean, searchDirs: readonly string[], cwd: string,
): IncludeLookup {
  if (!isMagic) {
    const full = normalise(joinPath(cwd, path));
    const files = open(reader, full);
    return { files: files ?? [], found: files !== undefined, fullPath: path };
  }
  for (const dir of searchDirs) {
    const full = normalise(joinPath(dir, path));
    const files = open(reader, full);
    if (files !== undefined) return { files, found: true, fullPath: full };
  }
  return { files: [], found: false, fullPath: undefined };
}
