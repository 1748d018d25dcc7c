/**
 * File permission masks in the two forms that matter: the policy bits a rule compiles to (`immunix.h`:
 * r w a l k m x plus the exec mode) and the kernel request bits they grant (`kernel:file.c map_old_perms`),
 * with the letter renderings of both (`apparmor_parser -D dfa-states` and the audit `requested_mask=`).
 */
import type { ExecMode } from '../parser/ast.ts';
import { MAY } from './request.ts';

/** The policy permission bits of one half (owner or other) of a file rule (`immunix.h` `AA_MAY_*`). */
export const PERM = {
  EXEC: 0x1,
  WRITE: 0x2,
  READ: 0x4,
  APPEND: 0x8,
  LINK: 0x10,
  LOCK: 0x20,
  MMAP: 0x40,
} as const;

/** Policy letters in the order `apparmor_parser` dumps them (`r w a l k m`, then the exec mode). */
const POLICY_LETTERS: readonly [bit: number, letter: string][] = [
  [PERM.READ, 'r'],
  [PERM.WRITE, 'w'],
  [PERM.APPEND, 'a'],
  [PERM.LINK, 'l'],
  [PERM.LOCK, 'k'],
  [PERM.MMAP, 'm'],
];

/**
 * Renders policy bits as the letters of the conformance table, e.g. `rwalkmix`.
 *
 * @param bits - OR of `PERM.*`
 * @param execMode - the exec mode shown after the letters when `PERM.EXEC` is set; `x` when undefined
 * @returns the letters, `''` for none
 * @example formatPolicyPerms(PERM.READ | PERM.WRITE | PERM.APPEND | PERM.EXEC, 'ix') // → 'rwaix'
 */
export function formatPolicyPerms(bits: number, execMode?: ExecMode): string {
  let out = '';
  for (const [bit, letter] of POLICY_LETTERS) if (bits & bit) out += letter;
  if (bits & PERM.EXEC) out += execMode ?? 'x';
  return out;
}

/**
 * Maps policy bits to the kernel request bits they grant, as `kernel:file.c map_old_perms`: `r` gives read,
 * getattr and open; `w` gives write, create, delete, setattr, chmod, chown and open; `a` append only.
 *
 * @param bits - OR of `PERM.*`
 * @returns OR of `MAY.*`
 * @example mapPolicyToKernel(PERM.READ) // → MAY.READ | MAY.GETATTR | MAY.OPEN
 */
export function mapPolicyToKernel(bits: number): number {
  let out = 0;
  if (bits & PERM.EXEC) out |= MAY.EXEC;
  if (bits & PERM.WRITE) {
    out |= MAY.WRITE | MAY.SETATTR | MAY.CREATE | MAY.DELETE | MAY.CHMOD | MAY.CHOWN | MAY.OPEN;
  }
  if (bits & PERM.READ) out |= MAY.READ | MAY.GETATTR | MAY.OPEN;
  if (bits & PERM.APPEND) out |= MAY.APPEND;
  if (bits & PERM.LINK) out |= MAY.LINK;
  if (bits & PERM.LOCK) out |= MAY.LOCK;
  if (bits & PERM.MMAP) out |= MAY.EXEC_MMAP;
  return out;
}

/** `kernel:lib.c aa_file_perm_chrs`: the letter of each request bit, indexed by bit number. */
const FILE_PERM_CHRS = 'xwracd         km l     ';

/** The bits `kernel:file.c audit_file_mask` prints (`PERMS_CHRS_MASK`). */
const PERMS_CHRS_MASK =
  MAY.READ | MAY.WRITE | MAY.CREATE | MAY.DELETE | MAY.LINK | MAY.LOCK | MAY.EXEC | MAY.EXEC_MMAP | MAY.APPEND;

/**
 * Renders kernel request bits as the audit line prints them (`kernel:file.c map_mask_to_chr_mask`): getattr
 * shows as `r`; setattr, chmod and chown show as `w`; open and rename print nothing.
 *
 * @param mask - OR of `MAY.*`
 * @returns the letters in bit order, e.g. `wr` for a read-write open
 * @example formatKernelFileMask(MAY.READ | MAY.WRITE | MAY.OPEN) // → 'wr'
 */
export function formatKernelFileMask(mask: number): string {
  let m = mask & PERMS_CHRS_MASK;
  if (mask & MAY.GETATTR) m |= MAY.READ;
  if (mask & (MAY.SETATTR | MAY.CHMOD | MAY.CHOWN)) m |= MAY.WRITE;
  let out = '';
  for (let bit = 0; bit < FILE_PERM_CHRS.length; bit++) {
    if (m & (1 << bit)) {
      const chr = FILE_PERM_CHRS[bit];
      if (chr !== undefined && chr !== ' ') out += chr;
    }
  }
  return out;
}

/** The requested-mask bits the kernel prints at all (`AA_AUDIT_FILE_MASK`-ish: everything but open/rename). */
export const FILE_AUDIT_MASK = PERMS_CHRS_MASK | MAY.GETATTR | MAY.SETATTR | MAY.CHMOD | MAY.CHOWN;

/** The letters a file rule's exec mode is spelled with, for explanations. */
export const EXEC_MODES: readonly ExecMode[] = [
  'ix', 'px', 'Px', 'cx', 'Cx', 'ux', 'Ux', 'pix', 'Pix', 'cix', 'Cix', 'pux', 'PUx', 'cux', 'CUx',
];
