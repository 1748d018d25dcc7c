// Golden cluster transcripts: each tests/fixtures/transcripts/cluster-v1.NN-*.txt is replayed in a fresh
// world whose node is the control plane of a v1.NN cluster (two workers) and must come out byte for byte.
// Words in the name switch cluster options: `-psp-` (PodSecurityPolicy admission on), `-apparmor-gate-off`
// (--feature-gates=AppArmor=false), `-no-apparmor-` (the workers' kernels have AppArmor disabled).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { installCluster } from '../../src/sim/cluster/kubectl/install.ts';
import { runTranscript, scriptOf } from '../../src/sim/node/transcript.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'transcripts');
const FILES = readdirSync(DIR).filter((name) => /^cluster-v1\.\d+-.*\.txt$/.test(name)).sort();

describe('golden cluster transcripts', () => {
  it('has a transcript for each era', () => {
    expect(FILES.some((f) => f.startsWith('cluster-v1.14-'))).toBe(true);
    expect(FILES.some((f) => /^cluster-v1\.3\d-/.test(f))).toBe(true);
  });

  for (const name of FILES) {
    it(`replays ${name} exactly`, () => {
      const expected = readFileSync(join(DIR, name), 'utf8');
      const world = createWorld({ hostname: 'controlplane' });
      installCluster(world.node, {
        version: { major: 1, minor: Number(/^cluster-v1\.(\d+)-/.exec(name)?.[1]) },
        ...(name.includes('-psp') ? { isPspEnabled: true } : {}),
        ...(name.includes('-apparmor-gate-off') ? { featureGates: { AppArmor: false } } : {}),
        ...(name.includes('-no-apparmor') ? { appArmorDisabledOn: ['node01', 'node02'] } : {}),
      });
      const script = scriptOf(expected, (text) => world.isComplete(text));
      expect(script).not.toBe('');
      expect(runTranscript(world, script)).toBe(expected);
    });
  }
});
