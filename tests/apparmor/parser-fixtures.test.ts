// Our fixture corpus (tests/fixtures/profiles/<area>/{ok,bad}-*.aa, written for this project) in the upstream
// format: #=DESCRIPTION, #=EXRESULT PASS|FAIL, plus #=DIAGNOSTIC CODE (a diagnostic that must appear; for FAIL the
// first error's code), #=LEVEL 5.0 and #=NODE merged-usr. Includes resolve against the bundled /etc/apparmor.d.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleReader, checkProfile, type LanguageVersion } from '../../src/apparmor/index.ts';

const DIR = new URL('../fixtures/profiles/', import.meta.url).pathname;

type Fixture = { file: string; text: string; expect: 'PASS' | 'FAIL'; codes: string[]; level: LanguageVersion; mergedUsr: boolean };

function header(text: string, name: string): string[] {
  return [...text.matchAll(new RegExp(`^#=${name}\\s+(.*)$`, 'gim'))].map((m) => (m[1] ?? '').trim());
}

function loadFixtures(): Fixture[] {
  return (readdirSync(DIR, { recursive: true }) as string[]).filter((f) => f.endsWith('.aa')).sort().map((file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    return {
      file, text, expect: (header(text, 'EXRESULT')[0] ?? 'PASS') as 'PASS' | 'FAIL', codes: header(text, 'DIAGNOSTIC'),
      level: (header(text, 'LEVEL')[0] ?? '3.0') as LanguageVersion, mergedUsr: header(text, 'NODE').includes('merged-usr'),
    };
  });
}

describe('fixture corpus', () => {
  const fixtures = loadFixtures();

  it('has ok and bad fixtures for every area', () => {
    expect(fixtures.filter((f) => f.expect === 'PASS').length).toBeGreaterThan(10);
    expect(fixtures.filter((f) => f.expect === 'FAIL').length).toBeGreaterThan(10);
  });

  for (const fixture of fixtures) {
    it(`gives ${fixture.expect}${fixture.codes.length ? ` with ${fixture.codes.join(', ')}` : ''} for ${fixture.file}`, () => {
      const { diagnostics } = checkProfile(fixture.text, {
        version: fixture.level, reader: bundleReader, mergedUsr: fixture.mergedUsr,
      });
      const errors = diagnostics.filter((d) => d.severity === 'error');
      expect(errors.length > 0 ? 'FAIL' : 'PASS').toBe(fixture.expect);
      if (fixture.expect === 'FAIL') expect(errors[0]?.code).toBe(fixture.codes[0]);
      else for (const code of fixture.codes) expect(diagnostics.map((d) => d.code)).toContain(code);
      if (fixture.expect === 'PASS' && fixture.codes.length === 0) expect(diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
    });
  }
});
