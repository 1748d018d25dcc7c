// The simulated apparmor_parser against the real 3.0.8 on the conformance probes: each snippet is
// piped to `apparmor_parser -Q` on a simulated node; the exit status and the stderr lines must be what
// 3.0.8 printed. Known disagreements are listed with a reason in the JSON file beside this test; the
// test fails when a new one appears and when a listed one starts agreeing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/sim/index.ts';
import { hasConformanceData, readConformanceJson } from '../../conformance/dir.ts';

type Probe = { id: string; profile: string; parser3: 'PASS' | 'FAIL'; parser3_stderr: string[] };

const LISTED = JSON.parse(readFileSync(join(import.meta.dirname, 'apparmor-parser-conformance.disagreements.json'), 'utf8')) as Record<string, string>;

describe.runIf(hasConformanceData())('apparmor_parser -Q against 3.0.8 on the conformance probes', () => {
  it('agrees on every probe except the listed ones, and every listed one still disagrees', () => {
    const probes = readConformanceJson<Probe[]>('parser/probes-3.0.8.json');
    const world = createWorld();
    const disagreements: Record<string, string> = {};
    for (const probe of probes) {
      world.node.kernel.fs.remove('/tmp/probe');
      world.node.kernel.fs.put('/tmp/probe', { type: 'file', mode: 0o644, uid: 0, gid: 0, content: probe.profile });
      const result = world.run('apparmor_parser -Q < /tmp/probe');
      expect(result.stdout).toBe('');
      const verdict = result.exitCode === 0 ? 'PASS' : 'FAIL';
      const lines = result.stderr.split('\n').filter((line) => line !== '');
      const expected = probe.parser3_stderr.filter((line) => line !== '');
      if (verdict !== probe.parser3) disagreements[probe.id] = `verdict ${verdict}, 3.0.8 ${probe.parser3}`;
      else if (lines.join('\n') !== expected.join('\n')) disagreements[probe.id] = `stderr ${JSON.stringify(lines)}, 3.0.8 ${JSON.stringify(expected)}`;
    }
    const agreeing = probes.length - Object.keys(disagreements).length;
    console.info(`apparmor_parser probes: ${agreeing}/${probes.length} agree (${((100 * agreeing) / probes.length).toFixed(1)} %)`);
    expect(Object.keys(disagreements).sort()).toEqual(Object.keys(LISTED).sort());
  });
});
