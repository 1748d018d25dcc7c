/**
 * Evaluator benchmarks: file decisions per second against docker-default (fast path and explaining path),
 * parse+resolve+compile time of every conformance profile and of a generated 1,000-line profile, and the
 * fuzz pipeline's worst time per profile. Printed by run.ts, never asserted (targets: ≥ 5 M decisions/s,
 * docker-default ≤ 5 ms, fuzz max < 50 ms).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProfile } from '../../src/apparmor/index.ts';
import { compilePolicy } from '../../src/apparmor/policy/compile.ts';
import { decideFile, evaluate } from '../../src/apparmor/policy/evaluate.ts';
import { PatternCache } from '../../src/apparmor/policy/matchers.ts';
import { MAY } from '../../src/apparmor/policy/request.ts';
import { resolvePolicy } from '../../src/apparmor/policy/resolve.ts';
import { CONFORMANCE_DIR } from '../conformance/dir.ts';
import { conformanceReader } from '../apparmor/evaluate-helpers.ts';
import { createRandom, loadSeeds, mutate, runPipeline } from '../apparmor/fuzz-corpus.ts';
import type { BenchResult } from './run.ts';

const PATHS = [
  '/etc/passwd', '/etc/shadow', '/tmp/test', '/tmp/newdir/', '/proc/sysrq-trigger', '/proc/kcore',
  '/proc/sys/kernel/shmmax', '/proc/sys/kernel/hostname', '/proc/sys/vm/swappiness', '/proc/1/status',
  '/sys/fs/cgroup/memory.max', '/sys/kernel/security/apparmor/profiles', '/usr/bin/dash', '/dev/null',
  '/home/user/file', '/var/log/syslog',
];
const MASKS = [MAY.READ, MAY.WRITE, MAY.READ | MAY.WRITE, MAY.CREATE, MAY.EXEC_MMAP | MAY.READ];

function compileFile(text: string, patterns = new PatternCache()) {
  const parsed = parseProfile(text);
  return compilePolicy(resolvePolicy(parsed.ast, { reader: conformanceReader, text }), patterns);
}

function timeOnce(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function decisionRows(): BenchResult[] {
  const text = readFileSync(join(CONFORMANCE_DIR, 'profiles/docker-default'), 'utf8');
  const profile = compileFile(text).byName.get('docker-default');
  if (!profile) throw new Error('docker-default did not compile');
  const n = 5_000_000;
  let allowed = 0;
  for (let i = 0; i < 10_000; i++) allowed += decideFile(profile, PATHS[i % PATHS.length] ?? '/', MASKS[i % MASKS.length] ?? 0, 0, 0) ? 1 : 0;
  const fast = timeOnce(() => {
    for (let i = 0; i < n; i++) allowed += decideFile(profile, PATHS[i & 15] ?? '/', MASKS[i % 5] ?? 0, 0, i & 1) ? 1 : 0;
  });
  // every path new: the cache misses and each rule's matcher runs (the cold side of the literal-path cache)
  const fresh = 20_000;
  const cold = timeOnce(() => {
    for (let i = 0; i < fresh; i++) allowed += decideFile(profile, `/srv/data/f${i}/x`, MAY.READ, 0, 0) ? 1 : 0;
  });
  const m = 20_000;
  const full = timeOnce(() => {
    for (let i = 0; i < m; i++) {
      evaluate(profile, { class: 'file', operation: 'open', path: PATHS[i & 15] ?? '/', mask: MASKS[i % 5] ?? 0, fsuid: 0, ouid: 0 });
    }
  });
  return [
    { name: `evaluate: docker-default decideFile, ${(n / fast / 1000).toFixed(2)} M decisions/s (${allowed > 0 ? 'ok' : '?'})`, ms: fast / n },
    { name: `evaluate: docker-default decideFile on never-seen paths, ${(fresh / cold).toFixed(1)} k decisions/s`, ms: cold / fresh },
    { name: `evaluate: docker-default evaluate() with explanations, ${(m / full).toFixed(1)} k decisions/s`, ms: full / m },
  ];
}

function compileRows(): BenchResult[] {
  const dir = join(CONFORMANCE_DIR, 'profiles');
  const rows: BenchResult[] = [];
  for (const name of readdirSync(dir).filter((f) => !f.endsWith('.json')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const cold = timeOnce(() => compileFile(text));
    let warm = Infinity;
    for (let i = 0; i < 20; i++) warm = Math.min(warm, timeOnce(() => compileFile(text)));
    rows.push({ name: `compile: parse+resolve+compile ${name} (first run)`, ms: cold });
    rows.push({ name: `compile: parse+resolve+compile ${name} (best of 20)`, ms: warm });
  }
  const lines = ['profile big {'];
  for (let i = 0; i < 1000; i++) {
    const kind = i % 5;
    if (kind === 0) lines.push(`  /srv/app${i}/** rw,`);
    else if (kind === 1) lines.push(`  deny /srv/app${i}/secret* w,`);
    else if (kind === 2) lines.push(`  /usr/lib/app${i}/{lib,bin}/*.so mr,`);
    else if (kind === 3) lines.push(`  owner /home/*/.cache/app${i}/[a-z]?* rwk,`);
    else lines.push(`  network inet${i % 2 ? '6' : ''} stream,`);
  }
  lines.push('}');
  const big = lines.join('\n');
  rows.push({ name: 'compile: generated 1,000-line profile (first run)', ms: timeOnce(() => compileFile(big)) });
  const profile = compileFile(big).byName.get('big');
  rows.push({ name: 'compile: 1,000-line profile, first decision on a new path', ms: timeOnce(() => decideFile(profile, '/srv/app500/x', MAY.READ, 0, 0)) });
  return rows;
}

function fuzzRows(): BenchResult[] {
  const seeds = loadSeeds();
  const random = createRandom(7);
  const runs: { ms: number; text: string }[] = [];
  const n = 5000;
  for (let i = 0; i < n; i++) {
    const text = mutate(seeds[Math.floor(random() * seeds.length)] ?? '', random);
    runs.push({ ms: timeOnce(() => runPipeline(text)), text });
  }
  runs.sort((a, b) => a.ms - b.ms);
  const total = runs.reduce((sum, run) => sum + run.ms, 0);
  // warm: the slowest profiles again, best of 3, once the pipeline's caches (patterns, includes) hold their files
  const warm = runs.slice(-50).map((run) => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) best = Math.min(best, timeOnce(() => runPipeline(run.text)));
    return best;
  });
  // the first-run max includes garbage-collection pauses and the one-time parse and compile of what a mutation
  // first includes (#include <abstractions>: the whole directory); p99 shows the typical worst profile
  return [
    { name: `fuzz: ${n} mutated profiles, mean per profile`, ms: total / n },
    { name: `fuzz: ${n} mutated profiles, p99 per profile`, ms: runs[Math.floor(n * 0.99)]?.ms ?? 0 },
    { name: `fuzz: ${n} mutated profiles, max per profile (first run)`, ms: runs[n - 1]?.ms ?? 0 },
    { name: 'fuzz: the 50 slowest profiles again, max per profile (warm, best of 3)', ms: Math.max(...warm) },
  ];
}

/** @returns one row per measured case, in milliseconds */
export function benchEvaluate(): BenchResult[] {
  return [...decisionRows(), ...compileRows(), ...fuzzRows()];
}
