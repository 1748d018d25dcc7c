// Fuzz: 100,000 random and mutated profiles through parse → resolve → compile → evaluate. Whatever the
// input, no exception may escape (the engine reports problems as diagnostics). Timing is reported by
// `npm run bench`, never asserted here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom, loadSeeds, mutate, runPipeline } from './fuzz-corpus.ts';

const seeds = loadSeeds();
const PIECES = ['profile p {', '}', ' /tmp/** rw,', ' deny /x w,', ' capability,', ' network tcp,', ' file,', ' ^h {', ' @{V}', '\n', ' x -> y,', ' signal peer=@{p},', '"', '[', '{a,', ' audit owner /a/*/ r,'];

describe('fuzzing the whole pipeline', () => {
  it('survives 90,000 mutated seed profiles without an exception', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.integer(), (index, seed) => {
        const text = mutate(seeds[index] ?? '', createRandom(seed));
        expect(() => runPipeline(text)).not.toThrow();
      }),
      { numRuns: 90_000, seed: 20261123 },
    );
  });

  it('survives 10,000 profiles built from random pieces and characters without an exception', () => {
    const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        expect(() => runPipeline(parts.join(''))).not.toThrow();
      }),
      { numRuns: 10_000, seed: 11232026 },
    );
  });

  it('decides something for the unmutated seeds, so the pipeline is really exercised', () => {
    const decided = seeds.reduce((sum, text) => sum + runPipeline(text), 0);
    expect(decided).toBeGreaterThan(seeds.length);
  });
});
