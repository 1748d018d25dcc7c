// readline's reverse incremental search (Ctrl-R) as a pure state machine, step for step as isearch.c's
// _rl_isearch_dispatch: one scan position (line and index) that every change of the query resumes from,
// with its quirks (after a failure the scan line stays where the search gave up). Checked against bash 5.2.

/** The search in progress; `lines` (history entries, then the typed line) are passed to every step. */
export type SearchState = {
  query: string;
  isFailed: boolean;
  /** history_pos: the line the scan is on; sline/slineIndex: the text scanned and where. */
  position: number;
  scanLine: string;
  scanIndex: number;
  lastFound: number;
  previousFound: string | undefined;
  /** The line and cursor the search started from (Ctrl-G goes back to them). */
  startLine: number;
  startPoint: number;
  /** What is displayed after the prompt, and the cursor in it. */
  line: string;
  point: number;
};

/** A step's result: the new state and how many times readline rings the bell. */
export type SearchStep = { state: SearchState; bells: number };

/**
 * Starts a search on the line shown.
 * @param lines history entries then the typed line, as edited
 * @param position the index of the line shown
 * @param point the cursor in it
 * @returns the initial state (empty query)
 * @example startSearch(['ls', ''], 1, 0).query // ''
 */
export function startSearch(lines: readonly string[], position: number, point: number): SearchState {
  const line = lines[position] ?? '';
  return {
    query: '', isFailed: false, position, scanLine: line, scanIndex: point, lastFound: position,
    previousFound: undefined, startLine: position, startPoint: point, line, point,
  };
}

/**
 * The prompt readline draws during the search.
 * @param state the search
 * @returns `(reverse-i-search)`query': ` or `(failed reverse-i-search)`query': `
 * @example searchPrompt({ ...startSearch([''], 0, 0), query: 'ssh' }) // "(reverse-i-search)`ssh': "
 */
export function searchPrompt(state: SearchState): string {
  return `(${state.isFailed ? 'failed ' : ''}reverse-i-search)\`${state.query}': `;
}

/** The scan loop after every change of the query (the `for (…;;)` of _rl_isearch_dispatch). */
function scan(lines: readonly string[], from: SearchState): SearchStep {
  const s = { ...from, isFailed: false };
  let isFound = false;
  for (;;) {
    if (s.query === '') {
      s.isFailed = true;
      break;
    }
    while (s.scanIndex >= 0) {
      if (s.scanLine.startsWith(s.query, s.scanIndex)) {
        isFound = true;
        break;
      }
      if (--s.scanIndex < 0) {
        s.scanIndex = 0;
        break;
      }
    }
    if (isFound) break;
    // Older lines, skipping copies of the line just found and lines shorter than the query.
    do {
      s.position--;
      if (s.position < 0) {
        s.isFailed = true;
        break;
      }
      s.scanLine = lines[s.position] ?? '';
    } while ((s.previousFound !== undefined && s.previousFound === s.scanLine) || s.query.length > s.scanLine.length);
    if (s.isFailed) break;
    s.scanIndex = s.scanLine.length - s.query.length;
  }
  if (s.isFailed) return { state: { ...s, position: s.lastFound }, bells: 1 };
  return { state: { ...s, previousFound: s.scanLine, line: s.scanLine, point: s.scanIndex, lastFound: s.position }, bells: 0 };
}

/**
 * Characters typed during the search: each extends the query and the scan resumes where it is.
 * @param lines history entries then the typed line
 * @param state the search
 * @param text the characters
 * @returns the new state and bells
 */
export function typeIntoSearch(lines: readonly string[], state: SearchState, text: string): SearchStep {
  let step: SearchStep = { state, bells: 0 };
  for (const ch of text) {
    const next = scan(lines, { ...step.state, query: step.state.query + ch });
    step = { state: next.state, bells: step.bells + next.bells };
  }
  return step;
}

/**
 * Ctrl-R again: one position further back; an empty query takes the previous search's.
 * @param lines history entries then the typed line
 * @param state the search
 * @param previousQuery the last finished search's query ('' if none)
 * @returns the new state and bells
 */
export function searchAgain(lines: readonly string[], state: SearchState, previousQuery: string): SearchStep {
  if (state.query === '') return previousQuery === '' ? { state, bells: 0 } : scan(lines, { ...state, query: previousQuery });
  return scan(lines, { ...state, scanIndex: state.scanIndex >= 0 ? state.scanIndex - 1 : state.scanIndex });
}

/**
 * Backspace: drops the query's last character and scans again from where the scan is (readline keeps
 * no stack of earlier positions), ringing the bell when the query becomes empty.
 * @param lines history entries then the typed line
 * @param state the search
 * @returns the new state and bells
 */
export function rubOutSearch(lines: readonly string[], state: SearchState): SearchStep {
  if (state.query === '') {
    const step = scan(lines, state);
    return { state: step.state, bells: step.bells + 1 };
  }
  const query = Array.from(state.query).slice(0, -1).join('');
  const step = scan(lines, { ...state, query });
  return { state: step.state, bells: step.bells + (query === '' ? 1 : 0) };
}

/**
 * Ctrl-W / Ctrl-Y during the search: append the word (letters and digits) or the rest of the shown line
 * after the matched text to the query.
 * @param lines history entries then the typed line
 * @param state the search
 * @param what 'word' or 'rest'
 * @returns the new state and bells
 */
export function yankIntoSearch(lines: readonly string[], state: SearchState, what: 'word' | 'rest'): SearchStep {
  const start = state.point + state.query.length;
  let end = state.line.length;
  if (what === 'word') {
    end = start;
    while (end < state.line.length && /[\p{L}\p{N}]/u.test(state.line[end]!)) end++;
  }
  const step = scan(lines, { ...state, query: state.query + state.line.slice(start, end) });
  return { state: step.state, bells: step.bells + (end === start ? 1 : 0) };
}

/**
 * Where the search leaves the editor when it ends (not aborted): on the last line found, the cursor at
 * the scan index, or as isearch.c's _rl_isearch_fini puts it when nothing was found.
 * @param lines history entries then the typed line
 * @param state the search
 * @returns the history index to show and the cursor
 */
export function finishSearch(lines: readonly string[], state: SearchState): { index: number; point: number } {
  const line = lines[state.lastFound] ?? '';
  const point = state.scanIndex >= 0 ? state.scanIndex : state.lastFound === state.startLine ? state.startPoint : line.length;
  return { index: state.lastFound, point: Math.min(point, line.length) };
}
