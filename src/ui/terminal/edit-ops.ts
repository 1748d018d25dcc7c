// readline's editing commands as pure functions on the buffer and cursor: insert, delete, the kill
// commands (with the text they kill, for yank) and transpose-chars.
import { nextChar, previousChar, whitespaceWordStart, wordEnd, wordStart } from './text-motion.ts';

/** The buffer and the cursor's UTF-16 index in it. */
export type LineState = { text: string; cursor: number };

/** An edit's result; `killed` is set by kill commands, `isBell` when readline would ring the bell. */
export type EditResult = LineState & { killed?: string; isBell?: boolean };

/** The editing commands bound to keys. */
export type EditCommand =
  | 'backward-delete-char' | 'delete-char' | 'kill-line' | 'unix-line-discard' | 'unix-word-rubout'
  | 'backward-kill-word' | 'kill-word' | 'transpose-chars' | 'backward-char' | 'forward-char'
  | 'beginning-of-line' | 'end-of-line' | 'backward-word' | 'forward-word';

/**
 * Inserts text at the cursor.
 * @param state buffer and cursor
 * @param text what to insert
 * @returns the new state, cursor after the insertion
 * @example insertText({ text: 'ls', cursor: 1 }, 'x') // { text: 'lxs', cursor: 2 }
 */
export function insertText(state: LineState, text: string): LineState {
  return { text: state.text.slice(0, state.cursor) + text + state.text.slice(state.cursor), cursor: state.cursor + text.length };
}

function kill(state: LineState, from: number, to: number): EditResult {
  return { text: state.text.slice(0, from) + state.text.slice(to), cursor: from, killed: state.text.slice(from, to) };
}

function transpose({ text, cursor }: LineState): EditResult {
  // As readline's rl_transpose_chars: at the end of the line the two characters before the cursor swap.
  const at = cursor >= text.length ? previousChar(text, text.length) : cursor;
  const before = previousChar(text, at);
  if (at === 0 || before === at) return { text, cursor, isBell: true };
  const after = nextChar(text, at);
  return { text: text.slice(0, before) + text.slice(at, after) + text.slice(before, at) + text.slice(after), cursor: after };
}

/**
 * Applies one editing command.
 * @param state buffer and cursor
 * @param command the readline command name
 * @returns the new state
 * @example applyEdit({ text: 'cat /etc/hosts', cursor: 14 }, 'unix-word-rubout') // { text: 'cat ', cursor: 4, killed: '/etc/hosts' }
 */
export function applyEdit(state: LineState, command: EditCommand): EditResult {
  const { text, cursor } = state;
  const bell = { text, cursor, isBell: true };
  switch (command) {
    case 'backward-delete-char':
      return cursor === 0 ? bell : { text: text.slice(0, previousChar(text, cursor)) + text.slice(cursor), cursor: previousChar(text, cursor) };
    case 'delete-char':
      return cursor >= text.length ? bell : { text: text.slice(0, cursor) + text.slice(nextChar(text, cursor)), cursor };
    case 'kill-line':
      return kill(state, cursor, text.length);
    case 'unix-line-discard':
      return kill(state, 0, cursor);
    case 'unix-word-rubout':
      return cursor === 0 ? bell : kill(state, whitespaceWordStart(text, cursor), cursor);
    case 'backward-kill-word':
      return cursor === 0 ? bell : kill(state, wordStart(text, cursor), cursor);
    case 'kill-word':
      return kill(state, cursor, wordEnd(text, cursor));
    case 'transpose-chars':
      return transpose(state);
    case 'backward-char':
      return cursor === 0 ? bell : { text, cursor: previousChar(text, cursor) };
    case 'forward-char':
      return cursor >= text.length ? bell : { text, cursor: nextChar(text, cursor) };
    case 'beginning-of-line':
      return { text, cursor: 0 };
    case 'end-of-line':
      return { text, cursor: text.length };
    case 'backward-word':
      return { text, cursor: wordStart(text, cursor) };
    case 'forward-word':
      return { text, cursor: wordEnd(text, cursor) };
  }
}
