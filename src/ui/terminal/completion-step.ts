// What one Tab does to the line, as readline's rl_complete: insert the only candidate (and a space), or
// the candidates' common prefix with a bell, or, when the previous Tab changed nothing, list them.
// Pure: the editor supplies the backend's answer and draws the result.
import type { Completion } from './backend.ts';
import { longestCommonPrefix } from './completion-list.ts';
import type { LineState } from './edit-ops.ts';

/** The outcome of a Tab. */
export type CompletionStep = {
  line: LineState;
  /** The sanitised answer, as reported in the editor's `complete` action. */
  replaceFrom: number;
  candidates: string[];
  isBell: boolean;
  /** readline's completion_changed_buffer: a following Tab lists only when this is false. */
  isChanged: boolean;
  /** Candidates to list (second Tab). */
  list?: string[];
};

function replaceWord(line: LineState, from: number, insertion: string): LineState {
  return { text: line.text.slice(0, from) + insertion + line.text.slice(line.cursor), cursor: from + insertion.length };
}

/**
 * Applies a completion answer to the line.
 * @param line buffer and cursor
 * @param answer the backend's completion (sanitised here: any shape is tolerated)
 * @param isSecondTab true when the previous key was a Tab that changed nothing
 * @returns the new line and what to show
 * @example completeLine({ text: 'aa-ex', cursor: 5 }, { replaceFrom: 0, candidates: ['aa-exec'] }, false).line // { text: 'aa-exec ', cursor: 8 }
 */
export function completeLine(line: LineState, answer: Completion | undefined, isSecondTab: boolean): CompletionStep {
  const { text, cursor } = line;
  const from = Number.isInteger(answer?.replaceFrom) ? Math.min(Math.max(answer!.replaceFrom, 0), cursor) : cursor;
  const raw: unknown[] = Array.isArray(answer?.candidates) ? answer.candidates : [];
  const candidates = [...new Set(raw.filter((c): c is string => typeof c === 'string'))];
  const step = { line, replaceFrom: from, candidates, isBell: false, isChanged: false };
  if (candidates.length === 0) return { ...step, isBell: true };
  if (isSecondTab) return { ...step, list: candidates };
  let next = line;
  if (candidates.length === 1) {
    // As readline's append_to_match for filenames: a space only at the end of the line, none after a directory.
    const only = candidates[0]!;
    const isSpaced = cursor === text.length && !only.endsWith('/');
    next = replaceWord(line, from, only + (isSpaced ? ' ' : ''));
  } else {
    const common = longestCommonPrefix(candidates);
    if (common.length > cursor - from) next = replaceWord(line, from, common);
  }
  return { ...step, line: next, isChanged: next.text !== text, isBell: candidates.length > 1 };
}
