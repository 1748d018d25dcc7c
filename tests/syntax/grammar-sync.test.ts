// The committed grammar JSON (what Expressive Code and, later, Monaco load) is exactly what
// src/syntax/grammar/ builds, and its word lists cover the engine's whole vocabulary.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createApparmorGrammar } from '../../src/syntax/grammar/apparmor-grammar.ts';
import {
  CAPABILITIES, MOUNT_OPTIONS, NETWORK_FAMILIES, NETWORK_PROTOCOLS, NETWORK_TYPES, PROFILE_FLAGS_3_0,
  PROFILE_MODES_3_0, RLIMITS, SIGNALS,
} from '../../src/apparmor/vocabulary.ts';
import { tokenize } from './tokenize.ts';

describe('the committed grammar', () => {
  it('is what `node src/syntax/build-grammar.ts` writes', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../../src/syntax/apparmor.tmLanguage.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(createApparmorGrammar());
  });
});

type VocabularyCase = { kind: string; words: readonly string[]; rule: (word: string) => string; scope: string };

const VOCABULARY: VocabularyCase[] = [
  { kind: 'capability', words: CAPABILITIES, rule: (w) => `capability ${w},`, scope: 'constant.language.capability.apparmor' },
  { kind: 'network family', words: NETWORK_FAMILIES, rule: (w) => `network ${w},`, scope: 'constant.language.network.apparmor' },
  { kind: 'network type', words: NETWORK_TYPES, rule: (w) => `network inet ${w},`, scope: 'constant.language.network.apparmor' },
  { kind: 'network protocol', words: NETWORK_PROTOCOLS, rule: (w) => `network inet ${w},`, scope: 'constant.language.network.apparmor' },
  { kind: 'signal', words: SIGNALS, rule: (w) => `signal send set=(hup, ${w}),`, scope: 'support.constant.signal.apparmor' },
  { kind: 'rlimit', words: RLIMITS, rule: (w) => `set rlimit ${w} <= 10,`, scope: 'constant.language.rlimit.apparmor' },
  { kind: 'mount option', words: MOUNT_OPTIONS, rule: (w) => `mount options=(${w}, ro) -> /mnt/,`, scope: 'constant.language.mount-option.apparmor' },
];

const FLAGS = [...PROFILE_MODES_3_0, ...PROFILE_FLAGS_3_0];

describe("the grammar knows the engine's vocabulary", () => {
  it.each(VOCABULARY)('scopes every $kind name', async ({ words, rule, scope }) => {
    const code = `profile t {\n${words.map((w) => `  ${rule(w)}`).join('\n')}\n}\n`;
    const pieces = await tokenize(code);
    const missed = words.filter((word, i) => !pieces.some((p) => p.line === i + 1 && p.text === word && p.scopes.at(-1) === scope));
    expect(missed).toEqual([]);
  });

  it('scopes every profile flag and mode', async () => {
    const code = FLAGS.map((flag) => `profile t flags=(${flag}) {\n}`).join('\n');
    const pieces = await tokenize(code);
    const missed = FLAGS.filter((flag, i) =>
      !pieces.some((p) => p.line === 2 * i && p.text === flag && p.scopes.at(-1) === 'constant.language.flag.apparmor'));
    expect(missed).toEqual([]);
  });
});
