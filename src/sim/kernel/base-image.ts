/**
 * The base file tree of a simulated node: a Debian bookworm merged-/usr system as the corpus VM had it
 * (`/bin` → `/usr/bin`, `/bin/sh` → `dash`), the users' homes, `/proc` and `/sys` entries the labs touch,
 * and the scratch files the capability actions use. Data plus one builder; no permission logic.
 */
import { FileSystem, type ExecInfo, type FileType } from './fs.ts';

type Entry = {
  path: string;
  type?: FileType;
  mode?: number;
  uid?: number;
  gid?: number;
  content?: string;
  target?: string;
  exec?: ExecInfo;
};

/** The programs of `/usr/bin` the model knows; all dynamically linked, as on Debian. */
export const BASE_PROGRAMS = ['dash', 'ls', 'cat', 'id', 'true', 'false', 'touch', 'wget', 'echo', 'mkdir', 'rm', 'ping'];

/** Where the dynamic loader and libc live (logged names are these resolved paths). */
export const LD_SO_CACHE = '/etc/ld.so.cache';
export const LIBC = '/usr/lib/x86_64-linux-gnu/libc.so.6';

/** The static helper binary the corpus runs primitive ops with (`comm="aaop"`). */
export const HELPER_PATH = '/usr/local/bin/aaop';

const ELF = '\u007fELF\u0002\u0001\u0001';

const ENTRIES: Entry[] = [
  { path: '/usr/bin', type: 'dir' },
  { path: '/usr/sbin', type: 'dir' },
  { path: '/usr/lib/x86_64-linux-gnu', type: 'dir' },
  { path: '/usr/lib64', type: 'dir' },
  { path: '/usr/local/bin', type: 'dir' },
  { path: '/bin', type: 'symlink', target: 'usr/bin' },
  { path: '/sbin', type: 'symlink', target: 'usr/sbin' },
  { path: '/lib', type: 'symlink', target: 'usr/lib' },
  { path: '/lib64', type: 'symlink', target: 'usr/lib64' },
  { path: '/usr/bin/sh', type: 'symlink', target: 'dash' },
  { path: LIBC, mode: 0o755, content: ELF },
  { path: '/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2', mode: 0o755, content: ELF },
  { path: '/usr/lib64/ld-linux-x86-64.so.2', type: 'symlink', target: '../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2' },
  { path: HELPER_PATH, mode: 0o755, content: ELF, exec: { kind: 'static' } },
  { path: '/etc/hostname', content: 'oracle\n' },
  { path: '/etc/hosts', content: '127.0.0.1\tlocalhost\n' },
  { path: '/etc/passwd', content: 'root:x:0:0:root:/root:/bin/bash\nuser:x:1000:1000::/home/user:/bin/sh\nother:x:1001:1001::/home/other:/bin/sh\n' },
  { path: '/etc/group', content: 'root:x:0:\nshadow:x:42:\nuser:x:1000:\nother:x:1001:\n' },
  { path: '/etc/shadow', mode: 0o640, gid: 42, content: 'root:*:20779:0:99999:7:::\n' },
  { path: LD_SO_CACHE, content: 'ld.so-1.7.0' },
  { path: '/etc/apparmor.d', type: 'dir' },
  { path: '/tmp', type: 'dir', mode: 0o1777 },
  { path: '/srv', type: 'dir' },
  { path: '/mnt', type: 'dir' },
  { path: '/opt', type: 'dir' },
  { path: '/root', type: 'dir', mode: 0o700 },
  { path: '/home/user', type: 'dir', uid: 1000, gid: 1000 },
  { path: '/home/other', type: 'dir', uid: 1001, gid: 1001 },
  { path: '/dev/null', type: 'chr', mode: 0o666 },
  { path: '/dev/zero', type: 'chr', mode: 0o666 },
  { path: '/proc/self', type: 'symlink', target: '@self' },
  { path: '/proc/sysrq-trigger', mode: 0o200 },
  { path: '/proc/kcore', mode: 0o400 },
  { path: '/proc/sys/kernel/hostname', content: 'oracle\n' },
  { path: '/proc/sys/kernel/shmmax', content: '18446744073692774399\n' },
  { path: '/proc/sys/kernel/ostype', mode: 0o444, content: 'Linux\n' },
  { path: '/proc/sys/vm/swappiness', content: '60\n' },
  { path: '/sys/kernel/mm/transparent_hugepage/enabled', content: '[always] madvise never\n' },
  { path: '/sys/kernel/security/apparmor/profiles', mode: 0o444 },
  // the capability actions' scratch files (see capability-actions.ts)
  { path: '/run/aaop', type: 'dir' },
  { path: '/run/aaop/file', uid: 1000, gid: 1000, content: 'x\n' },
  { path: '/run/aaop/protected', uid: 1001, gid: 1001, mode: 0o000, content: 'x\n' },
  { path: '/run/aaop/others', uid: 1001, gid: 1001, content: 'x\n' },
  { path: '/run/aaop/group-other', uid: 0, gid: 1001, content: 'x\n' },
];

/**
 * Builds the base tree. Each call returns a fresh, independent file system.
 * @returns the node's file system before any lab or case files are laid over it
 * @example createBaseFileSystem().lookup('/bin/sh').path // → '/usr/bin/dash'
 */
export function createBaseFileSystem(): FileSystem {
  const fs = new FileSystem();
  for (const program of BASE_PROGRAMS) {
    fs.put(`/usr/bin/${program}`, {
      type: 'file', mode: 0o755, uid: 0, gid: 0, content: ELF, exec: { kind: 'dynamic', program },
    });
  }
  for (const entry of ENTRIES) {
    const type = entry.type ?? 'file';
    fs.put(entry.path, {
      type,
      mode: entry.mode ?? (type === 'dir' ? 0o755 : type === 'symlink' ? 0o777 : 0o644),
      uid: entry.uid ?? 0,
      gid: entry.gid ?? entry.uid ?? 0,
      content: entry.content ?? '',
      ...(entry.target === undefined ? {} : { target: entry.target }),
      ...(entry.exec === undefined ? {} : { exec: entry.exec }),
    });
  }
  return fs;
}
