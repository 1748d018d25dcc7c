/**
 * Our bundle of the standard `/etc/apparmor.d` include files (tunables, abstractions, abi), so that
 * `include <tunables/global>` and `include <abstractions/base>` resolve offline, in the browser. Text only:
 * the resolver reads it through `bundleReader`; nothing here parses or expands anything.
 */
import type { IncludeReader } from '../policy/resolved-policy.ts';
import { ABI } from './abi.ts';
import { APACHE2_COMMON_ABSTRACTIONS } from './abstractions/apache2-common.ts';
import { BASE_ABSTRACTIONS } from './abstractions/base.ts';
import { CERTIFICATE_ABSTRACTIONS } from './abstractions/certificates.ts';
import { NAMESERVICE_ABSTRACTIONS } from './abstractions/nameservice.ts';
import { NAME_SOURCE_ABSTRACTIONS } from './abstractions/name-sources.ts';
import { SHELL_ABSTRACTIONS } from './abstractions/shell.ts';
import { TUNABLES } from './tunables.ts';

/** Where the bundle lives on the simulated node; reader paths may be given relative to it or absolute. */
export const APPARMOR_D = '/etc/apparmor.d';

/**
 * Every bundled file: relative path under `/etc/apparmor.d` (`tunables/global`, `abstractions/base`,
 * `abi/3.0` …) → its text.
 */
export const BUNDLED_APPARMOR_D: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ...ABI,
    ...TUNABLES,
    ...BASE_ABSTRACTIONS,
    ...NAMESERVICE_ABSTRACTIONS,
    ...NAME_SOURCE_ABSTRACTIONS,
    ...CERTIFICATE_ABSTRACTIONS,
    ...SHELL_ABSTRACTIONS,
    ...APACHE2_COMMON_ABSTRACTIONS,
  }).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);

// Directories that exist although no bundled file is in them: tunables/xdg-user-dirs is included without
// "if exists", so the folder must be there, empty, as in Debian's package.
const EMPTY_DIRECTORIES: readonly string[] = ['tunables/xdg-user-dirs.d'];

function parentsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * Every bundled directory, relative to `/etc/apparmor.d`, sorted: the parents of the bundled files plus the
 * empty ones (`tunables/xdg-user-dirs.d`). The root itself is `''` and not listed.
 */
export const BUNDLED_DIRECTORIES: readonly string[] = [
  ...new Set([...[...BUNDLED_APPARMOR_D.keys()].flatMap(parentsOf), ...EMPTY_DIRECTORIES]),
].sort();

/**
 * Turns a reader path into a bundle key: strips `/etc/apparmor.d/` (or a leading `./`), folds repeated and
 * trailing slashes. The root comes back as `''`.
 * @param path relative (`tunables/global`) or absolute (`/etc/apparmor.d/tunables/global`)
 * @returns the key, or undefined for an absolute path outside `/etc/apparmor.d`
 * @example bundleKey('/etc/apparmor.d//tunables/home.d/') // → 'tunables/home.d'
 */
export function bundleKey(path: string): string | undefined {
  const folded = path.replace(/\/{2,}/g, '/');
  let rest: string;
  if (folded === APPARMOR_D || folded.startsWith(`${APPARMOR_D}/`)) rest = folded.slice(APPARMOR_D.length);
  else if (folded.startsWith('/')) return undefined;
  else rest = folded;
  return rest.replace(/^(\.\/)+/, '').replace(/^\/+|\/+$/g, '');
}

/**
 * Reads a bundled file.
 * @param path relative to `/etc/apparmor.d`, or absolute under it
 * @returns the text, or undefined when no such file is bundled (directories included)
 * @example readBundledFile('tunables/proc')?.includes('@{PROC}=/proc/') // → true
 */
export function readBundledFile(path: string): string | undefined {
  const key = bundleKey(path);
  return key === undefined ? undefined : BUNDLED_APPARMOR_D.get(key);
}

/**
 * Lists a bundled directory, as `readdir` would: entry names only (files and subdirectories), sorted.
 * @param path relative to `/etc/apparmor.d` (`''` is the root), or absolute under it
 * @returns the names, `[]` for an empty directory, or undefined when it is not a bundled directory
 * @example listBundledDir('tunables/home.d') // → ['site.local']
 */
export function listBundledDir(path: string): string[] | undefined {
  const key = bundleKey(path);
  if (key === undefined || (key !== '' && !BUNDLED_DIRECTORIES.includes(key))) return undefined;
  const prefix = key === '' ? '' : `${key}/`;
  const names = new Set<string>();
  for (const entry of [...BUNDLED_APPARMOR_D.keys(), ...BUNDLED_DIRECTORIES]) {
    if (!entry.startsWith(prefix)) continue;
    const name = entry.slice(prefix.length).split('/')[0];
    if (name) names.add(name);
  }
  return [...names].sort();
}

/**
 * The include reader over the bundle, for `resolvePolicy({ reader })`: paths relative to `/etc/apparmor.d` or
 * absolute under it (the resolver asks for `/etc/apparmor.d/tunables/global`).
 */
export const bundleReader: IncludeReader = { readFile: readBundledFile, listDir: listBundledDir };
