// File decisions built directly as the kernel asks them (requests in kernel bits), checked against what the
// Linux 6.1 corpus recorded (conformance/kernel/README.md behaviours 1-6 and 9-15): verdict, errno, reason,
// and the audit line byte for byte (pid shown as the corpus's `<pid>` placeholder).
import { describe, expect, it } from 'vitest';
import { evaluate, decideFile } from '../../src/apparmor/policy/evaluate.ts';
import { MAY } from '../../src/apparmor/policy/request.ts';
import { FILE_MASKS, fileRequest, profileOf } from './evaluate-helpers.ts';

const K8S = `#include <tunables/global>
profile k8s-apparmor-example-deny-write flags=(attach_disconnected) {
  #include <abstractions/base>
  file,
  deny /** w,
}`;
const K8S_AUDIT = K8S.replace('deny /** w', 'audit deny /** w').replace('example-deny-write', 'example-audit-deny-write');

describe('explicit deny rules', () => {
  const k8s = profileOf(K8S, 'k8s-apparmor-example-deny-write');

  it('denies creating /tmp/test under the Kubernetes deny-write profile with EACCES and logs nothing (behaviour 1)', () => {
    const d = evaluate(k8s, fileRequest('mknod', '/tmp/test', FILE_MASKS.create));
    expect(d).toMatchObject({ verdict: 'deny', reason: 'explicit-deny', errno: 'EACCES', audit: false });
    expect(d.record).toBeUndefined();
    expect(d.decidedBy?.kind).toBe('file');
    expect(d.summary).toContain('quiet');
  });

  it('denies writing /dev/null although abstractions/base allows it, because deny beats allow (behaviour 2)', () => {
    const d = evaluate(k8s, fileRequest('open', '/dev/null', FILE_MASKS.write));
    expect(d.verdict).toBe('deny');
    expect(d.matches.some((m) => m.effect === 'allow' && m.rule.file.includes('abstractions/base'))).toBe(true);
    expect(d.matches.some((m) => m.effect === 'deny')).toBe(true);
    expect(d.matches.find((m) => m.perms === 'rwalkmix')?.why).toMatch(/^bare file, covers every path/);
  });

  it('logs the denial with the kernel line when the deny rule is audited', () => {
    const p = profileOf(K8S_AUDIT, 'k8s-apparmor-example-audit-deny-write');
    const d = evaluate(p, fileRequest('mknod', '/tmp/test', FILE_MASKS.create, { comm: 'touch', pid: 162, stamp: '1795333803.024:58' }));
    expect(d.record?.line).toBe('type=1400 audit(1795333803.024:58): apparmor="DENIED" operation="mknod" profile="k8s-apparmor-example-audit-deny-write" name="/tmp/test" pid=162 comm="touch" requested_mask="c" denied_mask="c" fsuid=0 ouid=0');
  });

  it('denies regardless of rule order (deny first or last)', () => {
    for (const text of ['profile p { /tmp/d/** rw, deny /tmp/d/secret r, }', 'profile p { deny /tmp/d/secret r, /tmp/d/** rw, }']) {
      const p = profileOf(text, 'p');
      expect(evaluate(p, fileRequest('open', '/tmp/d/secret', FILE_MASKS.read)).verdict).toBe('deny');
      expect(evaluate(p, fileRequest('open', '/tmp/d/other', FILE_MASKS.read)).verdict).toBe('allow');
    }
  });

  it('lets an exact allow lose against a glob deny: specificity does not matter for plain permissions', () => {
    const p = profileOf('profile p { deny /tmp/d/** w, /tmp/d/f rw, }', 'p');
    expect(evaluate(p, fileRequest('open', '/tmp/d/f', FILE_MASKS.write)).verdict).toBe('deny');
    expect(evaluate(p, fileRequest('open', '/tmp/d/f', FILE_MASKS.read)).verdict).toBe('allow');
  });
});

describe('implicit denials', () => {
  const p = profileOf('profile perm-r { /tmp/p/f r, }', 'perm-r');

  it('logs a path no rule matches and says nothing matched', () => {
    const d = evaluate(p, fileRequest('open', '/tmp/p/g', FILE_MASKS.read));
    expect(d).toMatchObject({ verdict: 'deny', reason: 'implicit-deny', errno: 'EACCES', matches: [] });
    expect(d.summary).toMatch(/^no rule matches \/tmp\/p\/g/);
    expect(d.record?.line).toBe('type=1400 apparmor="DENIED" operation="open" profile="perm-r" name="/tmp/p/g" pid=<pid> comm="aaop" requested_mask="r" denied_mask="r" fsuid=0 ouid=0');
  });

  it('reports only the denied part of a read-write open', () => {
    const w = profileOf('profile perm-w { /tmp/p/f w, }', 'perm-w');
    expect(evaluate(w, fileRequest('open', '/tmp/p/f', FILE_MASKS.rdwr)).record?.line).toContain('requested_mask="r" denied_mask="r"');
  });

  it('prints a lock request as "wk" and a chmod as "w"', () => {
    expect(evaluate(p, fileRequest('file_lock', '/tmp/p/f', MAY.LOCK | MAY.WRITE)).record?.line).toContain('requested_mask="wk" denied_mask="wk"');
    expect(evaluate(p, fileRequest('chmod', '/tmp/p/f', FILE_MASKS.chmod)).record?.line).toContain('requested_mask="w" denied_mask="w"');
  });

  it('never mediates getattr: stat works under an empty profile (behaviour 14)', () => {
    const empty = profileOf('profile e { }', 'e');
    expect(evaluate(empty, fileRequest('getattr', '/tmp/p/f', FILE_MASKS.stat)).verdict).toBe('allow');
  });
});

describe('globs and directories', () => {
  const p = profileOf('profile g { /tmp/g/* r, /tmp/g/sub{,/} r, /tmp/h/[^.]* r, /tmp/p/* w, }', 'g');

  it('does not let /tmp/g/* match the directory /tmp/g/ itself (behaviour 4)', () => {
    expect(evaluate(p, fileRequest('open', '/tmp/g/', FILE_MASKS.read)).verdict).toBe('deny');
    expect(evaluate(p, fileRequest('open', '/tmp/g/a', FILE_MASKS.read)).verdict).toBe('allow');
  });

  it('checks mkdir with a trailing slash, so /tmp/p/* w allows files but not directories (behaviour 5)', () => {
    expect(evaluate(p, fileRequest('mknod', '/tmp/p/new', FILE_MASKS.create)).verdict).toBe('allow');
    const d = evaluate(p, fileRequest('mkdir', '/tmp/p/newdir/', FILE_MASKS.mkdir));
    expect(d.verdict).toBe('deny');
    expect(d.record?.line).toContain('operation="mkdir" profile="g" name="/tmp/p/newdir/"');
  });

  it('lets * match dotfiles while [^.]* excludes them (behaviour 6)', () => {
    expect(evaluate(p, fileRequest('open', '/tmp/g/.hidden', FILE_MASKS.read)).verdict).toBe('allow');
    expect(evaluate(p, fileRequest('open', '/tmp/h/.hidden', FILE_MASKS.read)).verdict).toBe('deny');
    expect(evaluate(p, fileRequest('open', '/tmp/h/shown', FILE_MASKS.read)).verdict).toBe('allow');
  });

  it('names as deciding rule the one that grants or refuses the requested permission', () => {
    const text = 'profile d { /tmp/** r, /tmp/x w, deny /tmp/y r, deny /tmp/y w, file, }';
    const q = profileOf(text, 'd');
    const allowed = evaluate(q, fileRequest('open', '/tmp/x', FILE_MASKS.write));
    const [a0, a1] = allowed.decidedBy?.range ?? [0, 0];
    expect(text.slice(a0, a1)).toBe('/tmp/x w,');
    expect(allowed.matches.map((m) => m.covers)).toEqual(['', 'w', 'w']);
    const denied = evaluate(q, fileRequest('open', '/tmp/y', FILE_MASKS.write));
    const [d0, d1] = denied.decidedBy?.range ?? [0, 0];
    expect(text.slice(d0, d1)).toBe('deny /tmp/y w,');
  });

  it('explains each match with the AARE engine', () => {
    const d = evaluate(p, fileRequest('open', '/tmp/g/a', FILE_MASKS.read));
    expect(d.matches).toHaveLength(1);
    expect(d.matches[0]?.why).toMatch(/\*/);
    expect(d.decidedBy).toEqual(d.matches[0]?.rule);
  });
});

describe('permission letters', () => {
  it('makes a alone nearly useless: append open passes, write and create fail (behaviour 10)', () => {
    const p = profileOf('profile perm-a { /tmp/p/f a, /tmp/p/* a, }', 'perm-a');
    expect(evaluate(p, fileRequest('open', '/tmp/p/f', FILE_MASKS.append)).verdict).toBe('allow');
    expect(evaluate(p, fileRequest('file_perm', '/tmp/p/f', MAY.WRITE)).record?.line).toContain('operation="file_perm" profile="perm-a" name="/tmp/p/f" pid=<pid> comm="aaop" requested_mask="w"');
    expect(evaluate(p, fileRequest('mknod', '/tmp/p/new', FILE_MASKS.create)).verdict).toBe('deny');
  });

  it('needs w and k for an exclusive lock, and only k for a shared one (behaviour 11)', () => {
    const p = profileOf('profile perm-lock-k { /tmp/p/f rk, }', 'perm-lock-k');
    const exclusive = evaluate(p, fileRequest('file_lock', '/tmp/p/f', MAY.LOCK | MAY.WRITE));
    expect(exclusive.record?.line).toContain('requested_mask="w" denied_mask="w"');
    expect(evaluate(p, fileRequest('file_lock', '/tmp/p/f', MAY.LOCK)).verdict).toBe('allow');
  });

  it('lets w grant create, delete, chmod, chown and truncate', () => {
    const p = profileOf('profile perm-w { /tmp/p/f w, }', 'perm-w');
    for (const mask of [MAY.CREATE, MAY.DELETE, MAY.CHMOD, MAY.CHOWN, MAY.WRITE, MAY.APPEND]) {
      expect(evaluate(p, fileRequest('open', '/tmp/p/f', mask)).verdict).toBe('allow');
    }
  });

  it('needs m for an executable mapping and r is not enough', () => {
    const p = profileOf('profile m { /tmp/p/lib rm, /tmp/p/f r, }', 'm');
    expect(evaluate(p, fileRequest('file_mmap', '/tmp/p/lib', MAY.EXEC_MMAP | MAY.READ)).verdict).toBe('allow');
    expect(evaluate(p, fileRequest('file_mmap', '/tmp/p/f', MAY.EXEC_MMAP | MAY.READ)).record?.line).toContain('requested_mask="m" denied_mask="m"');
  });
});

describe('owner rules', () => {
  const p = profileOf('profile owner-rules { owner /tmp/o/** rw, /tmp/o/ r, }', 'owner-rules');

  it('does not treat root as the owner of uid 1000 files (behaviour 12)', () => {
    const d = evaluate(p, fileRequest('open', '/tmp/o/user-file', FILE_MASKS.read, { fsuid: 0, ouid: 1000 }));
    expect(d.verdict).toBe('deny');
    expect(d.matches[0]?.applies).toBe(false);
    expect(d.record?.line).toContain('fsuid=0 ouid=1000');
    expect(evaluate(p, fileRequest('open', '/tmp/o/root-file', FILE_MASKS.read)).verdict).toBe('allow');
  });

  it('applies owner rules to files being created, which the caller owns', () => {
    expect(evaluate(p, fileRequest('mknod', '/tmp/o/new', FILE_MASKS.create, { fsuid: 1000, ouid: 1000 })).verdict).toBe('allow');
  });

  it('matches @{HOME}/** for /home/user/file and /root/x, the values losing their trailing slash before /', () => {
    const h = profileOf('#include <tunables/global>\nprofile h { owner @{HOME}/** rw, }', 'h');
    expect(evaluate(h, fileRequest('open', '/home/user/file', FILE_MASKS.read, { fsuid: 1000, ouid: 1000 })).verdict).toBe('allow');
    expect(evaluate(h, fileRequest('open', '/root/x', FILE_MASKS.read)).verdict).toBe('allow');
    expect(evaluate(h, fileRequest('open', '/home/user/file', FILE_MASKS.read, { fsuid: 0, ouid: 1000 })).verdict).toBe('deny');
  });

  it('lets deny owner cut only the owner half', () => {
    const q = profileOf('profile owner-deny { /tmp/o/** r, deny owner /tmp/o/** r, }', 'owner-deny');
    expect(evaluate(q, fileRequest('open', '/tmp/o/root-file', FILE_MASKS.read)).verdict).toBe('deny');
    expect(evaluate(q, fileRequest('open', '/tmp/o/user-file', FILE_MASKS.read, { ouid: 1000 })).verdict).toBe('allow');
  });
});

describe('rename and link (behaviour 13)', () => {
  it('needs r w d on the rename source', () => {
    const p = profileOf('profile rn { /tmp/p/src w, /tmp/p/dst w, }', 'rn');
    const d = evaluate(p, fileRequest('rename_src', '/tmp/p/src', MAY.READ | MAY.WRITE | MAY.DELETE | MAY.GETATTR | MAY.SETATTR));
    expect(d.record?.line).toContain('operation="rename_src" profile="rn" name="/tmp/p/src" pid=<pid> comm="aaop" requested_mask="r" denied_mask="r"');
  });

  it('denies a hard link whose permissions are not a subset of the target\'s', () => {
    const p = profileOf('profile perm-link-subset-fail { /tmp/p/target r, /tmp/p/newlink rwl, }', 'perm-link-subset-fail');
    const d = evaluate(p, fileRequest('link', '/tmp/p/newlink', MAY.LINK, { target: '/tmp/p/target' }));
    expect(d.record?.line).toBe('type=1400 apparmor="DENIED" operation="link" profile="perm-link-subset-fail" name="/tmp/p/newlink" pid=<pid> comm="aaop" requested_mask="wacd" denied_mask="wacd" fsuid=0 ouid=0 target="/tmp/p/target"');
    const ok = profileOf('profile ok { /tmp/p/target rw, /tmp/p/newlink rwl, }', 'ok');
    expect(evaluate(ok, fileRequest('link', '/tmp/p/newlink', MAY.LINK, { target: '/tmp/p/target' })).verdict).toBe('allow');
  });

  it('denies a link without l, and a link rule naming another target says "target restricted"', () => {
    const noL = profileOf('profile n { /tmp/p/target rw, /tmp/p/newlink rw, }', 'n');
    expect(evaluate(noL, fileRequest('link', '/tmp/p/newlink', MAY.LINK, { target: '/tmp/p/target' })).record?.line).toContain('requested_mask="l" denied_mask="l"');
    const rule = profileOf('profile perm-link-rule-wrong-target { link /tmp/p/newlink -> /tmp/p/src, }', 'perm-link-rule-wrong-target');
    expect(evaluate(rule, fileRequest('link', '/tmp/p/newlink', MAY.LINK, { target: '/tmp/p/target' })).record?.line).toBe('type=1400 apparmor="DENIED" operation="link" info="target restricted" error=-13 profile="perm-link-rule-wrong-target" name="/tmp/p/newlink" pid=<pid> comm="aaop" requested_mask="l" denied_mask="l" fsuid=0 ouid=0 target="/tmp/p/target"');
    const right = profileOf('profile r { link /tmp/p/newlink -> /tmp/p/target, }', 'r');
    expect(evaluate(right, fileRequest('link', '/tmp/p/newlink', MAY.LINK, { target: '/tmp/p/target' })).verdict).toBe('allow');
  });
});

describe('complain mode and audit rules', () => {
  const text = 'profile complain-basic flags=(complain) { /tmp/c/ok r, deny /tmp/c/secret r, audit /tmp/c/other w, }';
  const p = profileOf(text, 'complain-basic');

  it('allows what no rule grants and logs it as ALLOWED with denied_mask (behaviour 3)', () => {
    const d = evaluate(p, fileRequest('open', '/tmp/c/ok', FILE_MASKS.write));
    expect(d).toMatchObject({ verdict: 'allow', reason: 'complain-allowed', audit: true });
    expect(d.record?.line).toBe('type=1400 apparmor="ALLOWED" operation="open" profile="complain-basic" name="/tmp/c/ok" pid=<pid> comm="aaop" requested_mask="w" denied_mask="w" fsuid=0 ouid=0');
  });

  it('still denies an explicit deny silently in complain mode', () => {
    const d = evaluate(p, fileRequest('open', '/tmp/c/secret', FILE_MASKS.read));
    expect(d).toMatchObject({ verdict: 'deny', reason: 'explicit-deny', errno: 'EACCES', audit: false });
    expect(decideFile(p, '/tmp/c/secret', FILE_MASKS.read, 0, 0)).toBe(false);
    expect(decideFile(p, '/tmp/c/ok', FILE_MASKS.write, 0, 0)).toBe(true);
  });

  it('logs an audited allow as AUDIT without denied_mask', () => {
    expect(evaluate(p, fileRequest('open', '/tmp/c/other', FILE_MASKS.write)).record?.line).toBe('type=1400 apparmor="AUDIT" operation="open" profile="complain-basic" name="/tmp/c/other" pid=<pid> comm="aaop" requested_mask="w" fsuid=0 ouid=0');
  });

  it('keeps the k8s deny-write profile denying touch in complain mode', () => {
    const k8s = profileOf(K8S.replace('flags=(attach_disconnected)', 'flags=(attach_disconnected, complain)'), 'k8s-apparmor-example-deny-write');
    expect(evaluate(k8s, fileRequest('mknod', '/tmp/test', FILE_MASKS.create)).verdict).toBe('deny');
  });

  it('logs every access of an audit-flagged profile', () => {
    const a = profileOf('profile a flags=(audit) { /tmp/** r, }', 'a');
    expect(evaluate(a, fileRequest('open', '/tmp/x', FILE_MASKS.read)).record?.type).toBe('AUDIT');
  });

  it('kills the task in kill mode and logs KILLED', () => {
    const k = profileOf('profile k flags=(kill) { /tmp/ok r, }', 'k');
    const d = evaluate(k, fileRequest('open', '/tmp/no', FILE_MASKS.read));
    expect(d).toMatchObject({ verdict: 'deny', isKilled: true });
    expect(d.record?.line).toContain('apparmor="KILLED"');
  });
});

describe('the fast path', () => {
  it('gives decideFile the same verdict as evaluate on the docker-default paths', () => {
    const text = `#include <tunables/global>
profile d { #include <abstractions/base>
  file,
  deny @{PROC}/sysrq-trigger rwklx,
  deny @{PROC}/sys/[^k]** w,
}`;
    const p = profileOf(text, 'd');
    for (const [path, mask] of [['/proc/sysrq-trigger', FILE_MASKS.write], ['/proc/sys/vm/swappiness', FILE_MASKS.write], ['/proc/sys/kernel/shmmax', FILE_MASKS.write], ['/etc/passwd', FILE_MASKS.read]] as const) {
      expect(decideFile(p, path, mask, 0, 0)).toBe(evaluate(p, fileRequest('open', path, mask)).verdict === 'allow');
    }
    expect(decideFile(p, '/proc/sys/kernel/shmmax', FILE_MASKS.write, 0, 0)).toBe(true);
  });

  it('treats a missing profile as unconfined', () => {
    expect(decideFile(undefined, '/etc/shadow', FILE_MASKS.write, 1000, 0)).toBe(true);
    expect(evaluate(undefined, fileRequest('open', '/etc/shadow', FILE_MASKS.write)).reason).toBe('unconfined');
  });
});
