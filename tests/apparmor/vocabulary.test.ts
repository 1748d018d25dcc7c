// The vocabulary tables against what apparmor_parser 3.0.8 accepted and rejected in the conformance data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CAPABILITIES, isKnownSignal, NETWORK_FAMILIES, NETWORK_PROTOCOLS, NETWORK_TYPES, RLIMITS, SIGNALS,
} from '../../src/apparmor/vocabulary.ts';
import { CONFORMANCE_DIR, hasConformanceData, readConformanceJson } from '../conformance/dir.ts';

type IndexEntry = { file: string; parser3: string; parser3_error?: string };

describe('vocabulary', () => {
  it('knows rtmin+0 to rtmin+32 and nothing past it', () => {
    expect(isKnownSignal('rtmin+0')).toBe(true);
    expect(isKnownSignal('rtmin+32')).toBe(true);
    expect(isKnownSignal('rtmin+33')).toBe(false);
    expect(isKnownSignal('rtmin')).toBe(false);
    expect(SIGNALS).toContain('exists');
  });

  it('has no duplicate and no upper-case entry', () => {
    for (const table of [CAPABILITIES, NETWORK_FAMILIES, NETWORK_TYPES, NETWORK_PROTOCOLS, SIGNALS, RLIMITS]) {
      expect(new Set(table).size).toBe(table.length);
      expect(table.every((w) => w === w.toLowerCase())).toBe(true);
    }
  });
});

describe.runIf(hasConformanceData())('vocabulary against apparmor_parser 3.0.8', () => {
  const index = hasConformanceData() ? readConformanceJson<IndexEntry[]>('parser/index.json') : [];
  const body = (file: string): string => readFileSync(join(CONFORMANCE_DIR, 'parser', file), 'latin1')
    .split('\n').filter((line) => !line.startsWith('#')).join('\n');

  it('lists every capability that 3.0.8 accepted and none that it rejected', () => {
    for (const entry of index.filter((e) => e.file.includes('/capability/'))) {
      const rules = body(entry.file).matchAll(/^\s*(?:audit\s+)?(?:allow\s+|deny\s+)?capability\s+(\w+(?:\s+\w+)*)\s*,\s*$/gm);
      const names = [...rules].flatMap((m) => (m[1] ?? '').split(/\s+/));
      const rejected = /Invalid capability (\S+)\./.exec(entry.parser3_error ?? '')?.[1];
      for (const name of names) {
        if (entry.parser3 === 'PASS') expect(CAPABILITIES).toContain(name);
        else if (name === rejected) expect(CAPABILITIES).not.toContain(name);
      }
    }
  });

  it('rejects exactly the signals that 3.0.8 called unknown', () => {
    for (const entry of index.filter((e) => e.file.includes('/signal/'))) {
      const rejected = /unknown signal "([^"]+)"/.exec(entry.parser3_error ?? '')?.[1];
      if (rejected) expect(isKnownSignal(rejected)).toBe(false);
      if (entry.parser3 !== 'PASS') continue;
      for (const m of body(entry.file).matchAll(/set=\(([^)]*)\)/g)) {
        for (const name of (m[1] ?? '').split(/[\s,]+/).filter(Boolean)) expect(isKnownSignal(name)).toBe(true);
      }
    }
  });
});
