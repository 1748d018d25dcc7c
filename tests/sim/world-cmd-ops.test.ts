// The kernel corpus' `op: cmd` operations run on a simulated node (aa-exec -p AS -- program): exit status,
// stdout, stderr and the normalised audit lines must be what the real programs and kernel produced.
// Known disagreements are listed with a reason beside this test; the test fails when a new one appears
// and when a listed one starts agreeing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseOp, KernelCase, OpResult } from '../../src/sim/kernel/index.ts';
import { runCmdOp } from '../../src/sim/node/cmd-op.ts';
import { CONFORMANCE_DIR, hasConformanceData, readConformanceJson } from '../conformance/dir.ts';

type ResultFile = { results: (Omit<KernelCase, 'ops'> & { ops: { op: CaseOp; result: OpResult }[] })[] };

const LISTED = JSON.parse(readFileSync(join(import.meta.dirname, 'world-cmd-ops.disagreements.json'), 'utf8')) as Record<string, string>;

/** aa-exec prints its own pid and /proc paths carry pids: the VM's pids are not the simulator's. */
function normalise(text: string | undefined): string {
  return (text ?? '').replace(/^\[\d+\] aa-exec:/gm, '[<pid>] aa-exec:').replace(/\/proc\/\d+\//g, '/proc/<pid>/');
}

/**
 * ping prints round-trip times the VM measured in real time (`time=8.92 ms`, `time 1ms`, the rtt summary);
 * the simulator's are made up, so both sides lose the figures before stdout is compared.
 */
function withoutPingTimes(text: string): string {
  return text
    .replace(/ time=[\d.]+ ms$/gm, ' time=<t> ms')
    .replace(/, time \d+ms$/gm, ', time <t>ms')
    .replace(/^rtt min\/avg\/max\/mdev = [\d./]+ ms$/gm, 'rtt min/avg/max/mdev = <t> ms');
}

function compare(expected: OpResult, actual: OpResult): string | undefined {
  if (actual.exit !== expected.exit) return `exit ${actual.exit}, real ${expected.exit}`;
  if (withoutPingTimes(normalise(actual.stdout)) !== withoutPingTimes(normalise(expected.stdout))) return `stdout ${JSON.stringify(actual.stdout)}, real ${JSON.stringify(expected.stdout)}`;
  if (normalise(actual.stderr) !== normalise(expected.stderr)) return `stderr ${JSON.stringify(actual.stderr)}, real ${JSON.stringify(expected.stderr)}`;
  const audit = normalise(JSON.stringify(actual.audit_norm));
  if (audit !== normalise(JSON.stringify(expected.audit_norm))) return `audit ${audit}, real ${normalise(JSON.stringify(expected.audit_norm))}`;
  return undefined;
}

describe.runIf(hasConformanceData())('kernel corpus cmd ops on the simulated node', () => {
  it('agrees with the real programs on every cmd op except the listed ones, and every listed one still disagrees', () => {
    const files = readdirSync(join(CONFORMANCE_DIR, 'kernel', 'results')).filter((name) => name.endsWith('.json')).sort();
    const disagreements: Record<string, string> = {};
    let total = 0;
    for (const file of files) {
      for (const kase of readConformanceJson<ResultFile>(`kernel/results/${file}`).results) {
        kase.ops.forEach(({ op, result }, index) => {
          if (op.op !== 'cmd') return;
          total++;
          const why = compare(result, runCmdOp({ ...kase, ops: [] }, op));
          if (why !== undefined) disagreements[`${file}#${kase.id}#${index}`] = why;
        });
      }
    }
    const agreeing = total - Object.keys(disagreements).length;
    console.info(`cmd ops: ${agreeing}/${total} agree (${((100 * agreeing) / total).toFixed(1)} %)`);
    for (const [key, why] of Object.entries(disagreements)) if (!(key in LISTED)) console.info(`new disagreement ${key}: ${why}`);
    expect(total).toBe(50);
    expect(Object.keys(disagreements).sort()).toEqual(Object.keys(LISTED).sort());
  }, 60_000);
});
