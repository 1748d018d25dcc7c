// The permission-mask model: policy letters → kernel request bits (kernel:file.c map_old_perms) and the
// letters audit lines print (aa_file_perm_chrs "xwracd         km l").
import { describe, expect, it } from 'vitest';
import { PERM, formatKernelFileMask, formatPolicyPerms, mapPolicyToKernel } from '../../src/apparmor/policy/perms.ts';
import { MAY } from '../../src/apparmor/policy/request.ts';

describe('policy letters to kernel bits', () => {
  it('lets r grant read, getattr and open', () => {
    expect(mapPolicyToKernel(PERM.READ)).toBe(MAY.READ | MAY.GETATTR | MAY.OPEN);
  });

  it('lets w grant write, create, delete, setattr, chmod, chown and open, but not append', () => {
    expect(mapPolicyToKernel(PERM.WRITE)).toBe(MAY.WRITE | MAY.CREATE | MAY.DELETE | MAY.SETATTR | MAY.CHMOD | MAY.CHOWN | MAY.OPEN);
  });

  it('lets a grant append only, and l k m x their single bits', () => {
    expect(mapPolicyToKernel(PERM.APPEND)).toBe(MAY.APPEND);
    expect(mapPolicyToKernel(PERM.LINK | PERM.LOCK | PERM.MMAP | PERM.EXEC)).toBe(MAY.LINK | MAY.LOCK | MAY.EXEC_MMAP | MAY.EXEC);
  });
});

describe('audit mask letters', () => {
  it('prints a read-write request as "wr", in the kernel\'s bit order', () => {
    expect(formatKernelFileMask(MAY.READ | MAY.WRITE)).toBe('wr');
  });

  it('prints getattr as r and setattr/chmod/chown as w, and open not at all', () => {
    expect(formatKernelFileMask(MAY.GETATTR)).toBe('r');
    expect(formatKernelFileMask(MAY.CHMOD)).toBe('w');
    expect(formatKernelFileMask(MAY.SETATTR | MAY.CHOWN)).toBe('w');
    expect(formatKernelFileMask(MAY.OPEN)).toBe('');
  });

  it('prints every letter in order x w r a c d k m l', () => {
    const all = MAY.EXEC | MAY.WRITE | MAY.READ | MAY.APPEND | MAY.CREATE | MAY.DELETE | MAY.LOCK | MAY.EXEC_MMAP | MAY.LINK;
    expect(formatKernelFileMask(all)).toBe('xwracdkml');
  });
});

describe('policy mask letters', () => {
  it('renders r w a l k m and then the exec mode, as the conformance table does', () => {
    const all = PERM.READ | PERM.WRITE | PERM.APPEND | PERM.LINK | PERM.LOCK | PERM.MMAP | PERM.EXEC;
    expect(formatPolicyPerms(all, 'ix')).toBe('rwalkmix');
    expect(formatPolicyPerms(PERM.READ | PERM.EXEC)).toBe('rx');
    expect(formatPolicyPerms(0)).toBe('');
  });
});
