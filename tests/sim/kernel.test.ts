// The kernel model on its own: syscalls in the kernel's order over the real engine, checked against the
// behaviours the kernel corpus found (conformance kernel/README.md "Kernel behaviors worth knowing").
import { describe, expect, it } from 'vitest';
import { bundleReader } from '../../src/apparmor/index.ts';
import { HELPER_PATH } from '../../src/sim/kernel/base-image.ts';
import { Kernel } from '../../src/sim/kernel/kernel.ts';
import { createPolicyLoader, loadPolicyFile, removePolicyProfile } from '../../src/sim/kernel/policy-loader.ts';
import { ProfileSet, attachmentScore, loadOrder, type LoadedProfile } from '../../src/sim/kernel/profile-set.ts';
import { sysExecve } from '../../src/sim/kernel/syscalls/exec.ts';
import { sysChmod, sysLink, sysLock, sysMkdir, sysRemove, sysRename, sysStat } from '../../src/sim/kernel/syscalls/file-ops.ts';
import { sysKill } from '../../src/sim/kernel/syscalls/ipc.ts';
import { sysSocket } from '../../src/sim/kernel/syscalls/net.ts';
import { installInheritedFd, sysOpen, sysRead, sysWrite } from '../../src/sim/kernel/syscalls/open.ts';
import { sysChangeProfile } from '../../src/sim/kernel/syscalls/procattr.ts';
import type { Task } from '../../src/sim/kernel/task.ts';

/** A kernel with the given policy files loaded, and a helper task entering `as`. */
function boot(...policies: string[]): { kernel: Kernel; task: (as?: string, user?: string) => Task; lines: (mark: number) => string[] } {
  const kernel = new Kernel();
  const loader = createPolicyLoader({ reader: bundleReader });
  kernel.profiles.nullProfileFactory = (name) => loader.nullProfile(name);
  for (const [i, text] of policies.entries()) {
    const loaded = loader.load(text, `/etc/apparmor.d/p${i}`, { isComplain: false });
    expect(loaded.stderr).toBe('');
    kernel.profiles.load(loadOrder(loaded.profiles));
  }
  const task = (as?: string, user = 'root'): Task => {
    const t = kernel.spawn({ exe: HELPER_PATH, user });
    if (as) expect(sysChangeProfile(kernel, t, as, 'change_profile', false).ok).toBe(true);
    return t;
  };
  const lines = (mark: number): string[] => kernel.auditSince(mark).map((l) => l.replace(/pid=\d+/, 'pid=N'));
  return { kernel, task, lines };
}

describe('the kernel model', () => {
  it('logs mknod c and then open wc when an audit rule covers a file being created', () => {
    const { kernel, task, lines } = boot('profile p {\n  audit /tmp/d/* w,\n}\n');
    kernel.fs.put('/tmp/d', { type: 'dir', mode: 0o777, uid: 0, gid: 0, content: '' });
    const mark = kernel.auditMark();
    expect(sysOpen(kernel, task('p'), '/tmp/d/new', { access: 'wronly', creat: true, excl: true }).ok).toBe(true);
    expect(lines(mark)).toEqual([
      'type=1400 apparmor="AUDIT" operation="mknod" profile="p" name="/tmp/d/new" pid=N comm="aaop" requested_mask="c" fsuid=0 ouid=0',
      'type=1400 apparmor="AUDIT" operation="open" profile="p" name="/tmp/d/new" pid=N comm="aaop" requested_mask="wc" fsuid=0 ouid=0',
    ]);
  });

  it('checks DAC before AppArmor: root reading a 0600 file of another user logs two capability denials and no file line', () => {
    const { kernel, task, lines } = boot('profile p {\n  /tmp/** r,\n}\n');
    kernel.fs.put('/tmp/private', { type: 'file', mode: 0o600, uid: 1000, gid: 1000, content: 'p\n' });
    const mark = kernel.auditMark();
    expect(sysOpen(kernel, task('p'), '/tmp/private', { access: 'rdonly' })).toEqual({ ok: false, errno: 'EACCES' });
    expect(lines(mark).map((l) => /capname="(\w+)"/.exec(l)?.[1])).toEqual(['dac_read_search', 'dac_override']);
  });

  it('logs a repeated capability denial of one profile once, until another profile logs a capability', () => {
    const { kernel, task } = boot('profile a {\n}\n', 'profile b {\n}\n');
    const a = task('a');
    const b = task('b');
    const mark = kernel.auditMark();
    kernel.capable(a, 'sys_chroot');
    kernel.capable(a, 'sys_chroot');
    kernel.capable(b, 'sys_chroot');
    kernel.capable(a, 'sys_chroot');
    expect(kernel.auditSince(mark).map((l) => /profile="(\w)"/.exec(l)?.[1])).toEqual(['a', 'b', 'a']);
  });

  it('revalidates a write on an O_APPEND fd as file_perm w, so a alone cannot append', () => {
    const { kernel, task, lines } = boot('profile p {\n  /tmp/f a,\n}\n');
    kernel.fs.put('/tmp/f', { type: 'file', mode: 0o666, uid: 0, gid: 0, content: '' });
    const t = task('p');
    const fd = sysOpen(kernel, t, '/tmp/f', { access: 'wronly', append: true });
    expect(fd.ok).toBe(true);
    const mark = kernel.auditMark();
    expect(sysWrite(kernel, t, fd.ok ? fd.value : -1, 'x')).toEqual({ ok: false, errno: 'EACCES' });
    expect(lines(mark)).toEqual([
      'type=1400 apparmor="DENIED" operation="file_perm" profile="p" name="/tmp/f" pid=N comm="aaop" requested_mask="w" denied_mask="w" fsuid=0 ouid=0',
    ]);
  });

  it('does not revalidate an fd opened before the task entered its profile', () => {
    const { kernel, task } = boot('profile p {\n}\n');
    kernel.fs.put('/tmp/f', { type: 'file', mode: 0o644, uid: 0, gid: 0, content: 'data\n' });
    const t = task();
    const fd = installInheritedFd(t, '/tmp/f', { access: 'rdonly' });
    expect(sysChangeProfile(kernel, t, 'p', 'change_profile', false).ok).toBe(true);
    expect(sysRead(kernel, t, fd)).toEqual({ ok: true, value: 'data\n' });
  });

  it('mediates the resolved path: a rule on /bin/sh matches nothing on merged /usr', () => {
    const { kernel, task, lines } = boot('profile p {\n  /bin/sh r,\n}\n');
    const mark = kernel.auditMark();
    expect(sysOpen(kernel, task('p'), '/bin/sh', { access: 'rdonly' }).ok).toBe(false);
    expect(lines(mark)[0]).toContain('name="/usr/bin/dash"');
  });

  it('mediates mkdir on the name with a trailing slash', () => {
    const { kernel, task, lines } = boot('profile p {\n  /tmp/* w,\n}\n');
    const mark = kernel.auditMark();
    expect(sysMkdir(kernel, task('p'), '/tmp/newdir')).toEqual({ ok: false, errno: 'EACCES' });
    expect(lines(mark)[0]).toContain('operation="mkdir" profile="p" name="/tmp/newdir/"');
  });

  it('gives ENOENT with no audit line for a missing file, and never mediates stat', () => {
    const { kernel, task } = boot('profile p {\n}\n');
    const t = task('p');
    const mark = kernel.auditMark();
    expect(sysOpen(kernel, t, '/tmp/missing', { access: 'rdonly' })).toEqual({ ok: false, errno: 'ENOENT' });
    expect(sysStat(kernel, t, '/etc/hostname').ok).toBe(true);
    expect(kernel.auditSince(mark)).toEqual([]);
  });

  it('kills a px exec with SIGSEGV when the new profile cannot read the binary, but not an unconfined attach', () => {
    const { kernel, task, lines } = boot('profile from {\n  /tmp/x/probe px,\n}\n', 'profile target /tmp/x/probe {\n}\n');
    kernel.fs.put('/tmp/x/probe', { type: 'file', mode: 0o755, uid: 0, gid: 0, content: 'ELF', exec: { kind: 'static' } });
    const mark = kernel.auditMark();
    const confined = sysExecve(kernel, task('from'), '/tmp/x/probe');
    expect(confined.ok && confined.value.signal).toBe(11);
    expect(lines(mark)).toEqual([
      'type=1400 apparmor="DENIED" operation="file_mmap" profile="target" name="/tmp/x/probe" pid=N comm="probe" requested_mask="r" denied_mask="r" fsuid=0 ouid=0',
    ]);
    const attached = sysExecve(kernel, task(), '/tmp/x/probe');
    expect(attached.ok && [attached.value.label?.name, attached.value.signal]).toEqual(['target', undefined]);
  });

  it('names the new image after the path as given: /bin/sh runs as comm sh', () => {
    const { kernel, task } = boot('profile p {\n  file,\n}\n');
    const t = task();
    expect(sysExecve(kernel, t, '/bin/sh').ok).toBe(true);
    expect([t.comm, t.exe]).toEqual(['sh', '/usr/bin/dash']);
  });

  it('logs a change_profile to a missing label even for an unconfined task', () => {
    const { kernel, task, lines } = boot('profile p {\n}\n');
    const mark = kernel.auditMark();
    expect(sysChangeProfile(kernel, task(), 'nope', 'change_profile', false)).toEqual({ ok: false, errno: 'ENOENT' });
    expect(lines(mark)).toEqual([
      'type=1400 apparmor="DENIED" operation="change_profile" info="label not found" error=-2 profile="unconfined" name="nope" pid=N comm="aaop"',
    ]);
  });

  it('asks both ends of a signal; the receiver\'s denial is logged under its profile with the sender\'s comm', () => {
    const { kernel, task, lines } = boot('profile receiver {\n}\n');
    const sender = task();
    const receiver = task('receiver');
    const mark = kernel.auditMark();
    expect(sysKill(kernel, sender, receiver, 'kill')).toEqual({ ok: false, errno: 'EACCES' });
    expect(lines(mark)).toEqual([
      'type=1400 apparmor="DENIED" operation="signal" profile="receiver" pid=N comm="aaop" requested_mask="receive" denied_mask="receive" signal=kill peer="unconfined"',
    ]);
  });

  it('asks the network rule before CAP_NET_RAW for a raw socket', () => {
    const { kernel, task, lines } = boot('profile p {\n}\n');
    const mark = kernel.auditMark();
    expect(sysSocket(kernel, task('p'), 'inet', 'raw', 1)).toEqual({ ok: false, errno: 'EACCES' });
    expect(lines(mark)).toHaveLength(1);
    expect(lines(mark)[0]).toContain('operation="create"');
  });

  it('kills the task with SIGKILL on a denial in a kill-mode profile, logged as KILLED', () => {
    const { kernel, task, lines } = boot('profile k flags=(kill) {\n}\n');
    const t = task('k');
    const mark = kernel.auditMark();
    expect(sysOpen(kernel, t, '/etc/hostname', { access: 'rdonly' })).toEqual({ ok: false, errno: 'EACCES' });
    expect(t.killedBy).toBe(9);
    expect(lines(mark)[0]).toContain('apparmor="KILLED" operation="open" profile="k"');
  });

  it('treats flock(LOCK_EX) as a write lock needing w and k', () => {
    const { kernel, task, lines } = boot('profile p {\n  /tmp/f rk,\n}\n');
    kernel.fs.put('/tmp/f', { type: 'file', mode: 0o644, uid: 0, gid: 0, content: '' });
    const t = task('p');
    const fd = sysOpen(kernel, t, '/tmp/f', { access: 'rdonly' });
    const mark = kernel.auditMark();
    expect(sysLock(kernel, t, fd.ok ? fd.value : -1, 'flock_sh').ok).toBe(true);
    expect(sysLock(kernel, t, fd.ok ? fd.value : -1, 'flock')).toEqual({ ok: false, errno: 'EACCES' });
    expect(lines(mark)[0]).toContain('operation="file_lock" profile="p" name="/tmp/f" pid=N comm="aaop" requested_mask="w"');
  });
});

describe('the kernel model\'s VFS rules around AppArmor', () => {
  it('asks rename_src for r w d and then rename_dest for w c, with the source\'s owner', () => {
    const { kernel, task, lines } = boot('profile p {\n  /tmp/src rw,\n  /tmp/dst r,\n}\n');
    kernel.fs.put('/tmp/src', { type: 'file', mode: 0o644, uid: 0, gid: 0, content: '' });
    const mark = kernel.auditMark();
    expect(sysRename(kernel, task('p'), '/tmp/src', '/tmp/dst')).toEqual({ ok: false, errno: 'EACCES' });
    expect(lines(mark)[0]).toContain('operation="rename_dest" profile="p" name="/tmp/dst" pid=N comm="aaop" requested_mask="wc"');
    expect(kernel.fs.get('/tmp/src')).toBeDefined();
  });

  it('logs a hard link denial with the existing file as target=', () => {
    const { kernel, task, lines } = boot('profile p {\n  /tmp/t r,\n  /tmp/l rw,\n}\n');
    kernel.fs.put('/tmp/t', { type: 'file', mode: 0o644, uid: 0, gid: 0, content: '' });
    const mark = kernel.auditMark();
    expect(sysLink(kernel, task('p'), '/tmp/t', '/tmp/l')).toEqual({ ok: false, errno: 'EACCES' });
    expect(lines(mark)[0]).toMatch(/operation="link" profile="p" name="\/tmp\/l" .* target="\/tmp\/t"$/);
  });

  it('refuses to remove another user\'s file from a sticky directory with EPERM, after AppArmor allowed it', () => {
    const { kernel, task } = boot('profile p {\n  /tmp/** w,\n}\n');
    kernel.fs.put('/tmp/roots', { type: 'file', mode: 0o666, uid: 0, gid: 0, content: '' });
    expect(sysRemove(kernel, task('p', 'user'), '/tmp/roots', false)).toEqual({ ok: false, errno: 'EPERM' });
    expect(sysRemove(kernel, task('p'), '/tmp/roots', false).ok).toBe(true);
  });

  it('keeps ENOTEMPTY for rmdir of a non-empty directory the profile may delete', () => {
    const { kernel, task } = boot('profile p {\n  /tmp/d/ w,\n}\n');
    kernel.fs.put('/tmp/d/f', { type: 'file', mode: 0o644, uid: 0, gid: 0, content: '' });
    expect(sysRemove(kernel, task('p'), '/tmp/d', true)).toEqual({ ok: false, errno: 'ENOTEMPTY' });
  });

  it('asks fsetid when chmod is done by someone outside the file\'s group, and drops setgid without it', () => {
    const { kernel, task, lines } = boot('profile p {\n  /tmp/g w,\n}\n');
    kernel.fs.put('/tmp/g', { type: 'file', mode: 0o644, uid: 0, gid: 1001, content: '' });
    const mark = kernel.auditMark();
    expect(sysChmod(kernel, task('p'), '/tmp/g', 0o2644)).toEqual({ ok: true, value: 0o644 });
    expect(lines(mark)[0]).toContain('capname="fsetid"');
  });
});

describe('loading and removing policy', () => {
  it('replaces a profile on reload and removes it with its children, so px can no longer reach it', () => {
    const kernel = new Kernel();
    const loader = createPolicyLoader({ reader: bundleReader });
    const from = 'profile from {\n  /tmp/x/probe px -> to,\n}\n';
    const to = 'profile to {\n  /tmp/x/probe mr,\n  ^h {\n  }\n}\n';
    loadPolicyFile(kernel, loader, from, '/etc/apparmor.d/from');
    expect(loadPolicyFile(kernel, loader, to, '/etc/apparmor.d/to').records.map((r) => /operation="(\w+)"/.exec(r)?.[1])).toEqual(['profile_load', 'profile_load']);
    expect(loadPolicyFile(kernel, loader, to, '/etc/apparmor.d/to').records[0]).toContain('operation="profile_replace"');
    kernel.fs.put('/tmp/x/probe', { type: 'file', mode: 0o755, uid: 0, gid: 0, content: 'ELF', exec: { kind: 'static' } });
    const enter = (): ReturnType<typeof kernel.spawn> => {
      const t = kernel.spawn({ exe: HELPER_PATH });
      sysChangeProfile(kernel, t, 'from', 'change_profile', false);
      return t;
    };
    const before = sysExecve(kernel, enter(), '/tmp/x/probe');
    expect(before.ok && before.value.label?.name).toBe('to');
    expect(removePolicyProfile(kernel, loader, 'to')).toHaveLength(2);
    expect(kernel.profiles.listing()).toEqual(['from (enforce)']);
    expect(sysExecve(kernel, enter(), '/tmp/x/probe')).toEqual({ ok: false, errno: 'EACCES' });
    expect(removePolicyProfile(kernel, loader, 'to')).toBeUndefined();
  });

  it('moves running tasks to a replacement profile, and to unconfined when their profile is removed', () => {
    const kernel = new Kernel();
    const loader = createPolicyLoader();
    kernel.fs.put('/tmp/f', { type: 'file', mode: 0o644, uid: 0, gid: 0, content: 'x' });
    loadPolicyFile(kernel, loader, 'profile p {\n}\n', '/etc/apparmor.d/p');
    const t = kernel.spawn({ exe: HELPER_PATH });
    sysChangeProfile(kernel, t, 'p', 'change_profile', false);
    expect(sysOpen(kernel, t, '/tmp/f', { access: 'rdonly' }).ok).toBe(false);
    loadPolicyFile(kernel, loader, 'profile p {\n  /tmp/f r,\n}\n', '/etc/apparmor.d/p');
    expect(sysOpen(kernel, t, '/tmp/f', { access: 'rdonly' }).ok).toBe(true);
    removePolicyProfile(kernel, loader, 'p');
    expect(t.label).toBeUndefined();
  });

  it('reports a rejected file in apparmor_parser\'s words and loads nothing', () => {
    const kernel = new Kernel();
    const result = loadPolicyFile(kernel, createPolicyLoader(), 'profile bad {\n  /tmp/x rwz,\n}\n', '/etc/apparmor.d/bad');
    expect(result.accepted).toBe(false);
    expect(result.stderr).toMatch(/^AppArmor parser error for \/etc\/apparmor.d\/bad in profile \/etc\/apparmor.d\/bad at line 2: /);
    expect(kernel.profiles.listing()).toEqual([]);
  });
});

describe('the loaded-profile set', () => {
  const fake = (name: string, attachment?: string): LoadedProfile => ({
    name, mode: 'enforce', isHat: false, attachment, file: 'f',
    decide: () => { throw new Error('not asked'); },
    attaches: (path) => attachment !== undefined && (attachment === path || (attachment.endsWith('/**') && path.startsWith(attachment.slice(0, -2)))),
  });

  it('lists newer files first and each profile followed by its children, newest first', () => {
    const set = new ProfileSet();
    set.load(loadOrder([fake('hat-parent//hat1'), fake('hat-parent'), fake('hat-parent//child')]));
    set.load([fake('later')]);
    expect(set.listing()).toEqual(['later (enforce)', 'hat-parent (enforce)', 'hat-parent//hat1 (enforce)', 'hat-parent//child (enforce)']);
  });

  it('attaches an unconfined exec to the longest literal match, an exact attachment first', () => {
    const set = new ProfileSet();
    set.load([fake('glob', '/tmp/x/**'), fake('exact', '/tmp/x/probe')]);
    expect(set.attachFor('/tmp/x/probe')?.name).toBe('exact');
    expect(set.attachFor('/tmp/x/other')?.name).toBe('glob');
    expect(set.attachFor('/usr/bin/ls')).toBeUndefined();
    expect(attachmentScore('/tmp/x/**')).toBe(7);
  });

  it('reports a replacement when a loaded name is loaded again', () => {
    const set = new ProfileSet();
    set.load([fake('p')]);
    expect(set.load([fake('p')]).map((r) => r.operation)).toEqual(['profile_replace']);
    expect(set.remove('p')).toBe(true);
    expect(set.listing()).toEqual([]);
  });
});
