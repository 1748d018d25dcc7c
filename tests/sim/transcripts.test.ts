// Golden transcripts: each tests/fixtures/transcripts/*.txt is replayed command by command in a fresh
// world and must come out byte for byte the same (the format `apparmor-lab shell < script` prints).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { runTranscript, scriptOf } from '../../src/sim/node/transcript.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'transcripts');
// cluster-*.txt need a cluster world: kubectl-transcripts.test.ts replays them
const FILES = readdirSync(DIR).filter((name) => name.endsWith('.txt') && !name.startsWith('cluster-')).sort();

describe('golden transcripts', () => {
  it('has transcripts to replay', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of FILES) {
    it(`replays ${name} exactly`, () => {
      const expected = readFileSync(join(DIR, name), 'utf8');
      const world = createWorld();
      const script = scriptOf(expected, (text) => world.isComplete(text));
      expect(script).not.toBe('');
      expect(runTranscript(world, script)).toBe(expected);
    });
  }
});
