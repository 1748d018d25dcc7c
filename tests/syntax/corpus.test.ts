// Real policy text leaves no token unscoped: our bundled /etc/apparmor.d files always, and the upstream
// abstractions and reference profiles of the conformance data when it is present (under CI it must be).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUNDLED_APPARMOR_D } from '../../src/apparmor/bundle/index.ts';
import { CONFORMANCE_DIR, hasConformanceData } from '../conformance/dir.ts';
import { tokenize } from './tokenize.ts';

/** Text runs whose only scopes are `source.apparmor` and `meta.*` regions. */
async function unscoped(name: string, text: string): Promise<string[]> {
  const pieces = await tokenize(text);
  return pieces
    .filter((p) => p.text.trim() !== '' && p.scopes.every((s) => s === 'source.apparmor' || s.startsWith('meta.')))
    .map((p) => `${name}:${p.line + 1}: ${JSON.stringify(p.text)}`);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the grammar on real policy', () => {
  it('scopes every token of the bundled tunables and abstractions', async () => {
    expect(BUNDLED_APPARMOR_D.size).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const [name, text] of BUNDLED_APPARMOR_D) {
      // abi/* are kernel feature lists, not policy.
      if (!name.startsWith('abi/')) problems.push(...(await unscoped(name, text)));
    }
    expect(problems).toEqual([]);
  });

  it.runIf(hasConformanceData())('scopes every token of the upstream abstractions, tunables and reference profiles', async () => {
    const files = [
      ...filesUnder(join(CONFORMANCE_DIR, 'apparmor.d/abstractions')),
      ...filesUnder(join(CONFORMANCE_DIR, 'apparmor.d/tunables')),
      ...['docker-default', 'k8s-nginx', 'k8s-apparmor-example-deny-write', 'cri-containerd.apparmor.d']
        .map((name) => join(CONFORMANCE_DIR, 'profiles', name)),
    ];
    expect(files.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const file of files) problems.push(...(await unscoped(relative(CONFORMANCE_DIR, file), readFileSync(file, 'utf8'))));
    expect(problems).toEqual([]);
  });
});
