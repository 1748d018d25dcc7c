// content/docs/04-reference/diagnostics.md documents every DiagnosticCode exactly once, and each example there
// gives that code in our engine (tests/content/fences.test.ts checks the same examples against apparmor_parser).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleReader, checkProfile } from '../../src/apparmor/index.ts';

const page = readFileSync(new URL('../../content/docs/04-reference/diagnostics.md', import.meta.url), 'utf8');
const source = readFileSync(new URL('../../src/apparmor/diagnostics.ts', import.meta.url), 'utf8');
const union = /export type DiagnosticCode =([\s\S]*?);/.exec(source)?.[1] ?? '';
const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1] as string);

type Section = { code: string; severity: string; example: string; isBad: boolean };

function sections(): Section[] {
  const out: Section[] = [];
  let severity = '';
  for (const part of page.split(/^(?=## |### )/m)) {
    const heading = /^(##|###) (.+)$/m.exec(part);
    if (heading?.[1] === '##') severity = (heading[2] ?? '').toLowerCase();
    if (heading?.[1] !== '###') continue;
    const fence = /```apparmor( bad)?\n([\s\S]*?)```/.exec(part);
    out.push({ code: heading[2] ?? '', severity, example: fence?.[2] ?? '', isBad: fence?.[1] !== undefined });
  }
  return out;
}

describe('the diagnostics reference page', () => {
  it('documents every diagnostic code exactly once, and nothing else', () => {
    expect(codes.length).toBeGreaterThan(40);
    const documented = sections().map((s) => s.code);
    expect([...documented].sort()).toEqual([...codes].sort());
  });

  for (const section of sections()) {
    it(`shows an example that gives ${section.code} in the engine`, () => {
      expect(section.example).not.toBe('');
      const merged = section.code === 'NO_OP_RULE' || section.code === 'SYMLINK_PATH';
      const { diagnostics } = checkProfile(section.example, { reader: bundleReader, mergedUsr: merged });
      const errors = diagnostics.filter((d) => d.severity === 'error');
      if (section.isBad) expect(errors[0]?.code).toBe(section.code);
      else {
        expect(errors).toEqual([]);
        expect(diagnostics.find((d) => d.code === section.code)?.severity).toBe(section.severity.replace(/s$/, ''));
      }
    });
  }
});
