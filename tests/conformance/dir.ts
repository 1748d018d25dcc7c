/**
 * Where the conformance data lives: `$APPARMOR_CONFORMANCE_DIR`, else `../shared/conformance` beside the
 * repository. Tests never copy it. When it is missing, conformance suites skip locally but fail under CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The conformance folder, whether or not it exists. */
export const CONFORMANCE_DIR = resolve(process.env['APPARMOR_CONFORMANCE_DIR'] ?? join(repoRoot, '../shared/conformance'));

/** True when the data is there. Under CI a missing folder is an error, never a silent skip. */
export function hasConformanceData(): boolean {
  const present = existsSync(join(CONFORMANCE_DIR, 'README.md'));
  if (!present && process.env['CI']) {
    throw new Error(`conformance data not found at ${CONFORMANCE_DIR}; set APPARMOR_CONFORMANCE_DIR`);
  }
  return present;
}

/** @returns the parsed JSON file at `relativePath` inside the conformance folder. */
export function readConformanceJson<T = unknown>(relativePath: string): T {
  return JSON.parse(readFileSync(join(CONFORMANCE_DIR, relativePath), 'utf8')) as T;
}

/** @returns the text file at `relativePath` inside the conformance folder. */
export function readConformanceText(relativePath: string): string {
  return readFileSync(join(CONFORMANCE_DIR, relativePath), 'utf8');
}
