// Lint rewritten for speed (sorted path index, budget checked before prefix scans) must keep its answers.
import { describe, expect, it } from 'vitest';
import { checkProfile } from '../../src/apparmor/index.ts';

const codes = (body: string): string[] => checkProfile(`profile p {\n${body}\n}\n`).diagnostics.map((d) => d.code);

describe('lint on large profiles', () => {
  it('warns about a directory written without its slash only when a path below it exists and the directory itself is not allowed', () => {
    expect(codes('  /tmp/foo r,\n  /tmp/foo/** r,')).toContain('DIRECTORY_WITHOUT_SLASH');
    expect(codes('  /tmp/foo r,\n  /tmp/foo/ r,')).not.toContain('DIRECTORY_WITHOUT_SLASH');
    expect(codes('  /tmp/foo r,\n  /tmp/foo/ r,\n  /tmp/foo/x r,')).not.toContain('DIRECTORY_WITHOUT_SLASH');
    expect(codes('  /tmp/foo r,\n  /tmp/foo{,/**} r,\n  /tmp/foo/x r,')).not.toContain('DIRECTORY_WITHOUT_SLASH');
    expect(codes('  /tmp/foo r,\n  /tmp/foobar/x r,\n  /tmp/foo.d/x r,')).not.toContain('DIRECTORY_WITHOUT_SLASH');
    expect(codes('  /tmp/foo w,\n  /tmp/foo/** r,')).not.toContain('DIRECTORY_WITHOUT_SLASH');
  });

  it('finds the one directory without slash among a thousand unrelated rules', () => {
    const rules = Array.from({ length: 1000 }, (_, i) => `  /srv/app${i}/** rw,`);
    rules.splice(500, 0, '  /srv/app7 r,');
    const found = checkProfile(`profile p {\n${rules.join('\n')}\n}\n`).diagnostics.filter((d) => d.code === 'DIRECTORY_WITHOUT_SLASH');
    expect(found).toHaveLength(1);
  });

  it('still reports a deny rule no allow rule overlaps, and stays silent past the pair budget', () => {
    expect(codes('  /tmp/** r,\n  deny /etc/shadow r,')).toContain('DENY_MATCHES_NOTHING');
    expect(codes('  /etc/** r,\n  deny /etc/shadow r,')).not.toContain('DENY_MATCHES_NOTHING');
    const many = [...Array.from({ length: 200 }, (_, i) => `  /srv/a${i}/** r,`), ...Array.from({ length: 30 }, (_, i) => `  deny /etc/x${i} r,`)];
    expect(codes(many.join('\n'))).not.toContain('DENY_MATCHES_NOTHING');
  });
});
