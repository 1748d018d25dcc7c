/**
 * Decoding of file permission strings (`rw`, `Pix`, `rwlkmPUx`…), with apparmor_parser's own error wording.
 * Semantics as `parser_misc.c:parse_sub_mode`: upper-case `RWALIMX` are accepted as lower case, one exec
 * transition per string, `w` and `a` are mutually exclusive.
 */
import type { ExecMode, FilePermissions } from '../ast.ts';

/** The result of decoding: the permissions, and the first error apparmor_parser would print. */
export type DecodedMode = {
  decoded: FilePermissions;
  error: string | undefined;
  /** which rule the first error broke */
  errorKind?: 'write-append' | 'exec' | 'character';
};

type ExecBase = 'i' | 'p' | 'c' | 'u' | 'pi' | 'ci' | 'pu' | 'cu';

function execName(base: ExecBase, isSafe: boolean): ExecMode {
  const names: Record<ExecBase, [ExecMode, ExecMode]> = {
    i: ['ix', 'ix'], p: ['px', 'Px'], c: ['cx', 'Cx'], u: ['ux', 'Ux'], pi: ['pix', 'Pix'], ci: ['cix', 'Cix'],
    pu: ['pux', 'PUx'], cu: ['cux', 'CUx'],
  };
  return names[base][isSafe ? 1 : 0];
}

/**
 * Decodes a permission string.
 *
 * @param text - the TOK_MODE text, e.g. `rwPix`
 * @returns the decoded permissions and apparmor_parser's error, if any
 * @example decodeFileMode('rPx').decoded.exec // → 'Px'
 */
export function decodeFileMode(text: string): DecodedMode {
  const d: FilePermissions = {
    read: false, write: false, append: false, link: false, lock: false, mmap: false, isBareX: false, exec: undefined,
  };
  let base: ExecBase | undefined;
  let error: string | undefined;
  let errorKind: DecodedMode['errorKind'];
  const fail = (message: string): void => {
    if (error !== undefined) return;
    error = message;
    errorKind = message.startsWith('Conflict') ? 'write-append' : message.startsWith('Exec') ? 'exec' : 'character';
  };
  const setExec = (next: ExecBase, shown: string, isSafe: boolean): void => {
    // as IS_DIFF_QUAL: any difference in the exec type, safe/unsafe included, conflicts
    if (d.exec !== undefined && d.exec !== execName(next, isSafe)) {
      return fail(`Exec qualifier '${shown}' invalid, conflicting qualifier already specified`);
    }
    base = next;
    d.exec = execName(next, isSafe);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const next = (text[i + 1] ?? '').toLowerCase();
    switch (c) {
      case 'r': case 'R': d.read = true; break;
      case 'w': case 'W':
        if (d.append && !d.write) fail("Conflict 'a' and 'w' perms are mutually exclusive.");
        d.write = true;
        d.append = true;
        break;
      case 'a': case 'A':
        if (d.write) fail("Conflict 'a' and 'w' perms are mutually exclusive.");
        d.append = true;
        break;
      case 'l': case 'L': d.link = true; break;
      case 'k': d.lock = true; break;
      case 'm': case 'M': d.mmap = true; break;
      case 'x': case 'X': d.isBareX = true; break;
      case 'i': case 'I':
        if (base !== undefined && base !== 'i') fail("Exec qualifier 'i' invalid, conflicting qualifier already specified");
        else setExec('i', 'i', false);
        i++;
        break;
      case 'u': case 'U': setExec('u', c, c === 'U'); i++; break;
      case 'p': case 'P': case 'c': case 'C': {
        const kind = c.toLowerCase() as 'p' | 'c';
        if (next === 'i' || next === 'u') {
          setExec(`${kind}${next}` as ExecBase, `${c}${text[i + 1]}`, c === c.toUpperCase());
          i += 2;
        } else {
          setExec(kind, c, c === c.toUpperCase());
          i++;
        }
        break;
      }
      default: fail(`Internal: unexpected mode character '${c}' in input`);
    }
  }
  if (d.exec) d.isBareX = false;
  return errorKind ? { decoded: d, error, errorKind } : { decoded: d, error };
}

/**
 * Prints decoded permissions in canonical order (`rwalkm` then the exec mode).
 *
 * @param perms - decoded permissions
 * @returns the canonical permission string
 * @example formatFileMode(decodeFileMode('wr').decoded) // → 'rw'
 */
export function formatFileMode(perms: FilePermissions): string {
  let s = '';
  if (perms.read) s += 'r';
  if (perms.write) s += 'w';
  else if (perms.append) s += 'a';
  if (perms.link) s += 'l';
  if (perms.lock) s += 'k';
  if (perms.mmap) s += 'm';
  if (perms.exec) s += perms.exec;
  else if (perms.isBareX) s += 'x';
  return s;
}
