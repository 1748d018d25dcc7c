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
// transcripts of the real tools' output where the simulator still differs (file → why); each must keep differing
const DISAGREEMENTS: Record<string, string> = JSON.parse(readFileSync(join(DIR, 'disagreements.json'), 'utf8'));

describe('golden transcripts', () => {
  it('has transcripts to replay', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(4);
  });

  it('lists only transcripts that exist as disagreements', () => {
    expect(Object.keys(DISAGREEMENTS).filter((name) => !FILES.includes(name))).toEqual([]);
  });

  for (const name of FILES) {
    const why = DISAGREEMENTS[name];
    it(why === undefined ? `replays ${name} exactly` : `still differs from the real tools in ${name}: ${why}`, () => {
      const expected = readFileSync(join(DIR, name), 'utf8');
      const world = createWorld();
      const script = scriptOf(expected, (text) => world.isComplete(text));
      expect(script).not.toBe('');
      if (why === undefined) expect(runTranscript(world, script)).toBe(expected);
      else expect(runTranscript(world, script)).not.toBe(expected);
    });
  }
});
