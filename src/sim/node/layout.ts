/**
 * The node's file tree on top of the kernel model's base image: the programs of the command registry in
 * `/usr/bin` and `/usr/sbin`, `/etc` (hostname, passwd, group, os-release), `/etc/apparmor.d` with the
 * bundled tunables and abstractions plus the Kubernetes tutorial's deny-write profile (not loaded), and
 * the `/sys` switches AppArmor tools read. Data and one builder.
 */
import { BUNDLED_APPARMOR_D, BUNDLED_DIRECTORIES } from '../../apparmor/index.ts';
import type { FileSystem } from '../kernel/index.ts';
import type { CommandSpec } from '../shell/registry.ts';

/** The Kubernetes AppArmor tutorial's profile, as kubernetes.io prints it. */
export const DENY_WRITE_PROFILE = `#include <tunables/global>

profile k8s-apparmor-example-deny-write flags=(attach_disconnected) {
  #include <abstractions/base>

  file,

  # Deny all file writes.
  deny /** w,
}
`;

/** Where the tutorial's profile file lies, ready to load. */
export const DENY_WRITE_PATH = '/etc/apparmor.d/k8s-apparmor-example-deny-write';

/** The groups of the node (`/etc/group`). */
export const GROUPS: readonly { name: string; gid: number; members?: string }[] = [
  { name: 'root', gid: 0 },
  { name: 'adm', gid: 4 },
  { name: 'sudo', gid: 27, members: 'user' },
  { name: 'shadow', gid: 42 },
  { name: 'systemd-journal', gid: 999 },
  { name: 'user', gid: 1000 },
  { name: 'other', gid: 1001 },
];

const ELF = '\u007fELF\u0002\u0001\u0001';

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
user:x:1000:1000:,,,:/home/user:/bin/bash
other:x:1001:1001:,,,:/home/other:/bin/bash
`;

/** Programs every node has whether or not a command spec implements them (the shells). */
const SHELLS = ['bash'];

function put(fs: FileSystem, path: string, content: string, mode = 0o644): void {
  fs.remove(path);
  fs.put(path, { type: 'file', mode, uid: 0, gid: 0, content });
}

/**
 * Lays the node's files over a base file system.
 * @param fs - the kernel's file system (changed in place)
 * @param options - the hostname and the commands to install as programs
 */
export function layNodeFiles(fs: FileSystem, options: { hostname: string; commands: readonly CommandSpec[] }): void {
  for (const spec of options.commands) {
    if (spec.isNodeLevel) continue;
    const dir = spec.directory ?? '/usr/bin';
    const canonicalDir = dir === '/bin' ? '/usr/bin' : dir === '/sbin' ? '/usr/sbin' : dir;
    const setuid = spec.name === 'sudo' || spec.name === 'su' ? 0o4000 : 0;
    fs.remove(`${canonicalDir}/${spec.name}`);
    fs.put(`${canonicalDir}/${spec.name}`, {
      type: 'file', mode: 0o755 | setuid, uid: 0, gid: 0, content: ELF, exec: { kind: 'dynamic', program: spec.name },
    });
    for (const alias of spec.aliases ?? []) {
      fs.remove(`${canonicalDir}/${alias}`);
      fs.put(`${canonicalDir}/${alias}`, { type: 'symlink', mode: 0o777, uid: 0, gid: 0, content: '', target: spec.name });
    }
  }
  for (const shell of SHELLS) {
    if (!fs.get(`/usr/bin/${shell}`)) {
      fs.put(`/usr/bin/${shell}`, { type: 'file', mode: 0o755, uid: 0, gid: 0, content: ELF, exec: { kind: 'dynamic', program: shell } });
    }
  }
  put(fs, '/etc/hostname', `${options.hostname}\n`);
  put(fs, '/proc/sys/kernel/hostname', `${options.hostname}\n`);
  put(fs, '/etc/hosts', `127.0.0.1\tlocalhost\n127.0.1.1\t${options.hostname}\n`);
  put(fs, '/etc/passwd', PASSWD);
  put(fs, '/etc/group', GROUPS.map((g) => `${g.name}:x:${g.gid}:${g.members ?? ''}\n`).join(''));
  put(fs, '/usr/lib/os-release', OS_RELEASE);
  fs.remove('/etc/os-release');
  fs.put('/etc/os-release', { type: 'symlink', mode: 0o777, uid: 0, gid: 0, content: '', target: '../usr/lib/os-release' });
  put(fs, '/sys/module/apparmor/parameters/enabled', 'Y\n');
  for (const dir of BUNDLED_DIRECTORIES) {
    if (!fs.get(`/etc/apparmor.d/${dir}`)) fs.put(`/etc/apparmor.d/${dir}`, { type: 'dir', mode: 0o755, uid: 0, gid: 0, content: '' });
  }
  for (const [file, text] of BUNDLED_APPARMOR_D) put(fs, `/etc/apparmor.d/${file}`, text);
  put(fs, DENY_WRITE_PATH, DENY_WRITE_PROFILE);
  for (const dir of ['/var/log', '/var/cache/apparmor', '/etc/apparmor.d/disable', '/etc/apparmor.d/local']) {
    if (!fs.get(dir)) fs.put(dir, { type: 'dir', mode: 0o755, uid: 0, gid: 0, content: '' });
  }
}
