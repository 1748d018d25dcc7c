// The container runtime profiles as a CKS candidate meets them (conformance/kernel/README.md behaviour 21 and
// the 08-whitelist-docker cases): the current docker-default template and the older one from Docker's docs
// decide /proc and /sys writes in opposite ways. Paths are as the kernel sees them (/proc/self → /proc/<pid>).
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/apparmor/policy/evaluate.ts';
import { hasConformanceData, readConformanceJson, readConformanceText } from '../conformance/dir.ts';
import { FILE_MASKS, fileRequest, profileOf } from './evaluate-helpers.ts';

type Case = { id: string; profiles: string[] };

const EXPECTED: [op: 'read' | 'write', path: string, current: boolean, old: boolean][] = [
  ['write', '/proc/sysrq-trigger', false, false],
  ['read', '/proc/sysrq-trigger', false, false],
  ['read', '/proc/kcore', false, false],
  ['write', '/proc/sys/kernel/hostname', false, true],
  ['write', '/proc/sys/kernel/shmmax', true, false],
  ['write', '/proc/sys/vm/swappiness', false, true],
  ['write', '/proc/4242/comm', true, true],
  ['read', '/proc/4242/status', true, true],
  ['read', '/proc/1/status', true, true],
  ['write', '/sys/kernel/mm/transparent_hugepage/enabled', false, false],
  ['read', '/sys/kernel/security/apparmor/profiles', false, false],
  ['read', '/sys/kernel/mm/transparent_hugepage/enabled', true, true],
  ['write', '/tmp/newfile', true, true],
];

describe.runIf(hasConformanceData())('docker-default, current template and the old docs version', () => {
  const current = profileOf(readConformanceText('profiles/docker-default'), 'docker-default');
  const cases = readConformanceJson<{ cases: Case[] }>('kernel/cases/08-whitelist-docker.json').cases;
  const oldText = cases.find((c) => c.id === 'docker-default-old-docs')?.profiles[0] ?? '';
  const old = profileOf(oldText, 'docker-default-old');

  it.each(EXPECTED)('%s %s: current template allows = %s, old docs profile allows = %s', (op, path, isCurrent, isOld) => {
    const request = fileRequest('open', path, FILE_MASKS[op]);
    expect(evaluate(current, request).verdict).toBe(isCurrent ? 'allow' : 'deny');
    expect(evaluate(old, request).verdict).toBe(isOld ? 'allow' : 'deny');
  });

  it('denies quietly: none of these denials is logged (plain deny rules)', () => {
    for (const [op, path] of EXPECTED) expect(evaluate(current, fileRequest('open', path, FILE_MASKS[op])).audit).toBe(false);
  });

  it('names the deny rule that decided, from the profile file itself', () => {
    const d = evaluate(current, fileRequest('open', '/proc/sys/kernel/hostname', FILE_MASKS.write));
    expect(d.reason).toBe('explicit-deny');
    const [start, end] = d.decidedBy?.range ?? [0, 0];
    expect(readConformanceText('profiles/docker-default').slice(start, end)).toBe('deny @{PROC}/sys/kernel/{?,??,[^s][^h][^m]**} w,');
    expect(d.matches.filter((m) => m.effect === 'allow').map((m) => m.perms)).toContain('rwalkmix');
  });
});
