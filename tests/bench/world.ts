/**
 * World benchmarks: booting a node (createWorld), the first command on it, loading the tutorial profile
 * with apparmor_parser, a denied write under aa-exec, and a snapshot round trip. Printed by run.ts, never
 * asserted (targets: createWorld + first command ≤ 50 ms, a typed command ≤ 5 ms).
 */
import { createWorld, DENY_WRITE_PATH } from '../../src/sim/index.ts';
import type { BenchResult } from './run.ts';

function mean(times: number, run: () => void): number {
  const start = performance.now();
  for (let k = 0; k < times; k++) run();
  return (performance.now() - start) / times;
}

/** @returns per-run times of the world's typical operations */
export function benchWorld(): BenchResult[] {
  const loaded = createWorld();
  loaded.run(`apparmor_parser ${DENY_WRITE_PATH}`);
  const snapshot = loaded.snapshot();
  return [
    { name: 'world: createWorld + aa-enabled', ms: mean(20, () => createWorld().run('aa-enabled')) },
    { name: 'world: apparmor_parser -r the tutorial profile', ms: mean(50, () => loaded.run(`apparmor_parser -r ${DENY_WRITE_PATH}`)) },
    { name: 'world: aa-exec -p deny-write -- touch /tmp/test (denied)', ms: mean(200, () => loaded.run('aa-exec -p k8s-apparmor-example-deny-write -- touch /tmp/test')) },
    { name: 'world: snapshot + restore', ms: mean(20, () => createWorld({ snapshot: JSON.parse(JSON.stringify(snapshot)) as typeof snapshot })) },
  ];
}
