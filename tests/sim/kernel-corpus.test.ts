// The kernel corpus runner on small inline cases (no conformance data needed): case files in, the corpus'
// result format out, with the helper's behaviour (entering profiles, preopened fds, hats, probes).
import { describe, expect, it } from 'vitest';
import { bundleReader } from '../../src/apparmor/index.ts';
import type { KernelCase, OpResult } from '../../src/sim/kernel/corpus/case-format.ts';
import { runKernelCases } from '../../src/sim/kernel/corpus/run-cases.ts';
import { CMD_UNSUPPORTED } from '../../src/sim/kernel/corpus/run-op.ts';
import { createPolicyLoader } from '../../src/sim/kernel/policy-loader.ts';

const run = (...cases: KernelCase[]) => runKernelCases({ cases }, () => createPolicyLoader({ reader: bundleReader }), 'inline.json');
const opsOf = (kase: KernelCase): OpResult[] => run(kase).results[0]!.ops.map((o) => o.result);

describe('the kernel corpus runner', () => {
  it('reports a parser rejection in apparmor_parser\'s words and loads nothing', () => {
    const [result] = run({ id: 'bad', profiles: ['profile bad {\n  deny /usr/bin/wget,\n}\n'], ops: [] }).results;
    expect(result?.parser).toEqual([{
      file: '/etc/apparmor.d/bad', rc: 1, accepted: false, loaded: false,
      stderr: 'AppArmor parser error for /etc/apparmor.d/bad in profile /etc/apparmor.d/bad at line 2: syntax error, unexpected TOK_END_OF_RULE, expecting TOK_MODE\n',
      parser_cmd: 'apparmor_parser -Q -K -S --kernel-features=/var/lib/oracle/kernel-features /etc/apparmor.d/bad',
    }]);
    expect(result?.loaded_profiles).toEqual([]);
  });

  it('names several profile files <id>.N, logs STATUS in load order and lists the newest file first', () => {
    const [result] = run({ id: 'two', profiles: ['profile first {\n}\n', 'profile second {\n}\n'], ops: [] }).results;
    expect(result?.parser.map((p) => p.file)).toEqual(['/etc/apparmor.d/two.0', '/etc/apparmor.d/two.1']);
    expect(result?.load_audit_norm).toEqual([
      'type=1400 apparmor="STATUS" operation="profile_load" profile="unconfined" name="first" pid=<pid> comm="apparmor_parser"',
      'type=1400 apparmor="STATUS" operation="profile_load" profile="unconfined" name="second" pid=<pid> comm="apparmor_parser"',
    ]);
    expect(result?.loaded_profiles).toEqual(['second (enforce)', 'first (enforce)']);
  });

  it('loads complain-mode cases with -C: other accesses are ALLOWED and logged with denied_mask, explicit denies still fail', () => {
    const ops = opsOf({
      id: 'complain', mode: 'complain', as: 'c', profiles: ['profile c {\n  deny /tmp/secret r,\n}\n'],
      files: [{ path: '/tmp/other', content: 'o\n' }, { path: '/tmp/secret', content: 's\n' }],
      ops: [{ op: 'read', path: '/tmp/other' }, { op: 'read', path: '/tmp/secret' }],
    });
    expect(ops[0]).toMatchObject({ allowed: true, data: 'o\n' });
    expect(ops[0]?.audit_norm[0]).toContain('apparmor="ALLOWED" operation="open" profile="c" name="/tmp/other"');
    expect(ops[0]?.audit_norm[0]).toContain('requested_mask="r" denied_mask="r"');
    expect(ops[1]).toMatchObject({ allowed: false, errno: 'EACCES', audit_norm: [] });
  });

  it('reports cmd ops as unsupported rather than as a verdict', () => {
    const [op] = opsOf({ id: 'cmd', profiles: [], ops: [{ op: 'cmd', argv: ['touch', '/tmp/x'] }] });
    expect(op).toEqual({ unsupported: CMD_UNSUPPORTED, audit: [], audit_norm: [] });
    expect(op?.allowed).toBeUndefined();
  });

  it('fails enter_profile with ENOENT, logged as label not found, when the profile is not loaded', () => {
    const [op] = opsOf({ id: 'missing', profiles: [], ops: [{ op: 'read', path: '/etc/hostname', as: 'nope' }] });
    expect(op).toMatchObject({ allowed: false, errno: 'ENOENT', failed_call: 'enter_profile', enter_failed: true });
    expect(op?.audit_norm).toEqual([
      'type=1400 apparmor="DENIED" operation="change_profile" info="label not found" error=-2 profile="unconfined" name="nope" pid=<pid> comm="aaop"',
    ]);
  });

  it('reads through an fd opened before entering the profile without a new open step', () => {
    const [op] = opsOf({
      id: 'preopen', as: 'p', profiles: ['profile p {\n}\n'], files: [{ path: '/tmp/f', content: 'data\n' }],
      ops: [{ op: 'read', path: '/tmp/f', preopen: 'rdonly' }],
    });
    expect(op).toMatchObject({ allowed: true, data: 'data\n', steps: [{ call: 'read', ret: 5 }], audit_norm: [] });
  });

  it('runs an op inside a hat and names the hat in its audit line', () => {
    const [op] = opsOf({
      id: 'hat', as: 'parent', profiles: ['profile parent {\n  /tmp/p r,\n  ^h {\n    /tmp/h r,\n  }\n}\n'],
      files: [{ path: '/tmp/p', content: 'p\n' }], ops: [{ op: 'read', path: '/tmp/p', hat: 'h' }],
    });
    expect(op?.allowed).toBe(false);
    expect(op?.audit_norm[0]).toContain('profile="parent//h" name="/tmp/p"');
  });

  it('reports the probe\'s new label and AT_SECURE for a Px transition', () => {
    const [op] = opsOf({
      id: 'px', as: 'from', profiles: ['profile from {\n  /tmp/x/probe Px,\n}\n', 'profile to /tmp/x/probe {\n  /tmp/x/probe mr,\n}\n'],
      files: [{ path: '/tmp/x/probe', type: 'probe' }], ops: [{ op: 'probe', path: '/tmp/x/probe' }],
    });
    expect(op).toMatchObject({ allowed: true, label: 'to (enforce)', at_secure: true, exit: 0, audit_norm: [] });
  });

  it('runs a complain-mode exec without an x rule in a null- learning profile', () => {
    const [op] = opsOf({
      id: 'null', as: 'c', profiles: ['profile c flags=(complain) {\n}\n'],
      files: [{ path: '/tmp/c/probe', type: 'probe' }], ops: [{ op: 'probe', path: '/tmp/c/probe' }],
    });
    expect(op?.label).toBe('c//null-/tmp/c/probe (complain)');
    expect(op?.audit_norm[0]).toContain('operation="exec" profile="c" name="/tmp/c/probe"');
    expect(op?.audit_norm[0]).toContain('target="c//null-/tmp/c/probe"');
  });

  it('lets a dynamic binary without abstractions/base fail in ld.so with exit 127', () => {
    const [op] = opsOf({
      id: 'dyn', as: 'p', profiles: ['profile p {\n  /usr/bin/true ix,\n}\n'],
      ops: [{ op: 'exec', path: '/usr/bin/true', argv: ['true'] }],
    });
    expect(op).toMatchObject({ allowed: true, exit: 127 });
    expect(op?.audit_norm.map((l) => /name="([^"]+)"/.exec(l)?.[1])).toEqual([
      '/etc/ld.so.cache', '/usr/lib/x86_64-linux-gnu/libc.so.6', '/usr/lib/x86_64-linux-gnu/libc.so.6',
    ]);
  });

  it('searches PATH like dash inside sh -c, logging a denied exec for /usr/bin and again for /bin', () => {
    const [op] = opsOf({
      id: 'sh', as: 'w', profiles: ['#include <tunables/global>\nprofile w {\n  #include <abstractions/base>\n  /usr/bin/dash ix,\n}\n'],
      ops: [{ op: 'exec', path: '/usr/bin/dash', argv: ['sh', '-c', 'echo hi; id'] }],
    });
    expect(op).toMatchObject({ allowed: true, exit: 126, stdout: 'hi\n', stderr: 'sh: 1: id: Permission denied\n' });
    expect(op?.audit_norm).toHaveLength(2);
    expect(op?.audit_norm.every((l) => l.includes('operation="exec" profile="w" name="/usr/bin/id" pid=<pid> comm="dash"'))).toBe(true);
  });
});
