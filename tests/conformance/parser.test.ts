// Conformance of the parser front end (parse + resolve + compile-time checks) against apparmor_parser 3.0.8 and
// the v5.0.2 upstream expectations. Every known disagreement is listed with a reason in
// parser-disagreements.json; the tests fail when a new one appears and when a listed one starts agreeing.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolicy, formatParserError, parseProfile, type LanguageVersion } from '../../src/apparmor/index.ts';
import { CONFORMANCE_DIR, hasConformanceData, readConformanceJson } from './dir.ts';
import { conformanceReader, runPolicy, runSimpleTest } from './parser-driver.ts';

type IndexEntry = {
  file: string; expect: 'PASS' | 'FAIL'; todo: boolean; disabled: boolean; parser3: 'PASS' | 'FAIL' | 'TIMEOUT';
  parser3_error?: string; v3_0_8: string;
};
type Probe = { id: string; profile: string; parser3: 'PASS' | 'FAIL'; parser3_stderr: string[] };
type Generated = { cases: { file: string; profile: string; expect: 'PASS' | 'FAIL'; parser3: 'PASS' | 'FAIL' }[] };
type KernelResults = { results: { id: string; profiles: string[]; parser: { file: string; accepted: boolean; stderr: string }[] }[] };
type Tracked = Record<'level-3.0-verdicts' | 'level-3.0-messages' | 'level-5.0-verdicts', Record<string, string>>;

const tracked = JSON.parse(readFileSync(new URL('./parser-disagreements.json', import.meta.url), 'utf8')) as Tracked;

function firstLines(text: string | undefined): string[] {
  return text === undefined ? [] : text.split('\n');
}

/** Fails on a disagreement not in `listed`, and on a listed one that now agrees, naming each. */
function expectTracked(found: Record<string, string>, listed: Record<string, string>): void {
  const unexpected = Object.keys(found).filter((k) => !(k in listed)).map((k) => `${k}: ${found[k]}`);
  const nowAgreeing = Object.keys(listed).filter((k) => !(k in found));
  expect({ unexpected, nowAgreeing }).toEqual({ unexpected: [], nowAgreeing: [] });
}

function percent(n: number, total: number): string {
  return `${n}/${total} = ${((100 * n) / total).toFixed(2)} %`;
}

describe.runIf(hasConformanceData())('parser conformance', () => {
  const index = hasConformanceData() ? readConformanceJson<IndexEntry[]>('parser/index.json') : [];

  it('agrees with apparmor_parser 3.0.8 on every simple test at level 3.0, except the tracked disagreements', () => {
    const found: Record<string, string> = {};
    for (const entry of index) {
      const verdict = runSimpleTest(entry.file, '3.0');
      if (verdict.result !== entry.parser3) found[entry.file] = `3.0.8 ${entry.parser3}, we ${verdict.result}`;
    }
    const agreeing = index.length - Object.keys(found).length;
    console.log(`simple_tests at level 3.0 vs apparmor_parser 3.0.8: ${percent(agreeing, index.length)}`);
    expectTracked(found, tracked['level-3.0-verdicts']);
  });

  it("prints apparmor_parser 3.0.8's first error line for every simple test both reject, except the tracked ones", () => {
    const found: Record<string, string> = {};
    let both = 0;
    for (const entry of index.filter((e) => e.parser3 === 'FAIL')) {
      const verdict = runSimpleTest(entry.file, '3.0');
      if (!verdict.firstError) continue;
      both++;
      const lines = firstLines(formatParserError(verdict.firstError));
      if (!lines.includes(entry.parser3_error ?? '')) found[entry.file] = `we print "${lines[0]}"`;
    }
    console.log(`first error messages vs apparmor_parser 3.0.8: ${percent(both - Object.keys(found).length, both)}`);
    expectTracked(found, tracked['level-3.0-messages']);
  });

  it('agrees with the v5.0.2 expectations on at least 98 % of the scored simple tests at level 5.0', () => {
    const scored = index.filter((e) => !e.todo && !e.disabled && e.v3_0_8 !== 'only-in-v3.0.8');
    const found: Record<string, string> = {};
    for (const entry of scored) {
      const verdict = runSimpleTest(entry.file, '5.0');
      if (verdict.result !== entry.expect) found[entry.file] = `expected ${entry.expect}, we ${verdict.result}`;
    }
    const agreeing = scored.length - Object.keys(found).length;
    console.log(`simple_tests at level 5.0 vs v5.0.2 expectations: ${percent(agreeing, scored.length)}`);
    expect(agreeing / scored.length).toBeGreaterThanOrEqual(0.98);
    expectTracked(found, tracked['level-5.0-verdicts']);
  });

  it('agrees with apparmor_parser 3.0.8 on every probe, printing its exact messages', () => {
    const probes = readConformanceJson<Probe[]>('parser/probes-3.0.8.json');
    for (const probe of probes) {
      const verdict = runPolicy(probe.profile, '3.0');
      const printed = verdict.firstError ? firstLines(formatParserError(verdict.firstError)) : [];
      expect({ id: probe.id, result: verdict.result, printed: printed.slice(0, probe.parser3_stderr.length) })
        .toEqual({ id: probe.id, result: probe.parser3, printed: probe.parser3_stderr });
    }
    console.log(`probes: ${probes.length}/${probes.length}`);
  });

  it('accepts and rejects the kernel corpus profiles as the real parser did, with its exact stderr', () => {
    const dir = join(CONFORMANCE_DIR, 'kernel/results');
    let count = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      for (const result of readConformanceJson<KernelResults>(`kernel/results/${name}`).results) {
        result.parser.forEach((run, i) => {
          const checked = checkPolicy(result.profiles[i] ?? '', {
            reader: conformanceReader, baseDir: join(CONFORMANCE_DIR, 'apparmor.d'), fileName: run.file,
          });
          const error = checked.diagnostics.find((d) => d.severity === 'error');
          const stderr = error ? `${formatParserError(error, { fileName: run.file })}\n` : '';
          expect({ id: result.id, accepted: !error, stderr: run.accepted ? '' : stderr })
            .toEqual({ id: result.id, accepted: run.accepted, stderr: run.accepted ? '' : run.stderr });
          count++;
        });
      }
    }
    console.log(`kernel corpus parser runs: ${count}/${count}`);
  });

  it('agrees with apparmor_parser 3.0.8 and the v5.0.2 expectations on every generated exec-transition test', () => {
    const generated = readConformanceJson<Generated>('parser/generated/xtrans.json');
    const wrong = generated.cases.filter((c) => runPolicy(c.profile, '3.0').result !== c.parser3
      || runPolicy(c.profile, '5.0').result !== c.expect).map((c) => c.file);
    console.log(`generated xtrans: ${percent(generated.cases.length - wrong.length, generated.cases.length)}`);
    expect(wrong).toEqual([]);
  });

  it('rejects every generated if/else test at level 3.0, as 3.0.8 does, and agrees with v5.0.2 on all of them at 5.0', () => {
    const generated = readConformanceJson<Generated>('parser/generated/conditional.json');
    const wrong = generated.cases.filter((c) => runPolicy(c.profile, '3.0').result !== c.parser3
      || runPolicy(c.profile, '5.0').result !== c.expect).map((c) => c.file);
    console.log(`generated if/else: ${percent(generated.cases.length - wrong.length, generated.cases.length)}`);
    expect(wrong).toEqual([]);
  });

  it('resolves every conformance profile at both levels without an error', () => {
    const dir = join(CONFORMANCE_DIR, 'profiles');
    const files = readdirSync(dir).filter((f) => !f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      for (const version of ['3.0', '5.0'] as LanguageVersion[]) {
        const checked = checkPolicy(readFileSync(join(dir, file), 'utf8'), {
          version, reader: conformanceReader, baseDir: join(CONFORMANCE_DIR, 'apparmor.d'),
        });
        expect({ file, version, errors: checked.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message) })
          .toEqual({ file, version, errors: [] });
        expect(checked.policy.profiles.length).toBeGreaterThan(0);
      }
    }
  });

  it('parses every bundled abstraction as a profile body without a diagnostic', () => {
    const dir = join(CONFORMANCE_DIR, 'apparmor.d/abstractions');
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => conformanceReader.readFile(join(dir, f)) !== undefined);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const { diagnostics } = parseProfile(conformanceReader.readFile(join(dir, file)) ?? '', { context: 'body' });
      expect({ file, diagnostics }).toEqual({ file, diagnostics: [] });
    }
  });
});
