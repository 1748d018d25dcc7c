// Round trip of the canonical printer: parse → print → parse gives the same tree (ranges aside) for every
// fixture, every conformance profile and abstraction, and every upstream simple test that parses cleanly.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProfile, printPolicy, type LanguageVersion, type ParseOptions } from '../../src/apparmor/index.ts';
import { CONFORMANCE_DIR, hasConformanceData } from '../conformance/dir.ts';
import { stripHeaders } from '../conformance/parser-driver.ts';

const FIXTURES = new URL('../fixtures/profiles/', import.meta.url);

function withoutRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRanges);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value)
    .filter(([key]) => key !== 'range' && key !== 'headerRange')
    .map(([key, inner]) => [key, withoutRanges(inner)]));
}

function expectRoundTrip(text: string, options: ParseOptions): void {
  const first = parseProfile(text, options);
  const printed = printPolicy(first.ast);
  const second = parseProfile(printed, options);
  const codes = (list: typeof first.diagnostics): string[] => list.filter((d) => d.severity === 'error').map((d) => d.code);
  expect(codes(second.diagnostics)).toEqual(codes(first.diagnostics));
  expect(withoutRanges(second.ast)).toEqual(withoutRanges(first.ast));
  expect(printPolicy(second.ast)).toBe(printed);
}

function files(dir: string, suffix: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(suffix)).sort();
}

describe('printPolicy', () => {
  it('prints rules one per line with two-space indentation and canonical qualifier order', () => {
    const { ast } = parseProfile('profile p flags=(complain){audit   deny owner /tmp/x rw,capability chown  setuid ,}');
    expect(printPolicy(ast)).toBe('profile p flags=(complain) {\n  audit deny owner /tmp/x rw,\n  capability chown setuid,\n}\n');
  });

  it('keeps quotes, leading permissions and exec targets as written', () => {
    const { ast } = parseProfile('profile p {\n  rw "/a b",\n  /bin/sh Cx -> child,\n  profile child { }\n}');
    expect(printPolicy(ast)).toBe('profile p {\n  rw "/a b",\n  /bin/sh Cx -> child,\n  profile child {\n  }\n}\n');
  });

  it('round-trips every fixture', () => {
    const dir = FIXTURES.pathname;
    const fixtures = files(dir, '.aa');
    expect(fixtures.length).toBeGreaterThan(10);
    for (const file of fixtures) {
      const text = readFileSync(join(dir, file), 'utf8');
      const first = parseProfile(text);
      // a recovering parse of a syntax error is not a tree the printer can reproduce
      if (first.diagnostics.some((d) => /^(syntax error|Lexer found)/.test(d.upstream?.message ?? ''))) continue;
      expectRoundTrip(text, {});
    }
  });
});

describe.runIf(hasConformanceData())('printPolicy on the conformance data', () => {
  it('round-trips every conformance profile and abstraction', () => {
    const profiles = join(CONFORMANCE_DIR, 'profiles');
    for (const file of readdirSync(profiles).filter((f) => !f.endsWith('.json'))) {
      expectRoundTrip(readFileSync(join(profiles, file), 'utf8'), {});
    }
    const abstractions = join(CONFORMANCE_DIR, 'apparmor.d/abstractions');
    for (const file of readdirSync(abstractions, { recursive: true }) as string[]) {
      let text: string;
      try {
        text = readFileSync(join(abstractions, file), 'utf8');
      } catch {
        continue;
      }
      expectRoundTrip(text, { context: 'body' });
    }
  });

  it('round-trips every upstream simple test that parses without an error, at both levels', () => {
    const dir = join(CONFORMANCE_DIR, 'parser');
    let count = 0;
    for (const file of files(dir, '.sd')) {
      const text = stripHeaders(readFileSync(join(dir, file), 'latin1'));
      for (const version of ['3.0', '5.0'] as LanguageVersion[]) {
        if (parseProfile(text, { version }).diagnostics.some((d) => d.severity === 'error')) continue;
        expectRoundTrip(text, { version });
        count++;
      }
    }
    expect(count).toBeGreaterThan(2000);
  });
});
