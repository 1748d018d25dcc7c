/**
 * Kernel-model benchmarks: the whole kernel corpus (242 cases, 787 primitive ops) through the simulated
 * kernel, and one confined open+read of a file. Printed by run.ts, never asserted (targets: corpus
 * ≤ 3 s, one op ≤ 0.5 ms once the profile is compiled).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createIncludeReader } from '../../src/cli/commands/eval.ts';
import type { CaseFileJson } from '../../src/sim/kernel/corpus/case-format.ts';
import { runKernelCases } from '../../src/sim/kernel/corpus/run-cases.ts';
import { Kernel } from '../../src/sim/kernel/kernel.ts';
import { createPolicyLoader } from '../../src/sim/kernel/policy-loader.ts';
import { loadOrder } from '../../src/sim/kernel/profile-set.ts';
import { sysChangeProfile } from '../../src/sim/kernel/syscalls/procattr.ts';
import { sysClose, sysOpen, sysRead } from '../../src/sim/kernel/syscalls/open.ts';
import { CONFORMANCE_DIR, hasConformanceData, readConformanceJson } from '../conformance/dir.ts';
import type { BenchResult } from './run.ts';

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** @returns the corpus time and the per-op time of a confined read */
export function benchKernel(): BenchResult[] {
  const rows: BenchResult[] = [];
  if (hasConformanceData()) {
    const reader = createIncludeReader([join(CONFORMANCE_DIR, 'apparmor.d')]);
    const files = readdirSync(join(CONFORMANCE_DIR, 'kernel/cases')).filter((f) => f.endsWith('.json'));
    const ms = time(() => {
      for (const file of files) runKernelCases(readConformanceJson<CaseFileJson>(`kernel/cases/${file}`), () => createPolicyLoader({ reader }), file);
    });
    rows.push({ name: 'kernel corpus, 242 cases (parse+compile+run)', ms });
  }
  const kernel = new Kernel();
  const loader = createPolicyLoader();
  kernel.profiles.load(loadOrder(loader.load('profile p {\n  /etc/** r,\n  deny /etc/shadow r,\n}\n', '/etc/apparmor.d/p', { isComplain: false }).profiles));
  const task = kernel.spawn({ exe: '/usr/local/bin/aaop' });
  sysChangeProfile(kernel, task, 'p', 'change_profile', false);
  const rounds = 10_000;
  const ms = time(() => {
    for (let i = 0; i < rounds; i++) {
      const fd = sysOpen(kernel, task, '/etc/hostname', { access: 'rdonly' });
      if (fd.ok) {
        sysRead(kernel, task, fd.value);
        sysClose(task, fd.value);
      }
    }
  });
  rows.push({ name: 'kernel open+read+close, confined (per op)', ms: ms / rounds });
  return rows;
}
