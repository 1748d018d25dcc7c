// `apparmor-lab eval` as a user runs it: a real process on a case file, JSON results on stdout.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = new URL('../../src/cli/apparmor-lab.ts', import.meta.url).pathname;

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const DENY_WRITE = `profile deny-write {\n  file,\n  deny /tmp/* w,\n  audit deny /tmp/loud/* w,\n}\n`;

function caseFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aa-eval-'));
  const file = join(dir, 'cases.json');
  writeFileSync(file, JSON.stringify({
    about: 'eval CLI test',
    cases: [
      {
        id: 'deny-write', profiles: [DENY_WRITE], as: 'deny-write',
        files: [{ path: '/tmp/existing', content: 'hello\n' }, { path: '/tmp/loud/f', content: 'x\n' }],
        ops: [
          { op: 'read', path: '/tmp/existing' },
          { op: 'create', path: '/tmp/test' },
          { op: 'write', path: '/tmp/loud/f' },
          { op: 'capability', cap: 'sys_chroot' },
          { op: 'cmd', argv: ['touch', '/tmp/x'] },
        ],
      },
      { id: 'broken', profiles: ['profile broken {\n  /tmp/x rwz,\n}\n'], ops: [] },
    ],
  }));
  return file;
}

describe('apparmor-lab eval', () => {
  it('prints the results of every op in the corpus result format', () => {
    const run = cli('eval', caseFile());
    expect(run.status).toBe(0);
    const results = JSON.parse(run.stdout) as { meta: { cases: number }; results: { id: string; parser: { accepted: boolean; stderr: string }[]; loaded_profiles: string[]; ops: { result: Record<string, unknown> }[] }[] };
    expect(results.meta.cases).toBe(2);
    const [deny, broken] = results.results;
    expect(deny?.loaded_profiles).toEqual(['deny-write (enforce)']);
    const ops = deny!.ops.map((o) => o.result);
    expect(ops[0]).toMatchObject({ allowed: true, data: 'hello\n', audit_norm: [] });
    expect(ops[1]).toMatchObject({ allowed: false, errno: 'EACCES', failed_call: 'open', audit_norm: [] });
    expect(ops[2]?.audit_norm).toEqual([
      'type=1400 apparmor="DENIED" operation="open" profile="deny-write" name="/tmp/loud/f" pid=<pid> comm="aaop" requested_mask="w" denied_mask="w" fsuid=0 ouid=0',
    ]);
    expect(ops[3]).toMatchObject({ allowed: false, cap_granted: false, errno: 'EPERM' });
    expect(String((ops[3]?.audit_norm as string[])[0])).toContain('capname="sys_chroot"');
    // a cmd op runs the real program's counterpart on a simulated node: touch under deny /tmp/* w fails
    expect(ops[4]).toMatchObject({ allowed: false, exit: 1, stderr: "touch: cannot touch '/tmp/x': Permission denied\n" });
    expect(broken?.parser[0]).toMatchObject({ accepted: false });
    expect(broken?.parser[0]?.stderr).toMatch(/^AppArmor parser error for \/etc\/apparmor.d\/broken in profile \/etc\/apparmor.d\/broken at line 2: /);
  });

  it('prints only the ops with --ops-only', () => {
    const run = cli('eval', '--ops-only', caseFile());
    expect(run.status).toBe(0);
    const results = JSON.parse(run.stdout) as { id: string; ops: unknown[]; parser?: unknown }[];
    expect(results.map((r) => r.id)).toEqual(['deny-write', 'broken']);
    expect(results[0]?.ops).toHaveLength(5);
    expect(results[0]?.parser).toBeUndefined();
  });

  it('explains its options with --help', () => {
    const run = cli('eval', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: apparmor-lab eval');
    expect(run.stdout).toContain('--ops-only');
  });

  it('fails with a usage message when the case file is missing or unreadable', () => {
    expect(cli('eval').status).toBe(2);
    const missing = cli('eval', '/nonexistent/cases.json');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('cannot read /nonexistent/cases.json');
  });
});
