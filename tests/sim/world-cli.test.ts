// `apparmor-lab shell` as instructors run it: a real process fed a script on stdin prints the
// transcript, the same text the golden fixtures hold; bad --era / --lab values are refused.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { scriptOf } from '../../src/sim/node/transcript.ts';

const CLI = new URL('../../src/cli/apparmor-lab.ts', import.meta.url).pathname;

function shell(args: string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, 'shell', ...args], { encoding: 'utf8', input });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('apparmor-lab shell', () => {
  it('prints the golden transcript of the deny-write walk-through from its script', () => {
    const expected = readFileSync(new URL('../fixtures/transcripts/deny-write.txt', import.meta.url), 'utf8');
    const world = createWorld();
    const run = shell([], scriptOf(expected, (text) => world.isComplete(text)));
    expect(run).toEqual({ status: 0, stdout: expected, stderr: '' });
  });

  it('puts the node in a cluster of the era, so kubectl answers with that version and its AppArmor status', () => {
    const old = shell(['--era', '1.14'], "kubectl get nodes -o=jsonpath='{.items[0].status.nodeInfo.kubeletVersion} {.items[0].status.nodeInfo.containerRuntimeVersion}'\n");
    expect(old.stdout).toMatch(/^\$ kubectl get nodes .*\nv1\.14\.\d+ docker:\/\/\S+\n$/);
    const now = shell(['--era', '1.30'], 'kubectl get nodes -o name\nhostname\n');
    expect(now.stdout).toContain('node/controlplane\nnode/node01\nnode/node02\n$ hostname\ncontrolplane\n');
  });

  it('without --era is a single node with no cluster', () => {
    expect(shell([], 'hostname\n').stdout).toBe('$ hostname\nnode01\n');
  });

  it('accepts both eras and refuses others', () => {
    expect(shell(['--era', '1.14'], 'aa-enabled\n')).toEqual({ status: 0, stdout: '$ aa-enabled\nYes\n', stderr: '' });
    expect(shell(['--era=1.30'], 'aa-enabled\n').status).toBe(0);
    expect(shell(['--era', '1.2'], '')).toEqual({ status: 2, stdout: '', stderr: "apparmor-lab shell: --era takes a Kubernetes version from 1.14 to 1.34, e.g. 1.14 or 1.30 (got '1.2')\n" });
  });

  it('refuses an unknown lab and an unknown option', () => {
    expect(shell(['--lab', 'no-such-lab'], '')).toMatchObject({ status: 2, stderr: "apparmor-lab shell: no such lab: 'no-such-lab' (labs/NN-no-such-lab not found)\n" });
    expect(shell(['--bogus'], '')).toMatchObject({ status: 2, stderr: "apparmor-lab shell: unknown option '--bogus'\n" });
  });

  it('stops reading once the login shell exits', () => {
    expect(shell([], 'exit\naa-enabled\n').stdout).toBe('$ exit\nlogout\n');
  });
});
