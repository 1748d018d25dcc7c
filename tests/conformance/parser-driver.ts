/**
 * Runs one upstream `simple_tests` case as `parser/tst/simple.pl` does, through our parser, resolver and
 * compile-time checks: `#=` header lines removed, `-I <simple_tests>`, working directory `parser/tst` (so
 * `"../tst/simple_tests/…"` includes resolve), the bundled `apparmor.d` as base directory.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkPolicy, type Diagnostic, type IncludeReader, type LanguageVersion } from '../../src/apparmor/index.ts';
import { CONFORMANCE_DIR } from './dir.ts';

const SIMPLE_TESTS = join(CONFORMANCE_DIR, 'parser/simple_tests');
const FAKE_TST = join(CONFORMANCE_DIR, 'parser/tst');

function realPath(path: string): string {
  return path.startsWith(`${FAKE_TST}/`) ? join(CONFORMANCE_DIR, 'parser', path.slice(FAKE_TST.length + 1)) : path;
}

/** Reads the real conformance folder, mapping `parser/tst/…` to `parser/…` as the upstream layout has it. */
export const conformanceReader: IncludeReader = {
  readFile(path) {
    try {
      const p = realPath(path);
      return statSync(p).isFile() ? readFileSync(p, 'latin1') : undefined;
    } catch {
      return undefined;
    }
  },
  listDir(path) {
    // git cannot hold the empty tunables/xdg-user-dirs.d that tunables/global includes (conformance README)
    if (path.endsWith('/apparmor.d/tunables/xdg-user-dirs.d')) return [];
    try {
      const p = realPath(path);
      return statSync(p).isDirectory() ? readdirSync(p) : undefined;
    } catch {
      return undefined;
    }
  },
};

/** @returns the text simple.pl pipes to the parser: the file without its `#=DESCRIPTION|EXRESULT|TODO|DISABLED` lines. */
export function stripHeaders(text: string): string {
  return text.split('\n').filter((line) => !/^#=(DESCRIPTION|EXRESULT|TODO|DISABLED)/i.test(line)).join('\n');
}

/** The verdict on one policy text and the first error, if any. */
export type Verdict = { result: 'PASS' | 'FAIL'; firstError: Diagnostic | undefined };

/**
 * @param text - the policy text
 * @param version - the language level
 * @returns PASS when no error diagnostic was produced
 */
export function runPolicy(text: string, version: LanguageVersion): Verdict {
  const { diagnostics } = checkPolicy(text, {
    version, reader: conformanceReader, includeDirs: [SIMPLE_TESTS], baseDir: join(CONFORMANCE_DIR, 'apparmor.d'),
    cwd: FAKE_TST,
  });
  const firstError = diagnostics.find((d) => d.severity === 'error');
  return { result: firstError ? 'FAIL' : 'PASS', firstError };
}

/**
 * @param file - a path relative to `conformance/parser`
 * @param version - the language level
 * @returns the verdict on that simple test
 */
export function runSimpleTest(file: string, version: LanguageVersion): Verdict {
  const text = readFileSync(join(CONFORMANCE_DIR, 'parser', file), 'latin1');
  return runPolicy(stripHeaders(text), version);
}
