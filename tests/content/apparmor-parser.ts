/**
 * Runs the real `apparmor_parser` (3.0.8 on Debian bookworm) on a piece of policy, the way the
 * conformance data was made: no kernel (`-Q -K`), an empty config, the test-suite features file and the
 * bundled `abstractions/`/`tunables/` on the include path (conformance/README.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFORMANCE_DIR, hasConformanceData } from '../conformance/dir.ts';

/** What the test says when the parser is missing; it never skips. */
export const NO_PARSER_MESSAGE = 'apparmor_parser not found: install apparmor: apt-get install -y apparmor';

/** The verdict of one parser run. */
export type ParserVerdict = { accepted: boolean; status: number | null; stderr: string };

/** @returns the parser's path (`/usr/sbin`, `/sbin`, then PATH), or undefined when none is installed. */
export function findParser(): string | undefined {
  const dirs = ['/usr/sbin', '/sbin', ...(process.env['PATH'] ?? '').split(':').filter(Boolean)];
  return dirs.map((dir) => join(dir, 'apparmor_parser')).find((path) => existsSync(path));
}

/**
 * Parses policy text fed through stdin, without loading anything into a kernel.
 *
 * @param parser - the binary from {@link findParser}
 * @param policy - the policy text
 * @returns whether the parser accepted it, with its exit status and messages
 */
export function runParser(parser: string, policy: string): ParserVerdict {
  if (!hasConformanceData()) {
    throw new Error(`conformance data not found at ${CONFORMANCE_DIR}; set APPARMOR_CONFORMANCE_DIR`);
  }
  const args = [
    '-Q',
    '-K',
    '--config-file=/dev/null',
    '-M',
    join(CONFORMANCE_DIR, 'parser/features/features.all'),
    '-I',
    join(CONFORMANCE_DIR, 'apparmor.d'),
  ];
  const run = spawnSync(parser, args, { input: policy, encoding: 'utf8', timeout: 60_000 });
  if (run.error) throw run.error;
  return { accepted: run.status === 0, status: run.status, stderr: run.stderr };
}
