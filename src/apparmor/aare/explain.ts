/**
 * Explains a match: which glob token consumed which part of the subject. It replays the NFA with
 * predecessor links (one per leaf and step, first in priority order, so `*` and `**` read greedily) and
 * walks back from the accepting end. Only run for subjects that are known to match.
 */
import { ClosureScratch, type Closure, type Nfa } from './nfa.ts';
import type { GlobToken } from './convert.ts';

/** Most (subject bytes × NFA states) work an explanation may take; past it the whole match is one part. */
export const MAX_EXPLAIN_WORK = 1 << 24;

/** A run of subject bytes consumed by one token. */
export type ExplainedRun = { token: number; from: number; to: number };

/**
 * Attributes each byte of a matching subject to the token that consumed it.
 *
 * @param nfa - the automaton
 * @param bytes - the subject as UTF-8 (must match)
 * @returns runs of bytes per token in subject order, or `undefined` if the subject does not match
 *   or the work limit is exceeded
 * @example explainRuns(nfaOf('/tmp/**'), bytes('/tmp/a/b'))
 *   // → [{ token: 0, from: 0, to: 5 }, { token: 1, from: 5, to: 8 }]  (token 0 is "/tmp/", 1 is "**")
 */
export function explainRuns(nfa: Nfa, bytes: Uint8Array): ExplainedRun[] | undefined {
  if (bytes.length * nfa.kind.length > MAX_EXPLAIN_WORK) return undefined;
  const scratch = new ClosureScratch(nfa.kind.length);
  const preds: Map<number, number>[] = [];
  let current: Closure = { leaves: [], accept: false };
  scratch.begin();
  scratch.add(nfa, nfa.start, current);
  let acceptPred = -1;
  for (let i = 0; i < bytes.length; i++) {
    const cls = nfa.classOf[bytes[i] as number] as number;
    const next: Closure = { leaves: [], accept: false };
    const pred = new Map<number, number>();
    scratch.begin();
    for (const leaf of current.leaves) {
      if (!nfa.classMask[leaf]?.[cls]) continue;
      const wasAccepting = next.accept;
      scratch.add(nfa, nfa.out1[leaf] as number, next, (reached) => pred.set(reached, leaf));
      if (i === bytes.length - 1 && next.accept && !wasAccepting) acceptPred = leaf;
    }
    preds.push(pred);
    current = next;
    if (current.leaves.length === 0 && !current.accept) return undefined;
  }
  if (!current.accept) return undefined;
  return collectRuns(nfa, preds, acceptPred, bytes.length);
}

function collectRuns(nfa: Nfa, preds: Map<number, number>[], last: number, length: number): ExplainedRun[] {
  const tokenAt = new Array<number>(length);
  let leaf = last;
  for (let i = length - 1; i >= 0; i--) {
    tokenAt[i] = nfa.token[leaf] as number;
    if (i > 0) leaf = preds[i - 1]?.get(leaf) ?? -1;
  }
  const runs: ExplainedRun[] = [];
  for (let i = 0; i < length; i++) {
    const token = tokenAt[i] as number;
    const previous = runs.at(-1);
    if (previous !== undefined && previous.token === token) previous.to = i + 1;
    else runs.push({ token, from: i, to: i + 1 });
  }
  return runs;
}

/**
 * Renders runs as the learner-facing sentence, naming only the glob tokens.
 *
 * @param parts - `{ token, matched, kind }` per run
 * @param isLiteral - the pattern has no glob at all
 * @returns e.g. `** matched "a/b"`; `exact match` for a literal pattern; a note when every glob matched
 *   the empty string (`/tmp/*.log` against `/tmp/.log`)
 * @example explanationText([{ token: '**', matched: 'a/b', kind: 'globstar' }], false) // → '** matched "a/b"'
 */
export function explanationText(
  parts: { token: string; matched: string; kind: GlobToken['kind'] }[],
  isLiteral: boolean,
): string {
  const globs = parts.filter((part) => part.kind !== 'literal');
  if (globs.length === 0) return isLiteral ? 'exact match' : 'the glob characters matched the empty string';
  return globs.map((part) => `${part.token} matched ${JSON.stringify(part.matched)}`).join(', ');
}
