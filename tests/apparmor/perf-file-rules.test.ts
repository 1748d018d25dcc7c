// FileRules skips the automaton when a path lacks a rule's literal prefix or suffix; the rules it keeps must be
// exactly those whose AARE matches (escapes, folded slashes, alternations and classes at the end included).
import { describe, expect, it } from 'vitest';
import { FileRules, type FileEntry } from '../../src/apparmor/policy/file-rules.ts';
import { PatternCache } from '../../src/apparmor/policy/matchers.ts';

const PATTERNS = [
  '/tmp/x', '/tmp/**', '/tmp/*.so', '/usr/lib/{a,b}.so', '/etc/{passwd,group}', '/a/b[cd]', '/a/b?', '/a\\x41',
  '/a\\101', '/a/\\*', '/a//b', '/a/b//', '/{usr/,}lib/**.so*', '/srv/@{X}/c', '/a/b/', '/{,usr/}bin/dash', '/x/\\{y\\}',
];
const PATHS = [
  '/tmp/x', '/tmp/y.so', '/usr/lib/a.so', '/etc/passwd', '/etc/group', '/a/bc', '/a/bd', '/a/bx', '/aA', '/aa', '/a/*',
  '/a/b', '/a//b', '/a/b/', '/lib/libc.so.6', '/usr/lib/x/y.so', '/srv/@{X}/c', '/bin/dash', '/usr/bin/dash', '/x/{y}',
];

describe('FileRules literal prefix and suffix filters', () => {
  it('keep exactly the rules whose pattern matches, for every pattern and path', () => {
    const cache = new PatternCache();
    const entries: FileEntry[] = PATTERNS.map((pattern, ruleIndex) => ({
      ruleIndex, matcher: cache.get(pattern).matcher, isDeny: false, isAudit: false, owner: undefined, user: 4, other: 4,
      execMode: undefined, execTarget: undefined,
    }));
    const rules = new FileRules(entries, []);
    for (const path of PATHS) {
      const expected = entries.filter((e) => e.matcher.test(path)).map((e) => e.ruleIndex);
      expect({ path, matching: rules.matching(path) }).toEqual({ path, matching: expected });
    }
  });

  it('matches a path through an escape at the end of the pattern', () => {
    const cache = new PatternCache();
    const matcher = cache.get('/a\\x41').matcher;
    const rules = new FileRules([{ ruleIndex: 0, matcher, isDeny: false, isAudit: false, owner: undefined, user: 4, other: 4, execMode: undefined, execTarget: undefined }], []);
    expect(matcher.test('/aA')).toBe(true);
    expect(rules.matching('/aA')).toEqual([0]);
  });
});
