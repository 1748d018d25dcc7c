// Conformance of the AARE engine with apparmor_parser 3.0.8 (shared/conformance/aare): the 1,931 pattern ×
// path pairs, the parser's own conversion table, and the parser column of the utils match table.
// There is no disagreement file: every pair must agree, and any miss fails with the pair in the message.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_DIR, hasConformanceData, readConformanceJson } from './dir.ts';
import { compileAare } from '../../src/apparmor/aare/index.ts';
import { filterSlashes } from '../../src/apparmor/aare/filter-slashes.ts';

type ExtendedRow = { pattern: string; expanded: string[]; regex: string[]; matches: string[]; non_matches: string[] };
type Extended = { groups: Record<string, { paths: string[]; rows: ExtendedRow[] }> };
type ConversionRow = { aare: string; expected_regex?: string; glob?: string; expect: 'PASS' | 'FAIL'; parser_3_0_8?: string; parser_3_0_8_regex?: string };
type UtilsRow = { pattern: string; path: string; parser_3_0_8: boolean | { error: string }; parser_3_0_8_regex?: string };

const present = hasConformanceData();

/** A tiny reader of `@{VAR}=…` / `@{VAR}+=…` lines in the shipped tunables (test-only; the resolver owns the real one). */
function readTunables(): Map<string, string[]> {
  const vars = new Map<string, string[]>();
  const seen = new Set<string>();
  const read = (relative: string): void => {
    const file = join(CONFORMANCE_DIR, 'apparmor.d', relative);
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    if (statSync(file).isDirectory()) {
      for (const entry of readdirSync(file).sort()) if (!entry.startsWith('.')) read(`${relative}/${entry}`);
      return;
    }
    for (const raw of readFileSync(file, 'utf8').split('\n')) {
      const line = raw.replace(/#.*/, '').trim();
      const include = /^include\s+(?:if exists\s+)?<([^>]+)>/.exec(line);
      if (include) read(include[1] as string);
      const assign = /^@\{(\w+)\}\s*(\+?=)\s*(.*)$/.exec(line);
      if (assign) {
        const values = (assign[3] as string).split(/\s+/).filter((v) => v !== '');
        const name = assign[1] as string;
        vars.set(name, assign[2] === '+=' ? [...(vars.get(name) ?? []), ...values] : values);
      }
    }
  };
  read('tunables/global');
  return vars;
}

/**
 * Expands `@{VAR}` the way the 3.0.8 parser did for these rows: several values become `{a,b}`, and a value's
 * trailing `/` is dropped when the reference is itself followed by `/` (as the recorded expansions show).
 */
function expand(text: string, vars: Map<string, string[]>, depth = 0): string | undefined {
  if (depth > 10) return undefined;
  let failed = false;
  const out = text.replace(/@\{(\w+)\}/g, (_, name: string, offset: number) => {
    const values = vars.get(name);
    if (values === undefined) {
      failed = true;
      return '';
    }
    const followedBySlash = text[offset + name.length + 3] === '/';
    const expanded = values.map((v) => {
      const inner = expand(v, vars, depth + 1) ?? '';
      return followedBySlash && inner.endsWith('/') ? inner.slice(0, -1) : inner;
    });
    return expanded.length === 1 ? (expanded[0] as string) : `{${expanded.join(',')}}`;
  });
  return failed ? undefined : out;
}

describe.skipIf(!present)('AARE conformance with apparmor_parser 3.0.8', () => {
  it('agrees on every pair of aare-extended-parser-3.0.8.json (1,931 pairs)', () => {
    const data = readConformanceJson<Extended>('aare/aare-extended-parser-3.0.8.json');
    const vars = readTunables();
    const misses: string[] = [];
    let pairs = 0;
    for (const group of Object.values(data.groups)) {
      for (const row of group.rows) {
        const pattern = expand(row.pattern, vars);
        expect(pattern, `expanding ${row.pattern}`).toBeDefined();
        expect(filterSlashes(pattern as string).text, `expansion of ${row.pattern}`).toBe(filterSlashes(row.expanded[0] as string).text);
        const compiled = compileAare(pattern as string);
        if (!compiled.ok) throw new Error(`${row.pattern}: ${compiled.error.message}`);
        expect(compiled.matcher.regex, `regex of ${row.pattern}`).toBe(row.regex[0]);
        for (const [paths, expected] of [[row.matches, true], [row.non_matches, false]] as const) {
          for (const path of paths) {
            pairs++;
            if (compiled.matcher.test(path) !== expected) misses.push(`${row.pattern} vs ${JSON.stringify(path)}: expected ${expected}`);
          }
        }
      }
    }
    expect(misses).toEqual([]);
    expect(pairs).toBe(1931);
  });

  it('produces the parser regex or the parser failure for every glob_default row of parser-regex-conversion.json', () => {
    const rows = readConformanceJson<{ rows: ConversionRow[] }>('aare/parser-regex-conversion.json').rows;
    const checked = rows.filter((row) => row.glob === 'glob_default' || row.expect === 'FAIL');
    const misses: string[] = [];
    for (const row of checked) {
      // The C unit test converts the AARE directly, without filter_slashes.
      const compiled = compileAare(row.aare, { foldSlashes: false });
      if (row.expect === 'FAIL') {
        if (compiled.ok) misses.push(`${row.aare}: expected a failure, got ${compiled.matcher.regex}`);
      } else if (!compiled.ok) {
        misses.push(`${row.aare}: ${compiled.error.message}`);
      } else if (compiled.matcher.regex !== row.expected_regex || compiled.matcher.regex !== row.parser_3_0_8_regex) {
        misses.push(`${row.aare}: got ${compiled.matcher.regex}, expected ${row.expected_regex}`);
      }
    }
    expect(misses).toEqual([]);
    expect(checked.length).toBe(rows.filter((r) => r.glob !== 'glob_null').length);
  });

  it('matches the parser_3_0_8 column of aare-match.json, errors included', () => {
    const rows = readConformanceJson<{ rows: UtilsRow[] }>('aare/aare-match.json').rows;
    const vars = readTunables();
    const misses: string[] = [];
    for (const row of rows) {
      const pattern = expand(row.pattern, vars);
      const compiled = pattern === undefined ? undefined : compileAare(pattern);
      const got = compiled === undefined || !compiled.ok ? 'error' : compiled.matcher.test(row.path);
      const expected = typeof row.parser_3_0_8 === 'boolean' ? row.parser_3_0_8 : 'error';
      if (got !== expected) misses.push(`${row.pattern} vs ${row.path}: expected ${expected}, got ${got}`);
      if (compiled?.ok && row.parser_3_0_8_regex !== undefined && compiled.matcher.regex !== row.parser_3_0_8_regex) {
        misses.push(`${row.pattern}: regex ${compiled.matcher.regex} ≠ ${row.parser_3_0_8_regex}`);
      }
    }
    expect(misses).toEqual([]);
    expect(rows.length).toBe(75);
  });
});
