/**
 * File modes: `chmod`'s octal and symbolic modes (`u+x`, `go-w`, `a=rX`, `+t`) as gnulib modechange.c
 * applies them, and the `ls -l` / `stat -A` permission string.
 */

/**
 * Applies a mode operand to a current mode.
 * @param spec - octal (`755`) or symbolic (`u+x,go-w`)
 * @param current - the file's current permission bits
 * @param isDir - a directory (for `X`, and octal keeping setuid/setgid on directories)
 * @param umask - the umask for symbolic modes without a who (`+x`)
 * @returns the new bits, or undefined for an invalid mode
 * @example applyMode('u+x', 0o644, false) // → 0o744
 */
export function applyMode(spec: string, current: number, isDir: boolean, umask = 0o022): number | undefined {
  if (/^[0-7]+$/.test(spec)) {
    if (spec.length > 5) return undefined;
    const value = parseInt(spec, 8);
    // as modechange.c: fewer than 5 digits keep a directory's setuid/setgid bits
    return isDir && spec.length < 5 ? value | (current & 0o6000) : value;
  }
  let mode = current;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] ?? '';
    for (const action of (m[2] ?? '').match(/[-+=][rwxXstugo]*/g) ?? []) {
      mode = applyAction(mode, who, action, isDir, umask);
    }
  }
  return mode;
}

function whoMask(who: string): number {
  if (who === '' || who.includes('a')) return 0o7777;
  let mask = 0;
  if (who.includes('u')) mask |= 0o4700;
  if (who.includes('g')) mask |= 0o2070;
  if (who.includes('o')) mask |= 0o1007;
  return mask;
}

function permBits(perms: string, mode: number, isDir: boolean): number {
  let bits = 0;
  for (const p of perms) {
    if (p === 'r') bits |= 0o444;
    else if (p === 'w') bits |= 0o222;
    else if (p === 'x') bits |= 0o111;
    else if (p === 'X') bits |= isDir || (mode & 0o111) !== 0 ? 0o111 : 0;
    else if (p === 's') bits |= 0o6000;
    else if (p === 't') bits |= 0o1000;
    else {
      const shift = p === 'u' ? 6 : p === 'g' ? 3 : 0;
      const copied = (mode >> shift) & 7;
      bits |= copied * 0o111;
    }
  }
  return bits;
}

function applyAction(mode: number, who: string, action: string, isDir: boolean, umask: number): number {
  const op = action[0];
  let bits = permBits(action.slice(1), mode, isDir) & whoMask(who);
  // without a who, the umask limits what + and = add (`chmod +w` as a normal user)
  if (who === '') bits &= ~umask;
  if (op === '+') return mode | bits;
  if (op === '-') return mode & ~bits;
  return (mode & ~whoMask(who)) | bits;
}

/**
 * The 10-character mode string of `ls -l` / `stat %A`.
 * @param type - the file type
 * @param mode - permission bits with setuid/setgid/sticky
 * @returns e.g. `drwxr-xr-x`
 * @example modeString('dir', 0o1777) // → 'drwxrwxrwt'
 */
export function modeString(type: string, mode: number): string {
  const typeChar = { file: '-', dir: 'd', symlink: 'l', fifo: 'p', chr: 'c' }[type] ?? '?';
  const triple = (shift: number, special: number, letter: string): string => {
    const bits = (mode >> shift) & 7;
    const x = (bits & 1) !== 0;
    const isSpecial = (mode & special) !== 0;
    const execChar = isSpecial ? (x ? letter : letter.toUpperCase()) : x ? 'x' : '-';
    return `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${execChar}`;
  };
  return typeChar + triple(6, 0o4000, 's') + triple(3, 0o2000, 's') + triple(0, 0o1000, 't');
}
