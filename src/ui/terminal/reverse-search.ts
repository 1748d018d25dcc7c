// readline's reverse incremental search (Ctrl-R) as a pure state: the query, the line it matched and
// where, and the prompt readline draws, `(reverse-i-search)`query': ` or `(failed reverse-i-search)…`.

/** The search in progress. `lines` is the history plus the line being typed, oldest first. */
export type SearchState = {
  query: string;
  /** The index in `lines` of the line shown, and the match's offset in it. */
  index: number;
  offset: number;
  isFailed: boolean;
  /** Where the search began, to search again after Backspace. */
  startIndex: number;
  startOffset: number;
};

/**
 * Starts a search from the line being shown.
 * @param index the line's index in the search lines
 * @param offset the cursor in it
 * @returns the initial state (empty query)
 * @example startSearch(3, 0).query // ''
 */
export function startSearch(index: number, offset: number): SearchState {
  return { query: '', index, offset, isFailed: false, startIndex: index, startOffset: offset };
}

/**
 * The prompt readline draws during the search.
 * @param state the search
 * @returns the prompt text
 * @example searchPrompt({ ...startSearch(0, 0), query: 'ssh' }) // "(reverse-i-search)`ssh': "
 */
export function searchPrompt(state: SearchState): string {
  return `(${state.isFailed ? 'failed ' : ''}reverse-i-search)\`${state.query}': `;
}

function findBackward(lines: readonly string[], query: string, index: number, offset: number, skip?: string): [number, number] | undefined {
  for (let i = index; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (i !== index && skip !== undefined && line === skip) continue;
    const at = i === index ? (offset < 0 ? -1 : line.lastIndexOf(query, offset)) : line.lastIndexOf(query);
    if (at >= 0) return [i, at];
  }
  return undefined;
}

/**
 * Searches again with a new query (a character typed or erased), from the current match, or from
 * the start after Backspace.
 * @param lines history entries then the typed line
 * @param state the search
 * @param query the new query
 * @returns the new state; on failure the last match stays shown
 */
export function searchFor(lines: readonly string[], state: SearchState, query: string): SearchState {
  const isShorter = query.length < state.query.length;
  const [index, offset] = isShorter ? [state.startIndex, state.startOffset] : [state.index, state.offset];
  if (query === '') return { ...state, query, index, offset, isFailed: false };
  const found = findBackward(lines, query, index, offset);
  return found === undefined ? { ...state, query, isFailed: true } : { ...state, query, index: found[0], offset: found[1], isFailed: false };
}

/**
 * Ctrl-R again: the next older match (an earlier one in the same line first), skipping lines equal
 * to the one shown, as readline does. An empty query reuses the previous search's.
 * @param lines history entries then the typed line
 * @param state the search
 * @param previousQuery the last search's query
 * @returns the new state
 */
export function searchOlder(lines: readonly string[], state: SearchState, previousQuery: string): SearchState {
  if (state.query === '') return previousQuery === '' ? state : searchFor(lines, state, previousQuery);
  const found = findBackward(lines, state.query, state.index, state.offset - 1, lines[state.index]);
  return found === undefined ? { ...state, isFailed: true } : { ...state, index: found[0], offset: found[1], isFailed: false };
}
