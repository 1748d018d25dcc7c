// Quick fixes (src/ui/editor/quick-fixes.ts): each fix is applied to the text and the result re-checked by
// the engine, so a fix only passes when the diagnostic it targets really goes away.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/ui/editor/analysis.ts';
import { quickFixesFor, type QuickFix } from '../../src/ui/editor/quick-fixes.ts';

function applyFix(text: string, fix: QuickFix): string {
  const edits = [...fix.edits].sort((a, b) => b.range[0] - a.range[0]);
  return edits.reduce((out, edit) => out.slice(0, edit.range[0]) + edit.text + out.slice(edit.range[1]), text);
}

/** The preferred fix for the first diagnostic with `code`, applied. */
function fixed(text: string, code: string, which = 0): { result: string; fixes: QuickFix[] } {
  const diagnostic = analyse(text).diagnostics.find((d) => d.code === code);
  if (!diagnostic) throw new Error(`no ${code} in ${JSON.stringify(text)}: ${JSON.stringify(analyse(text).diagnostics)}`);
  const fixes = quickFixesFor(text, diagnostic);
  const fix = fixes[which];
  if (!fix) throw new Error(`no fix for ${code}`);
  return { result: applyFix(text, fix), fixes };
}

const codes = (text: string): string[] => analyse(text).diagnostics.map((d) => d.code);

describe('quickFixesFor', () => {
  it('adds the comma a rule is missing before the next rule', () => {
    const { result, fixes } = fixed('profile p {\n  /tmp/a r\n  /tmp/b w,\n}\n', 'MISSING_COMMA');
    expect(result).toBe('profile p {\n  /tmp/a r,\n  /tmp/b w,\n}\n');
    expect(fixes[0]?.isPreferred).toBe(true);
    expect(codes(result)).toEqual([]);
  });

  it('adds the comma when the parser stops at the closing brace, skipping a comment in between', () => {
    const { result } = fixed('profile p {\n  capability chown # mine\n}\n', 'UNEXPECTED_TOKEN');
    expect(result).toBe('profile p {\n  capability chown, # mine\n}\n');
    expect(codes(result)).toEqual([]);
  });

  it('removes the comma after an include', () => {
    const text = '#include <tunables/global>\nprofile p {\n  #include <abstractions/base>,\n}\n';
    const { result } = fixed(text, 'INCLUDE_WITH_COMMA');
    expect(result).toBe(text.replace('>,', '>'));
    expect(codes(result).filter((c) => c !== 'DEPRECATED_SYNTAX')).toEqual([]);
  });

  it('puts qualifiers in the order audit, deny, owner', () => {
    expect(fixed('profile p {\n  owner deny /tmp/a w,\n}\n', 'QUALIFIER_ORDER').result).toBe('profile p {\n  deny owner /tmp/a w,\n}\n');
    const { result } = fixed('profile p {\n  owner deny audit /x w,\n  /x r,\n}\n', 'QUALIFIER_ORDER');
    expect(result).toBe('profile p {\n  audit deny owner /x w,\n  /x r,\n}\n');
    expect(codes(result).filter((c) => c === 'QUALIFIER_ORDER')).toEqual([]);
  });

  it('drops a from w+a, or w as the alternative', () => {
    const text = 'profile p {\n  /tmp/a wa,\n}\n';
    expect(fixed(text, 'WRITE_AND_APPEND').result).toBe('profile p {\n  /tmp/a w,\n}\n');
    expect(fixed(text, 'WRITE_AND_APPEND', 1).result).toBe('profile p {\n  /tmp/a a,\n}\n');
    expect(codes(fixed(text, 'WRITE_AND_APPEND').result)).toEqual([]);
  });

  it('turns an exec mode on a deny rule into a bare x, and a bare x into ix', () => {
    expect(fixed('profile p {\n  deny /bin/x ix,\n}\n', 'EXEC_MODE_WITH_DENY').result).toBe('profile p {\n  deny /bin/x x,\n}\n');
    const { result } = fixed('profile p {\n  /bin/y rx,\n}\n', 'BARE_X_WITHOUT_DENY');
    expect(result).toBe('profile p {\n  /bin/y rix,\n}\n');
    expect(codes(result)).toEqual([]);
  });

  it('offers Px and ix for ux', () => {
    const { result, fixes } = fixed('profile p {\n  /usr/bin/x ux,\n}\n', 'DANGEROUS_UX');
    expect(result).toBe('profile p {\n  /usr/bin/x Px,\n}\n');
    expect(fixes.map((f) => f.title)).toEqual([expect.stringContaining('Px'), expect.stringContaining('ix')]);
  });

  it('makes a quiet deny rule an audit deny rule', () => {
    const { result } = fixed('profile p {\n  /** r,\n  deny /etc/shadow r,\n}\n', 'QUIET_DENY');
    expect(result).toBe('profile p {\n  /** r,\n  audit deny /etc/shadow r,\n}\n');
    expect(codes(result)).not.toContain('QUIET_DENY');
  });

  it('spells #include as include', () => {
    const text = 'include <tunables/global>\nprofile p {\n  #include <abstractions/base>\n}\n';
    const { result } = fixed(text, 'DEPRECATED_SYNTAX');
    expect(result).toBe('include <tunables/global>\nprofile p {\n  include <abstractions/base>\n}\n');
    expect(codes(result)).toEqual([]);
  });

  it('corrects a misspelt capability to the closest one', () => {
    const { result } = fixed('profile p {\n  capability chwon,\n}\n', 'UNKNOWN_CAPABILITY');
    expect(result).toBe('profile p {\n  capability chown,\n}\n');
  });

  it('offers nothing for a capability name too far from every real one', () => {
    const text = 'profile p {\n  capability zzzzzzzzz,\n}\n';
    const diagnostic = analyse(text).diagnostics[0];
    expect(diagnostic?.code).toBe('UNKNOWN_CAPABILITY');
    expect(diagnostic && quickFixesFor(text, diagnostic)).toEqual([]);
  });

  it('offers nothing for diagnostics about an included file', () => {
    expect(quickFixesFor('x', { code: 'MISSING_COMMA', severity: 'error', message: 'm', range: [0, 1], file: '/etc/apparmor.d/x' })).toEqual([]);
  });
});
