/**
 * Shell benchmarks on the in-memory fake node: a small pipeline, the tutorial's profile loader,
 * isComplete on it, and how long an endless loop runs before the step cap stops it. Printed by run.ts,
 * never asserted (targets: a typed command ≤ 1 ms, the endless-loop stop ≤ 0.3 s).
 */
import { createShell } from '../../src/sim/shell/shell.ts';
import { FakeHost } from '../sim/shell-fake-host.ts';
import type { BenchResult } from './run.ts';

const LOADER = `NODES=($(kubectl get nodes -o name))
for NODE in \${NODES[*]}; do ssh $NODE 'sudo apparmor_parser -q <<EOF
#include <tunables/global>
profile k8s-apparmor-example-deny-write flags=(attach_disconnected) {
  file,
  deny /** w,
}
EOF'
done`;

function mean(times: number, run: () => void): number {
  const start = performance.now();
  for (let k = 0; k < times; k++) run();
  return (performance.now() - start) / times;
}

/** @returns per-run times of typical shell input and the cost of stopping an endless loop */
export function benchShell(): BenchResult[] {
  const shell = createShell(new FakeHost());
  return [
    { name: 'shell: echo hello | grep h > /dev/null', ms: mean(500, () => shell.run('echo hello | grep h > /dev/null')) },
    { name: 'shell: tutorial profile loader (2 nodes, ssh + here-doc)', ms: mean(200, () => shell.run(LOADER)) },
    { name: 'shell: isComplete(tutorial loader)', ms: mean(1000, () => shell.isComplete(LOADER)) },
    { name: 'shell: while true; do :; done until the step cap', ms: mean(3, () => createShell(new FakeHost()).run('while true; do :; done')) },
  ];
}
