// `apparmor-lab explain` as a user runs it: a profile file and one access, a human explanation on stdout.
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

function profileFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'aa-explain-')), 'profile');
  writeFileSync(file, text);
  return file;
}

const K8S = `#include <tunables/global>

profile k8s-apparmor-example-deny-write flags=(attach_disconnected) {
  #include <abstractions/base>

  file,

  # Deny all file writes.
  deny /** w,
}
`;

describe('apparmor-lab explain', () => {
  it('names the deny rule that decided, with its file and line, and says a plain deny is quiet', () => {
    const file = profileFile(K8S);
    const run = cli('explain', file, '--op', 'write', '--path', '/tmp/test');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Verdict: DENIED (EACCES) — explicit-deny');
    expect(run.stdout).toContain(`Decided by: ${file}:9  deny /** w,`);
    expect(run.stdout).toMatch(/Other matching rules:\n {2}.*:6 {2}file,/);
    expect(run.stdout).toContain('no audit line (quiet deny)');
    expect(run.stdout).toContain('Complain mode: still denied');
  });

  it('explains an implicit deny and prints the exact audit line of a capability', () => {
    const run = cli('explain', profileFile(K8S), '--op', 'capability', '--cap', 'net_raw');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('implicit deny');
    expect(run.stdout).toContain('Audit line: type=1400 apparmor="DENIED" operation="capable" profile="k8s-apparmor-example-deny-write"');
    expect(run.stdout).toContain('capability=13  capname="net_raw"');
    expect(run.stdout).toContain('Complain mode: allowed, and logged as apparmor="ALLOWED"');
  });

  it('explains a raw socket with its family, type and protocol', () => {
    const run = cli('explain', profileFile('profile p {\n  network inet stream,\n}\n'), '--op', 'network', '--family', 'inet', '--type', 'raw', '--protocol', 'icmp');
    expect(run.stdout).toContain('Verdict: DENIED (EACCES)');
    expect(run.stdout).toContain('family="inet" sock_type="raw" protocol=1 requested_mask="create" denied_mask="create"');
  });

  it('resolves symlinks before mediation, as the kernel does for /bin/sh', () => {
    const run = cli('explain', profileFile('profile p {\n  /usr/bin/dash ix,\n}\n'), '--op', 'exec', '--path', '/bin/sh');
    expect(run.stdout).toContain('mediated as /usr/bin/dash');
    expect(run.stdout).toContain('Verdict: ALLOWED');
    expect(run.stdout).toContain('Exec transition: p (ix)');
  });

  it('shows why an owner rule does not apply to another user\'s file', () => {
    const file = profileFile('profile p {\n  owner /tmp/o/** r,\n}\n');
    const run = cli('explain', file, '--op', 'read', '--path', '/tmp/o/f', '--user', 'user', '--owner', 'root');
    expect(run.stdout).toContain('Verdict: DENIED (EACCES)');
    expect(run.stdout).toContain('fsuid=1000 ouid=0');
  });

  it('loads the profile in complain mode with --mode complain', () => {
    const run = cli('explain', profileFile('profile p {\n}\n'), '--op', 'read', '--path', '/etc/hostname', '--mode', 'complain');
    expect(run.stdout).toContain('Profile: p (complain)');
    expect(run.stdout).toContain('Verdict: ALLOWED');
    expect(run.stdout).toContain('apparmor="ALLOWED" operation="open"');
  });

  it('prints the parser error like apparmor_parser for a broken profile', () => {
    const file = profileFile('profile bad {\n  /tmp/x rwz,\n}\n');
    const run = cli('explain', file, '--op', 'read', '--path', '/tmp/x');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`AppArmor parser error for ${file} in profile ${file} at line 2:`);
  });

  it('explains its options with --help and rejects an unknown operation', () => {
    const help = cli('explain', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--op capability --cap NAME');
    const bad = cli('explain', profileFile(K8S), '--op', 'teleport');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown --op teleport');
  });
});
