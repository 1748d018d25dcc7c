// The Try-an-access view model (src/ui/editor/try-access.ts, access-subject.ts) on the tutorial's profile,
// plus folding and the text store.
import { describe, expect, it } from 'vitest';
import { MAY } from '../../src/apparmor/index.ts';
import { parseAccessTests, parseSubject } from '../../src/ui/editor/access-subject.ts';
import { compileText } from '../../src/ui/editor/analysis.ts';
import { foldingRanges } from '../../src/ui/editor/apparmor-language.ts';
import { createTextStore, storageKey, type TextStorage } from '../../src/ui/editor/store.ts';
import { runAccessTests, tryAccess, type TryAccessView } from '../../src/ui/editor/try-access.ts';

const DENY_WRITE = `#include <tunables/global>

profile k8s-apparmor-example-deny-write flags=(attach_disconnected) {
  #include <abstractions/base>

  file,

  # Deny all file writes.
  deny /** w,
}
`;

function view(text: string, subject: string, profile?: string): TryAccessView {
  const policy = compileText(text);
  if (!policy) throw new Error('profile has errors');
  const result = tryAccess(text, policy, subject, profile);
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe('tryAccess', () => {
  it('says write /tmp/test is DENIED by deny /** w, quietly, with that rule\'s range', () => {
    const result = view(DENY_WRITE, 'write /tmp/test');
    expect(result.verdict).toBe('deny');
    expect(result.headline).toBe('DENIED by deny /** w,');
    expect(result.deciding?.range && DENY_WRITE.slice(...result.deciding.range)).toBe('deny /** w,');
    expect(result.deciding?.line).toBe(9);
    expect(result.others.map((r) => r.text)).toEqual(['file,']);
    expect(result.auditLine).toBeUndefined();
    expect(result.logNote).toMatch(/quiet/);
    expect(result.complain).toMatch(/would not change/);
  });

  it('says read /etc/hostname is ALLOWED by file,', () => {
    const result = view(DENY_WRITE, 'read /etc/hostname');
    expect(result.headline).toBe('ALLOWED by file,');
    expect(result.deciding?.line).toBe(6);
    expect(result.logNote).toMatch(/Nothing is logged/);
  });

  it('explains an implicit denial, the audit line, and that complain mode would allow and log it', () => {
    const result = view(DENY_WRITE, 'capability net_admin');
    expect(result.headline).toBe('DENIED: no rule allows it (implicit deny)');
    expect(result.implicitDeny).toMatch(/denies everything a profile does not allow/);
    expect(result.auditLine).toBe('type=1400 apparmor="DENIED" operation="capable" profile="k8s-apparmor-example-deny-write" pid=4242 comm="sh" capability=12  capname="net_admin"');
    expect(result.complain).toMatch(/allowed and logged as apparmor="ALLOWED"/);
  });

  it('names a rule granted by an include with its file and line', () => {
    const text = '#include <tunables/global>\nprofile p {\n  #include <abstractions/base>\n}\n';
    const result = view(text, 'read /etc/ld.so.cache');
    expect(result.verdict).toBe('allow');
    expect(result.deciding?.file).toBe('/etc/apparmor.d/abstractions/base');
    expect(result.deciding?.range).toBeUndefined();
    expect(result.deciding?.text).toMatch(/ld\.so\.cache/);
  });

  it('evaluates the chosen profile', () => {
    const text = 'profile a { /x r, }\nprofile b { /x w, }\n';
    expect(view(text, 'read /x', 'a').verdict).toBe('allow');
    expect(view(text, 'read /x', 'b').verdict).toBe('deny');
  });

  it('refuses a text with errors and a subject it cannot read', () => {
    expect(compileText('profile p { capability chown }')).toBeUndefined();
    const policy = compileText(DENY_WRITE);
    expect(policy && tryAccess(DENY_WRITE, policy, 'write tmp')).toEqual({ error: expect.stringContaining('absolute path') });
    expect(policy && tryAccess(DENY_WRITE, policy, 'frobnicate /x')).toEqual({ error: expect.stringContaining('start with one of') });
  });
});

describe('parseSubject', () => {
  it('builds the kernel requests for each verb', () => {
    expect(parseSubject('write /tmp/test')).toMatchObject({ request: { class: 'file', operation: 'open', path: '/tmp/test', mask: MAY.WRITE } });
    expect(parseSubject('create /tmp/new')).toMatchObject({ request: { class: 'file', operation: 'mknod', mask: MAY.CREATE } });
    expect(parseSubject('exec /bin/sh')).toMatchObject({ request: { class: 'exec', path: '/bin/sh' } });
    expect(parseSubject('capability net_raw')).toMatchObject({ request: { class: 'capability', capability: 'net_raw' } });
    expect(parseSubject('network inet dgram')).toMatchObject({ request: { class: 'network', family: 'inet', type: 'dgram' } });
    expect(parseSubject('signal receive kill docker-default')).toMatchObject({ request: { class: 'signal', access: 'receive', signal: 'kill', peer: 'docker-default' } });
    expect(parseSubject('network inet bogus')).toEqual({ error: expect.any(String) });
  });
});

describe('runAccessTests', () => {
  it('reports pass and fail per line, and unreadable lines as failures', () => {
    const policy = compileText(DENY_WRITE);
    if (!policy) throw new Error('profile has errors');
    const results = runAccessTests(DENY_WRITE, policy, 'write /tmp/test -> deny\n# comment\n\nread /etc/hostname -> deny\nnonsense');
    expect(results.map((r) => [r.line, r.isPass, r.actual])).toEqual([[1, true, 'deny'], [4, false, 'allow'], [5, false, undefined]]);
  });

  it('reads allow/deny after ->, => or →', () => {
    expect(parseAccessTests('read /a => allow\nwrite /b → DENY').tests.map((t) => t.expected)).toEqual(['allow', 'deny']);
  });
});

describe('foldingRanges', () => {
  it('folds profile and hat blocks but not globs or variables', () => {
    const text = 'profile p {\n  /x{a,b} r,\n  @{HOME}/ r,\n  ^hat {\n    /y r,\n  }\n}\n';
    expect(foldingRanges(text)).toEqual([{ start: 1, end: 6 }, { start: 4, end: 5 }]);
  });

  it('ignores braces in comments', () => {
    expect(foldingRanges('profile p {\n  # {\n  file,\n}\n')).toEqual([{ start: 1, end: 3 }]);
  });
});

describe('createTextStore', () => {
  it('saves, loads and clears per world and file', () => {
    const map = new Map<string, string>();
    const storage: TextStorage = { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
    const store = createTextStore('playground', 'profile', storage);
    expect(store.load()).toBeUndefined();
    expect(store.save('text')).toBe(true);
    expect(map.get(storageKey('playground', 'profile'))).toBe('text');
    expect(createTextStore('lab-1', 'profile', storage).load()).toBeUndefined();
    store.clear();
    expect(store.load()).toBeUndefined();
  });

  it('reports a refused save instead of throwing', () => {
    const storage: TextStorage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceeded'); }, removeItem: () => undefined };
    expect(createTextStore('w', 'f', storage).save('x')).toBe(false);
  });
});
