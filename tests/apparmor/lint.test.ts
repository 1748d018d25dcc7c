// Lint: warnings for legal-but-suspicious rules, and silence on real profiles and abstractions.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProfile, type Diagnostic } from '../../src/apparmor/index.ts';
import { CONFORMANCE_DIR, hasConformanceData } from '../conformance/dir.ts';
import { conformanceReader } from '../conformance/parser-driver.ts';

function lint(text: string, mergedUsr = false): Diagnostic[] {
  return checkProfile(text, { mergedUsr }).diagnostics;
}

const codes = (list: Diagnostic[], severity: Diagnostic['severity'] = 'warning'): string[] =>
  list.filter((d) => d.severity === severity).map((d) => d.code);

describe('lintPolicy', () => {
  it('warns that ux and Ux run the program unconfined', () => {
    expect(codes(lint('profile p {\n  /usr/bin/a ux,\n  /usr/bin/b Ux,\n  /usr/bin/c Px,\n}\n'))).toEqual(['DANGEROUS_UX', 'DANGEROUS_UX']);
  });

  it('on a merged-/usr node, flags rules on /bin paths as never matching, and only there', () => {
    const text = 'profile p {\n  file,\n  deny /bin/sh rwklx,\n  /sbin/ip ix,\n  /usr/bin/sh ix,\n}\n';
    expect(codes(lint(text, true))).toEqual(['NO_OP_RULE', 'SYMLINK_PATH']);
    expect(codes(lint(text, false))).toEqual([]);
  });

  it('warns about a directory written without its trailing slash next to rules for its contents', () => {
    expect(codes(lint('profile p {\n  /srv/data r,\n  /srv/data/** r,\n}\n'))).toEqual(['DIRECTORY_WITHOUT_SLASH']);
    expect(codes(lint('profile p {\n  /srv/data{,/**} r,\n  /srv/data/** r,\n}\n'))).toEqual([]);
    expect(codes(lint('profile p {\n  /srv/data/ r,\n  /srv/data/** r,\n}\n'))).toEqual([]);
  });

  it('notes, as an info, that a deny without audit logs nothing', () => {
    const list = lint('profile p {\n  file,\n  deny /etc/shadow r,\n  audit deny /etc/gshadow r,\n}\n');
    expect(codes(list, 'info')).toEqual(['QUIET_DENY']);
    expect(codes(list)).toEqual([]);
  });

  it('warns that a relative path never matches (3.0.8 accepts it)', () => {
    expect(codes(lint('profile p {\n  tmp r,\n}\n'))).toEqual(['INVALID_PATH']);
  });

  it('notes a deny rule that no allow rule overlaps, and stays quiet when one does', () => {
    expect(codes(lint('profile p {\n  /srv/** r,\n  audit deny /etc/shadow r,\n}\n'), 'info')).toEqual(['DENY_MATCHES_NOTHING']);
    expect(codes(lint('profile p {\n  /etc/** r,\n  audit deny /etc/shadow r,\n}\n'), 'info')).toEqual([]);
  });

  it('notes a glob exec rule whose mode a rule without wildcards overrides for its path', () => {
    const list = lint('profile p {\n  /usr/bin/cat ix,\n  /usr/bin/* Px,\n  /usr/bin/ls Px,\n}\n');
    expect(list.filter((d) => d.code === 'EXEC_MODE_OVERRIDDEN').map((d) => d.message))
      .toEqual(['for /usr/bin/cat the rule without wildcards wins: it runs with ix, not Px']);
  });

  it("notes that '#include' is the deprecated spelling", () => {
    const list = checkProfile('profile p {\n  #include if exists <local/p>\n  include if exists <local/q>\n}\n').diagnostics;
    expect(codes(list, 'info')).toEqual(['DEPRECATED_SYNTAX']);
  });

  it('gives no style advice on a file that has errors', () => {
    expect(lint('profile p {\n  /usr/bin/a ux,\n  /x wa,\n}\n').map((d) => d.severity)).toEqual(['error']);
  });
});

describe.runIf(hasConformanceData())('lint on real policy', () => {
  const options = { reader: conformanceReader, baseDir: join(CONFORMANCE_DIR, 'apparmor.d') };

  it('finds no error and no warning in any conformance profile', () => {
    const dir = join(CONFORMANCE_DIR, 'profiles');
    for (const file of readdirSync(dir).filter((f) => !f.endsWith('.json'))) {
      const list = checkProfile(readFileSync(join(dir, file), 'utf8'), options).diagnostics;
      expect({ file, found: list.filter((d) => d.severity !== 'info').map((d) => d.message) }).toEqual({ file, found: [] });
    }
  });

  it('finds no error and no warning in any abstraction used inside a profile', () => {
    const dir = join(CONFORMANCE_DIR, 'apparmor.d/abstractions');
    for (const file of readdirSync(dir, { recursive: true }) as string[]) {
      const text = conformanceReader.readFile(join(dir, file));
      if (text === undefined) continue;
      const list = checkProfile(`#include <tunables/global>\nprofile lint {\n${text}\n}\n`, options).diagnostics;
      expect({ file, found: list.filter((d) => d.severity !== 'info').map((d) => d.message) }).toEqual({ file, found: [] });
    }
  });
});
