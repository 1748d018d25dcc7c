// compilePolicy against the real DFA: conformance/profiles/file-permissions-parser-3.0.8.json holds the
// allow/deny/audit/quiet masks (owner and other halves) apparmor_parser 3.0.8 compiled for 5 real profiles at
// 45 paths each. Every mask must match, except the disagreements listed with reasons in
// profiles-disagreements.json.
import { describe, expect, it } from 'vitest';
import { formatPolicyPerms } from '../../src/apparmor/policy/perms.ts';
import type { HalfPerms } from '../../src/apparmor/policy/file-rules.ts';
import { compileText } from '../apparmor/evaluate-helpers.ts';
import { hasConformanceData, readConformanceJson, readConformanceText } from './dir.ts';
import disagreementFile from './profiles-disagreements.json' with { type: 'json' };

type Half = { allow: string; deny: string; audit: string; quiet: string };
type PathEntry = { owner: Half; other: Half; match: boolean };
type Table = { profiles: Record<string, { profile_name: string; paths: Record<string, PathEntry> }> };

const listed = disagreementFile.disagreements as Record<string, string>;

function render(half: HalfPerms): Half {
  return {
    allow: formatPolicyPerms(half.allow, half.execMode),
    deny: formatPolicyPerms(half.deny),
    audit: formatPolicyPerms(half.audit, half.execMode),
    quiet: formatPolicyPerms(half.quiet),
  };
}

describe.runIf(hasConformanceData())('compiled file permissions against apparmor_parser 3.0.8', () => {
  const table = readConformanceJson<Table>('profiles/file-permissions-parser-3.0.8.json');
  const results: { key: string; diff: string | undefined }[] = [];
  for (const [file, entry] of Object.entries(table.profiles)) {
    const profile = compileText(readConformanceText(`profiles/${file}`)).byName.get(entry.profile_name);
    for (const [path, want] of Object.entries(entry.paths)) {
      const perms = profile?.file.lookup(path);
      const got = perms && { owner: render(perms.user), other: render(perms.other), match: perms.isMatched };
      const isSame = JSON.stringify(got) === JSON.stringify({ owner: want.owner, other: want.other, match: want.match });
      results.push({ key: `${file} ${path}`, diff: isSame ? undefined : `got ${JSON.stringify(got)}` });
    }
  }

  it('compiles the 5 profiles at 45 paths each (225 rows)', () => {
    expect(results).toHaveLength(225);
  });

  it('matches every listed-agreeing row, and the listed disagreements are exactly the failing rows', () => {
    const failing = Object.fromEntries(results.filter((r) => r.diff !== undefined).map((r) => [r.key, r.diff]));
    expect(failing).toEqual(Object.fromEntries(Object.keys(listed).map((k) => [k, failing[k] ?? 'agrees now'])));
    expect(Object.keys(failing).sort()).toEqual(Object.keys(listed).sort());
  });
});
