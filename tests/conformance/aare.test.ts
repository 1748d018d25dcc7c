// Conformance of the AARE engine with apparmor_parser 3.0.8 (shared/conformance/aare): the 1,931 pattern ×
// path pairs, the parser's own conversion table, and the parser column of the utils match table.
// There is no disagreement file: every pair must agree, and any miss fails with the pair in the message.
import { describe, expect, it } from 'vitest';
import { hasConformanceData, readConformanceJson } from './dir.ts';
import { expandVariables as expand, readTunables } from '../fixtures/aare/variables.ts';
import { compileAare } from '../../src/apparmor/aare/index.ts';
import { filterSlashes } from '../../src/apparmor/aare/filter-slashes.ts';

type ExtendedRow = { pattern: string; expanded: string[]; regex: string[]; matches: string[]; non_matches: string[] };
type Extended = { groups: Record<string, { paths: string[]; rows: ExtendedRow[] }> };
type ConversionRow = { aare: string; expected_regex?: string; glob?: string; expect: 'PASS' | 'FAIL'; parser_3_0_8?: string; parser_3_0_8_regex?: string };
type UtilsRow = { pattern: string; path: string; parser_3_0_8: boolean | { error: string }; parser_3_0_8_regex?: string };

const present = hasConformanceData();

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
