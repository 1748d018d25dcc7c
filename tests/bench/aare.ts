/**
 * AARE benchmarks: the worst case the task names (a 4 KiB path against stacked `**`), plus compile time of
 * a docker-default-sized glob. Timings are printed, never asserted (see run.ts).
 */
import { compileAare } from '../../src/apparmor/aare/index.ts';
import type { BenchResult } from './run.ts';

function time(run: () => void, repeat: number): number {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) run();
  return (performance.now() - start) / repeat;
}

function must(pattern: string) {
  const result = compileAare(pattern);
  if (!result.ok) throw new Error(`${pattern}: ${result.error.message}`);
  return result.matcher;
}

/** @returns one row per measured case, in milliseconds */
export function benchAare(): BenchResult[] {
  const path = `/${'a/'.repeat(2047)}x`;
  const stacked = must('/**/**/**/**/**/x');
  const first = time(() => stacked.test(path), 1);
  const warm = time(() => stacked.test(path), 200);
  // Same shape, new matcher, once the code is JIT-compiled: the cost of building the DFA itself.
  const fresh = must('/**/**/**/**/**/**/x');
  const freshFirst = time(() => fresh.test(path), 1);
  const docker = '/proc/{[^1-9],[^1-9][^0-9],[^1-9s][^0-9y][^0-9s],[^1-9][^0-9][^0-9][^0-9/]*}/**';
  let n = 0;
  // A fresh pattern each round, so the compile cache does not answer.
  const compile = time(() => must(`${docker}${n++}`), 200);
  const explain = time(() => stacked.explain(path), 20);
  return [
    { name: 'aare: 4 KiB path vs /**/**/**/**/**/x, first test (builds DFA)', ms: first },
    { name: 'aare: 4 KiB path vs /**/**/**/**/**/x, warm test', ms: warm },
    { name: 'aare: 4 KiB path vs /**/**/**/**/**/**/x, fresh matcher, warm JIT', ms: freshFirst },
    { name: 'aare: explain the same match', ms: explain },
    { name: 'aare: compile a docker-default deny glob', ms: compile },
  ];
}
