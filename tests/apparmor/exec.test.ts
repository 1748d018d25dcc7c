// Exec transitions as the Linux 6.1 corpus recorded them (conformance/kernel/README.md behaviours 8, 9, 16
// and the 04-exec cases): the new label, AT_SECURE, fallbacks, "profile transition not found", attachment of
// unconfined tasks by the longest literal prefix, and complain mode's null profiles.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/apparmor/policy/evaluate.ts';
import type { ExecRequest } from '../../src/apparmor/policy/request.ts';
import { compileText } from './evaluate-helpers.ts';

const TARGET = 'profile exec-target /tmp/x/probe { /tmp/x/probe mr, }';

function exec(path: string): ExecRequest {
  return { class: 'exec', path, fsuid: 0, ouid: 0, comm: 'aaop' };
}

function run(text: string, as: string | undefined, path = '/tmp/x/probe') {
  const policy = compileText(text);
  return evaluate(as === undefined ? undefined : policy.byName.get(as), exec(path), { policy });
}

describe('transition modes', () => {
  it('stays in the profile with ix and denies paths without x', () => {
    const text = 'profile exec-ix { /tmp/x/probe ix, }';
    expect(run(text, 'exec-ix').transition).toMatchObject({ label: 'exec-ix', mode: 'ix', isSecure: false });
    const denied = run(text, 'exec-ix', '/tmp/x/other');
    expect(denied).toMatchObject({ verdict: 'deny', reason: 'implicit-deny', errno: 'EACCES' });
    expect(denied.record?.line).toBe('type=1400 apparmor="DENIED" operation="exec" profile="exec-ix" name="/tmp/x/other" pid=<pid> comm="aaop" requested_mask="x" denied_mask="x" fsuid=0 ouid=0');
  });

  it('switches to the attached profile with px, scrubbing the environment only for Px', () => {
    expect(run(`profile exec-px { /tmp/x/probe px, }\n${TARGET}`, 'exec-px').transition).toMatchObject({ label: 'exec-target', isSecure: false });
    expect(run(`profile exec-Px { /tmp/x/probe Px, }\n${TARGET}`, 'exec-Px').transition).toMatchObject({ label: 'exec-target', isSecure: true });
  });

  it('denies px without a target profile with the kernel\'s info text (behaviour 16)', () => {
    const d = run('profile exec-px-missing { /tmp/x/probe px, }', 'exec-px-missing');
    expect(d).toMatchObject({ verdict: 'deny', info: 'profile transition not found', errno: 'EACCES' });
    expect(d.transition).toBeUndefined();
    expect(d.record?.line).toBe('type=1400 apparmor="DENIED" operation="exec" info="profile transition not found" error=-13 profile="exec-px-missing" name="/tmp/x/probe" pid=<pid> comm="aaop" requested_mask="x" denied_mask="x" fsuid=0 ouid=0 target="/tmp/x/probe"');
  });

  it('follows px -> name and cx -> child, and names children parent//child', () => {
    expect(run('profile a { /tmp/x/probe px -> exec-named, }\nprofile exec-named { }', 'a').transition?.label).toBe('exec-named');
    expect(run('profile exec-cx-named { /tmp/x/probe cx -> kid, profile kid { } }', 'exec-cx-named').transition?.label).toBe('exec-cx-named//kid');
    expect(run('profile exec-Cx { /tmp/x/probe Cx -> kid, profile kid { } }', 'exec-Cx').transition).toMatchObject({ label: 'exec-Cx//kid', isSecure: true });
    expect(run('profile exec-cx { /tmp/x/probe cx, profile /tmp/x/probe { } }', 'exec-cx').transition?.label).toBe('exec-cx///tmp/x/probe');
  });

  it('denies a missing cx child without printing a target', () => {
    const d = run('profile exec-cx-missing { /tmp/x/probe cx -> nokid, }', 'exec-cx-missing');
    expect(d.record?.line).toBe('type=1400 apparmor="DENIED" operation="exec" info="profile transition not found" error=-13 profile="exec-cx-missing" name="/tmp/x/probe" pid=<pid> comm="aaop" requested_mask="x" denied_mask="x" fsuid=0 ouid=0');
  });

  it('runs ux unconfined, with AT_SECURE only for Ux', () => {
    expect(run('profile u { /tmp/x/probe ux, }', 'u').transition).toMatchObject({ label: 'unconfined', isSecure: false });
    expect(run('profile u { /tmp/x/probe Ux, }', 'u').transition).toMatchObject({ label: 'unconfined', isSecure: true });
  });

  it('falls back to ix for pix and cix, and to unconfined for pux, when the target is missing', () => {
    expect(run('profile exec-pix { /tmp/x/probe pix, }', 'exec-pix').transition).toMatchObject({ label: 'exec-pix', isFallback: true });
    expect(run(`profile exec-pix { /tmp/x/probe pix, }\n${TARGET}`, 'exec-pix').transition).toMatchObject({ label: 'exec-target', isFallback: false });
    expect(run('profile exec-cix { /tmp/x/probe cix, }', 'exec-cix').transition?.label).toBe('exec-cix');
    expect(run('profile exec-pux { /tmp/x/probe pux, }', 'exec-pux').transition).toMatchObject({ label: 'unconfined', isFallback: true });
  });

  it('lets an exact rule choose the mode over a glob rule', () => {
    const text = `profile e { /tmp/x/probe px, /tmp/x/* ix, }\n${TARGET}`;
    expect(run(text, 'e').transition?.label).toBe('exec-target');
    expect(run(text, 'e', '/tmp/x/other').transition?.label).toBe('e');
  });

  it('makes bare file, inherit the profile on exec', () => {
    expect(run('profile exec-file-all { file, }', 'exec-file-all').transition).toMatchObject({ label: 'exec-file-all', mode: 'ix' });
  });

  it('removes every exec mode with deny x, silently', () => {
    const d = run('profile d { /tmp/x/** ix, deny /tmp/x/probe x, }', 'd');
    expect(d).toMatchObject({ verdict: 'deny', reason: 'explicit-deny', audit: false });
    expect(run('profile d { /tmp/x/** ix, deny /tmp/x/probe x, }', 'd', '/tmp/x/probe2').verdict).toBe('allow');
  });

  it('does not let deny r or m stop an exec (behaviour 9)', () => {
    expect(run('profile d { /usr/bin/dash ix, deny /usr/bin/dash rm, }', 'd', '/usr/bin/dash').verdict).toBe('allow');
  });
});

describe('unconfined tasks', () => {
  const text = 'profile exec-att /tmp/x/probe { }\nprofile exec-att-glob /tmp/x/** { }\nprofile named-only { }';

  it('attach the profile with the longest literal attachment', () => {
    expect(run(text, undefined).transition).toMatchObject({ label: 'exec-att', mode: 'attach' });
    expect(run(text, undefined, '/tmp/x/other').transition?.label).toBe('exec-att-glob');
    expect(run(text, undefined, '/usr/local/bin/aaop').transition?.label).toBe('unconfined');
  });

  it('attach a profile named by its path', () => {
    expect(run('profile /tmp/x/probe { }', undefined).transition?.label).toBe('/tmp/x/probe');
  });

  it('attach nothing when two attachments tie', () => {
    const d = run('profile a /tmp/x/* { }\nprofile b /tmp/x/* { }', undefined);
    expect(d.transition?.label).toBe('unconfined');
    expect(d.summary).toContain('conflicting');
  });
});

describe('complain mode', () => {
  it('runs an exec without x in a null learning profile and logs it as ALLOWED', () => {
    const d = run('profile complain-basic flags=(complain) { /tmp/c/ok r, }', 'complain-basic', '/tmp/c/probe');
    expect(d).toMatchObject({ verdict: 'allow', reason: 'complain-allowed' });
    expect(d.transition?.label).toBe('complain-basic//null-/tmp/c/probe');
    expect(d.record?.line).toBe('type=1400 apparmor="ALLOWED" operation="exec" profile="complain-basic" name="/tmp/c/probe" pid=<pid> comm="aaop" requested_mask="x" denied_mask="x" fsuid=0 ouid=0 target="complain-basic//null-/tmp/c/probe"');
  });
});

describe('x with a named target', () => {
  it('transitions like Px -> target, scrubbing the environment', () => {
    expect(run('profile a { /tmp/x/probe x -> exec-named, }\nprofile exec-named { }', 'a').transition).toMatchObject({ label: 'exec-named', isSecure: true });
  });
});
