// The kernel corpus (conformance/kernel): every case file runs through the simulated kernel and is compared
// with what Linux 6.1 + apparmor_parser 3.0.8 did: parser accept/reject and first message line, the loaded
// profile listing and STATUS records, each primitive op's `allowed`, its audit lines once the
// `audit(...)` stamp, pids (also inside /proc/PID/ names) and `comm` are normalised, and its other
// result fields (errno, failed_call, the syscall steps, label, at_secure, exit, signal, cap_granted,
// stdout/stderr, data). `cmd` ops (real
// programs) are counted apart, never as passes. Every disagreement is listed with a reason in
// kernel-disagreements.json; the test fails on a new one and on a listed one that now agrees.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIncludeReader } from '../../src/cli/commands/eval.ts';
import type { CaseFileJson, CaseResult, OpResult, ResultFileJson } from '../../src/sim/kernel/corpus/case-format.ts';
import { runKernelCases } from '../../src/sim/kernel/corpus/run-cases.ts';
import { createPolicyLoader } from '../../src/sim/kernel/policy-loader.ts';
import { CONFORMANCE_DIR, hasConformanceData, readConformanceJson } from './dir.ts';

type Listed = { disagreements: Record<string, string> };
const LISTED = (JSON.parse(readFileSync(new URL('./kernel-disagreements.json', import.meta.url), 'utf8')) as Listed).disagreements;

/** audit_norm plus what the README also normalises: pids inside `/proc/PID/` names, and `comm`. */
function comparable(line: string): string {
  return line.replace(/\/proc\/\d+\//g, '/proc/<pid>/').replace(/\bcomm=("[^"]*"|[0-9A-F]+)/, 'comm=<comm>');
}

type Tally = { cases: number; parser: number; messages: number; ops: number; cmd: number; allowed: number; audit: number; fields: number };

/** Result fields compared besides `allowed` and the audit lines (when the kernel reported them). */
const FIELDS = ['errno', 'failed_call', 'label', 'at_secure', 'exit', 'signal', 'cap_granted', 'stdout', 'stderr'] as const;

/** The fields of one op that differ; `data` only for files the case laid down (the model has no real ELF or /proc contents). */
function fieldDifferences(op: OpResult, want: OpResult, path: unknown): string[] {
  const fields: (keyof OpResult)[] = [...FIELDS, ...(typeof path === 'string' && /^\/(tmp|home|srv|mnt|opt)\//.test(path) ? ['data' as const] : [])];
  const steps = (r: OpResult): string => (r.steps ?? []).map((s) => `${s.call}:${s.ret < 0 ? s.errname : 'ok'}`).join(' ');
  const differences = fields
    .filter((field) => JSON.stringify(op[field]) !== JSON.stringify(want[field]))
    .map((field) => `${field} ${JSON.stringify(op[field])} vs ${JSON.stringify(want[field])}`);
  return steps(op) === steps(want) ? differences : [...differences, `steps ${steps(op)} vs ${steps(want)}`];
}

function compareFile(
  file: string, expected: ResultFileJson, got: ResultFileJson, found: Map<string, string>,
): Tally {
  const tally: Tally = { cases: 0, parser: 0, messages: 0, ops: 0, cmd: 0, allowed: 0, audit: 0, fields: 0 };
  got.results.forEach((result: CaseResult, index) => {
    const want = expected.results[index]!;
    const key = `${file}/${result.id}`;
    tally.cases++;
    const accepted = (r: CaseResult): string => r.parser.map((p) => p.accepted).join(',');
    const message = (r: CaseResult): string => r.parser.map((p) => p.stderr.split('\n')[0]).join(' | ');
    if (accepted(result) === accepted(want)) tally.parser++;
    else found.set(`${key}:parser`, `accepted ${accepted(result)}, kernel ${accepted(want)}`);
    if (message(result) === message(want)) tally.messages++;
    else found.set(`${key}:parser-message`, `"${message(result)}" vs "${message(want)}"`);
    if (JSON.stringify(result.loaded_profiles) !== JSON.stringify(want.loaded_profiles)) {
      found.set(`${key}:loaded`, `${result.loaded_profiles.join(', ')} vs ${want.loaded_profiles.join(', ')}`);
    }
    if (JSON.stringify(result.load_audit_norm) !== JSON.stringify(want.load_audit_norm)) {
      found.set(`${key}:load-audit`, `${result.load_audit_norm.length} vs ${want.load_audit_norm.length} STATUS records`);
    }
    result.ops.forEach(({ op: input, result: op }, j) => {
      const wantOp = want.ops[j]!.result;
      if (op.unsupported !== undefined) {
        tally.cmd++;
        return;
      }
      tally.ops++;
      if (op.allowed === wantOp.allowed) tally.allowed++;
      else found.set(`${key}#${j}:allowed`, `allowed ${op.allowed}, kernel ${wantOp.allowed}`);
      const lines = op.audit_norm.map(comparable);
      const wantLines = wantOp.audit_norm.map(comparable);
      if (JSON.stringify(lines) === JSON.stringify(wantLines)) tally.audit++;
      else found.set(`${key}#${j}:audit`, `got [${lines.join(' || ')}] kernel [${wantLines.join(' || ')}]`);
      const differences = fieldDifferences(op, wantOp, input.path);
      if (differences.length === 0) tally.fields++;
      else found.set(`${key}#${j}:result`, differences.join('; ').slice(0, 300));
    });
  });
  return tally;
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

describe.runIf(hasConformanceData())('the kernel corpus', () => {
  it('agrees with the real kernel except for the listed disagreements, and every listed one still disagrees', () => {
    const reader = createIncludeReader([join(CONFORMANCE_DIR, 'apparmor.d')]);
    const files = readdirSync(join(CONFORMANCE_DIR, 'kernel/cases')).filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThanOrEqual(12);
    const found = new Map<string, string>();
    const total: Tally = { cases: 0, parser: 0, messages: 0, ops: 0, cmd: 0, allowed: 0, audit: 0, fields: 0 };
    const rows: string[] = [];
    for (const file of files) {
      const name = file.replace(/\.json$/, '');
      const cases = readConformanceJson<CaseFileJson>(`kernel/cases/${file}`);
      const expected = readConformanceJson<ResultFileJson>(`kernel/results/${file}`);
      const got = runKernelCases(cases, () => createPolicyLoader({ reader }), file);
      expect(got.results.map((r) => r.id)).toEqual(expected.results.map((r) => r.id));
      const t = compareFile(name, expected, got, found);
      for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += t[k];
      rows.push(`${name.padEnd(24)} parser ${pct(t.parser, t.cases).padStart(6)}  messages ${pct(t.messages, t.cases).padStart(6)}  ` +
        `allowed ${`${t.allowed}/${t.ops}`.padStart(7)} ${pct(t.allowed, t.ops).padStart(6)}  audit ${pct(t.audit, t.ops).padStart(6)}  ` +
        `steps/errno/label… ${pct(t.fields, t.ops).padStart(6)}  cmd (unsupported) ${t.cmd}`);
    }
    rows.push(`${'TOTAL'.padEnd(24)} parser ${total.parser}/${total.cases} (${pct(total.parser, total.cases)})  messages ${total.messages}/${total.cases}  ` +
      `allowed ${total.allowed}/${total.ops} (${pct(total.allowed, total.ops)})  audit ${total.audit}/${total.ops} (${pct(total.audit, total.ops)})  ` +
      `steps/errno/label… ${total.fields}/${total.ops}  ` +
      `cmd ops not run: ${total.cmd}`);
    console.log(`kernel corpus figures\n${rows.join('\n')}`);
    const unexpected = [...found].filter(([key]) => !(key in LISTED)).map(([key, detail]) => `${key}: ${detail}`);
    const nowAgreeing = Object.keys(LISTED).filter((key) => !found.has(key));
    expect(unexpected, 'new disagreements (fix the code, or list them with a reason)').toEqual([]);
    expect(nowAgreeing, 'listed disagreements that now agree (remove them from kernel-disagreements.json)').toEqual([]);
    expect(total.cmd).toBe(50);
  });

  it('lists each disagreement with a one-line reason', () => {
    for (const [key, reason] of Object.entries(LISTED)) {
      expect(key).toMatch(/^\d\d-[\w-]+\/[\w.-]+(#\d+)?:(parser|parser-message|loaded|load-audit|allowed|audit|result)$/);
      expect(reason.trim().length, key).toBeGreaterThan(10);
      expect(reason, key).not.toContain('\n');
    }
  });
});
