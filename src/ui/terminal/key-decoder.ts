// Splits what xterm's onData delivers (typed or pasted text, control characters, escape sequences for
// arrows and editing keys) into keys for the line editor. Unknown sequences become 'unknown' keys and are
// swallowed whole, so they never leak into the buffer.
import { escapeEnd } from './screen-layout.ts';

/** Named keys that arrive as escape sequences. */
export type KeyName =
  | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'delete' | 'word-left' | 'word-right'
  | 'meta-d' | 'meta-backspace' | 'yank-last-arg' | 'escape' | 'unknown';

/** One decoded key: a run of printable text, one control character, or a named key. */
export type Key =
  | { kind: 'text'; text: string }
  | { kind: 'control'; char: string }
  | { kind: 'named'; name: KeyName };

// As xterm sends them: normal and application cursor mode, vt220 and xterm Home/End, and modifiers.
const SEQUENCES: Readonly<Record<string, KeyName>> = {
  '\x1b[A': 'up', '\x1b[B': 'down', '\x1b[C': 'right', '\x1b[D': 'left',
  '\x1bOA': 'up', '\x1bOB': 'down', '\x1bOC': 'right', '\x1bOD': 'left',
  '\x1b[H': 'home', '\x1b[F': 'end', '\x1bOH': 'home', '\x1bOF': 'end',
  '\x1b[1~': 'home', '\x1b[4~': 'end', '\x1b[7~': 'home', '\x1b[8~': 'end', '\x1b[3~': 'delete',
  '\x1b[1;5D': 'word-left', '\x1b[1;5C': 'word-right', '\x1b[1;3D': 'word-left', '\x1b[1;3C': 'word-right',
  '\x1bb': 'word-left', '\x1bf': 'word-right', '\x1bd': 'meta-d', '\x1b\x7f': 'meta-backspace',
  '\x1b\x08': 'meta-backspace', '\x1b.': 'yank-last-arg', '\x1b_': 'yank-last-arg',
};

// C0 controls, DEL and the C1 range: never inserted into the buffer.
function isControl(ch: string): boolean {
  return ch < ' ' || (ch >= '\x7f' && ch < '\xa0');
}

function sequenceEnd(data: string, i: number): number {
  if (data[i + 1] === 'O') return Math.min(i + 3, data.length);
  return escapeEnd(data, i);
}

/**
 * Decodes one onData chunk into keys, in order.
 * @param data what xterm delivered
 * @returns the keys; printable runs are merged into one text key
 * @example decodeKeys('ls\r') // [{ kind: 'text', text: 'ls' }, { kind: 'control', char: '\r' }]
 */
export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < data.length) {
    const ch = data[i]!;
    if (ch === '\x1b') {
      if (i + 1 === data.length) {
        keys.push({ kind: 'named', name: 'escape' });
        break;
      }
      const end = sequenceEnd(data, i);
      keys.push({ kind: 'named', name: SEQUENCES[data.slice(i, end)] ?? 'unknown' });
      i = end;
    } else if (isControl(ch)) {
      keys.push({ kind: 'control', char: ch });
      i++;
    } else {
      let j = i + 1;
      while (j < data.length && data[j] !== '\x1b' && !isControl(data[j]!)) j++;
      keys.push({ kind: 'text', text: data.slice(i, j) });
      i = j;
    }
  }
  return keys;
}
