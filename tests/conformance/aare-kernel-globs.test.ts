// What a real Linux 6.1 kernel allowed for each glob case (conformance/kernel/results/02-globs.json), replayed
// through the AARE matcher: an op is allowed when some rule with the needed permission matches the path the
// kernel checks (directories with a trailing `/`, symlinks resolved). Ops the policy did not decide (the
// kernel failed them for another reason, e.g. ENOENT) and readlink (not mediated by file rules) are counted
// as out of scope, and their number is pinned so it cannot grow silently.
import { describe, expect, it } from 'vitest';
import { hasConformanceData, readConformanceJson } from './dir.ts';
import { compileAare } from '../../src/apparmor/aare/index.ts';
import { expandVariables, readAssignments, readTunables } from '../fixtures/aare/variables.ts';

type FileSpec = { path: string; type?: string; target?: string };
type Op = { op: { op: string; path: string }; result: { allowed: boolean; errno?: string } };
type Case = { id: string; profiles: string[]; files: FileSpec[]; ops: Op[] };

const NEEDED: Record<string, string> = { read: 'r', readdir: 'r', mkdir: 'w', create: 'w' };

/** `path perms,` lines of a profile, variables expanded. */
function fileRules(profile: string): { pattern: string; perms: string }[] {
  const vars = profile.includes('<tunables/global>') ? readTunables() : new Map<string, string[]>();
  readAssignments(profile, vars);
  const rules: { pattern: string; perms: string }[] = [];
  for (const line of profile.split('\n')) {
    const rule = /^\s*(?:"([^"]*)"|([/@]\S*))\s+([rwaklmix]+)\s*,\s*$/.exec(line);
    if (!rule) continue;
    const pattern = expandVariables(rule[1] ?? rule[2] ?? '', vars);
    if (pattern === undefined) throw new Error(`undefined variable in ${line}`);
    rules.push({ pattern, perms: rule[3] as string });
  }
  return rules;
}

/**
 * The path the kernel matches: symlinks resolved (`/proc/self` is the task's own pid, any one will do for a
 * pattern), directories with a trailing slash.
 */
function checkedPath(path: string, op: string, files: FileSpec[]): string {
  const link = files.find((f) => f.path === path && f.type === 'symlink');
  const resolved = (link?.target?.startsWith('/') ? link.target : path).replace(/^\/proc\/self\//, '/proc/4242/');
  const isDir = op === 'readdir' || op === 'mkdir'
    || files.some((f) => (f.path === resolved && f.type === 'dir') || f.path.startsWith(`${resolved}/`));
  return isDir ? `${resolved}/` : resolved;
}

describe.skipIf(!hasConformanceData())('AARE against the real kernel (02-globs)', () => {
  it('allows and denies exactly as Linux 6.1 did for every policy-decided op', () => {
    const cases = readConformanceJson<{ results: Case[] }>('kernel/results/02-globs.json').results;
    const misses: string[] = [];
    const outOfScope: string[] = [];
    let checked = 0;
    for (const c of cases) {
      const rules = c.profiles.flatMap(fileRules).map((rule) => {
        const compiled = compileAare(rule.pattern);
        if (!compiled.ok) throw new Error(`${c.id}: ${rule.pattern}: ${compiled.error.message}`);
        return { ...rule, matcher: compiled.matcher };
      });
      for (const { op, result } of c.ops) {
        const needed = NEEDED[op.op];
        if (needed === undefined || (!result.allowed && result.errno !== 'EACCES')) {
          outOfScope.push(`${c.id}: ${op.op} ${op.path}`);
          continue;
        }
        const subject = checkedPath(op.path, op.op, c.files);
        const allowed = rules.some((rule) => rule.perms.includes(needed) && rule.matcher.test(subject));
        checked++;
        if (allowed !== result.allowed) misses.push(`${c.id}: ${op.op} ${subject}: kernel ${result.allowed}, we ${allowed}`);
      }
    }
    expect(misses).toEqual([]);
    expect({ checked, outOfScope }).toMatchInlineSnapshot(`
      {
        "checked": 164,
        "outOfScope": [
          "glob-symlink-resolved: readlink /tmp/g/link",
          "glob-nonexistent-path: read /tmp/g/missing",
          "glob-nonexistent-path: read /tmp/nothere/x",
          "glob-unlisted-missing-path: read /tmp/g/missing",
        ],
      }
    `);
  });
});
