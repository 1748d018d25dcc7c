// compilePolicy: the per-path masks of hfa.cc:accept_perms (union, deny subtraction, deny x, deny l only on
// the pair, quiet/audit), owner halves, bare file, exec-mode choice, children and implicit rules, and
// diagnostics for globs that do not compile.
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/apparmor/policy/compile.ts';
import { formatPolicyPerms } from '../../src/apparmor/policy/perms.ts';
import type { ResolvedPolicy } from '../../src/apparmor/policy/resolved-policy.ts';
import { compileText, profileOf } from './evaluate-helpers.ts';

function masks(text: string, name: string, path: string) {
  const perms = profileOf(text, name).file.lookup(path);
  const show = (h: typeof perms.user) => [formatPolicyPerms(h.allow, h.execMode), formatPolicyPerms(h.deny), formatPolicyPerms(h.audit), formatPolicyPerms(h.quiet)].join('/');
  return { owner: show(perms.user), other: show(perms.other), isMatched: perms.isMatched };
}

describe('per-path masks', () => {
  it('compiles bare file, to rwalkm ix on every path including /', () => {
    expect(masks('profile p { file, }', 'p', '/')).toEqual({ owner: 'rwalkmix///', other: 'rwalkmix///', isMatched: true });
  });

  it('subtracts deny from the union and makes plain deny quiet', () => {
    expect(masks('profile p { file, deny /** w, }', 'p', '/tmp/x').owner).toBe('rlkmix/wa//wa');
  });

  it('keeps audit deny out of quiet', () => {
    expect(masks('profile p { file, audit deny /** w, }', 'p', '/tmp/x').owner).toBe('rlkmix/wa//');
  });

  it('removes every exec mode with deny x and leaves a deny l to the link pair', () => {
    expect(masks('profile p { file, deny /x rwklx, }', 'p', '/x').owner).toBe('lm/rwakx//rwakx');
  });

  it('records audit-allow perms even where they are denied', () => {
    expect(masks('profile p { file, audit /** w, deny /tmp/** w, }', 'p', '/tmp/t').owner).toBe('rlkmix/wa/wa/wa');
  });

  it('fills only the owner half for owner rules and only the other half for other rules', () => {
    expect(masks('profile p { owner /a r, other /b w, }', 'p', '/a')).toEqual({ owner: 'r///', other: '///', isMatched: true });
    expect(masks('profile p { owner /a r, other /b w, }', 'p', '/b')).toEqual({ owner: '///', other: 'wa///', isMatched: true });
  });

  it('lets the exact rule pick the exec mode over a glob', () => {
    expect(masks('profile p { /bin/cat Px, /bin/* ix, }', 'p', '/bin/cat').owner).toBe('Px///');
    expect(masks('profile p { /bin/cat Px, /bin/* ix, }', 'p', '/bin/ls').owner).toBe('ix///');
  });

  it('reports no match for paths no rule covers', () => {
    expect(masks('profile p { /a r, }', 'p', '/b').isMatched).toBe(false);
  });
});

describe('profiles', () => {
  it('compiles hats and children under parent//name with their own rules and the parser\'s hat rules', () => {
    const policy = compileText('profile parent { /p r, ^hat { /h r, } profile child { /c r, } }');
    expect([...policy.byName.keys()].sort()).toEqual(['parent', 'parent//child', 'parent//hat']);
    const hat = policy.byName.get('parent//hat');
    expect(hat?.parent?.name).toBe('parent');
    expect(hat?.file.lookup('/proc/12/attr/current').user.allow).not.toBe(0);
    expect(policy.byName.get('parent//child')?.file.lookup('/proc/12/attr/current').isMatched).toBe(false);
  });

  it('keeps the mode and audit flag', () => {
    const p = profileOf('profile p flags=(complain, audit) { }', 'p');
    expect(p.mode).toBe('complain');
    expect(p.isAudit).toBe(true);
  });

  it('records every rule with its source range', () => {
    const text = 'profile p {\n  /tmp/** r,\n  capability chown,\n}';
    const p = profileOf(text, 'p');
    expect(p.rules.map((r) => text.slice(r.ref.range[0], r.ref.range[1]))).toEqual(['/tmp/** r,', 'capability chown,']);
  });

  it('turns a glob that does not compile into a diagnostic and a rule that matches nothing, without throwing', () => {
    const resolved: ResolvedPolicy = {
      profiles: [{
        kind: 'profile', name: 'p', baseName: 'p', namespace: undefined, attachment: undefined, xattrs: [], flags: undefined,
        mode: 'enforce', isAudit: false, children: [], range: [0, 1], file: 'p',
        rules: [{
          kind: 'file', qualifiers: { audit: false, access: 'allow', isAllowExplicit: false, owner: undefined, range: [0, 0] },
          isBare: false, hasFileKeyword: false, safety: undefined, path: { text: '/a{b', raw: '/a{b', range: [0, 4] },
          mode: { text: 'r', range: [5, 6], decoded: { read: true, write: false, append: false, link: false, lock: false, mmap: false, isBareX: false, exec: undefined } },
          isModeLeading: false, target: undefined, range: [0, 7], file: 'p',
        }],
      }],
      variables: new Map(), abi: undefined, diagnostics: [],
    };
    const policy = compilePolicy(resolved);
    expect(policy.diagnostics.map((d) => d.code)).toEqual(['INVALID_GLOB']);
    expect(policy.byName.get('p')?.file.lookup('/a{b').isMatched).toBe(false);
    expect(policy.byName.get('p')?.rules).toHaveLength(1);
  });
});
