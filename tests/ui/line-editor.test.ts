// The pure line editor: key sequences → buffer, cursor, bytes and actions, as bash's readline behaves.
// Screen checks feed the bytes to a real xterm.js (headless) and compare with what plain text would show.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineEditor, type EditorOutput, type LineEditorOptions } from '../../src/ui/terminal/line-editor.ts';
import { layout } from '../../src/ui/terminal/screen-layout.ts';
import { ScreenOracle } from './terminal-screen.ts';

const PROMPTS = { prompt: '$ ', continuationPrompt: '> ' };

function createEditor(options: Partial<LineEditorOptions> = {}): { editor: LineEditor; first: EditorOutput } {
  const editor = new LineEditor({ isComplete: () => true, complete: (_line, cursor) => ({ replaceFrom: cursor, candidates: [] }), ...options });
  return { editor, first: editor.start(PROMPTS) };
}

function typed(keys: readonly string[], options: Partial<LineEditorOptions> = {}): LineEditor {
  const { editor } = createEditor(options);
  for (const key of keys) editor.feed(key);
  return editor;
}

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
const HOME = '\x1b[H';
const END = '\x1b[F';
const DELETE = '\x1b[3~';

async function screenOf(writes: readonly string[], columns = 80): Promise<string[]> {
  const screen = new ScreenOracle(columns, 40);
  for (const data of writes) await screen.write(data);
  const rows = screen.text();
  screen.dispose();
  return rows;
}

describe('editing keys', () => {
  const cases: [string, string[], string, number][] = [
    ['inserts printable text at the cursor', ['echo hi'], 'echo hi', 7],
    ['moves left and inserts in the middle', ['abc', LEFT, LEFT, 'X'], 'aXbc', 2],
    ['Ctrl-A and Ctrl-E go to the start and end', ['echo hi', '\x01'], 'echo hi', 0],
    ['Home then End return to the end', ['echo hi', HOME, END], 'echo hi', 7],
    ['vt220 Home (ESC [1~) and application-mode arrows (ESC O D) work too', ['abc', '\x1b[1~', '\x1bOC'], 'abc', 1],
    ['Backspace (DEL) deletes before the cursor', ['abc', '\x7f'], 'ab', 2],
    ['Ctrl-H deletes before the cursor like Backspace', ['abc', '\x08'], 'ab', 2],
    ['Delete removes the character under the cursor', ['abc', HOME, DELETE], 'bc', 0],
    ['Ctrl-D on a non-empty line deletes under the cursor', ['abc', HOME, '\x04'], 'bc', 0],
    ['Ctrl-U kills from the cursor back to the start', ['cat /etc/hosts', LEFT, LEFT, '\x15'], 'ts', 0],
    ['Ctrl-K kills from the cursor to the end', ['cat /etc/hosts', '\x01', RIGHT, RIGHT, RIGHT, '\x0b'], 'cat', 3],
    ['Ctrl-W kills back to whitespace, taking the whole path', ['cat /etc/hosts', '\x17'], 'cat ', 4],
    ['Ctrl-W skips trailing blanks first', ['cat /etc/hosts  ', '\x17'], 'cat ', 4],
    ['Alt-Backspace kills only the last alphanumeric word', ['cat /etc/hosts', '\x1b\x7f'], 'cat /etc/', 9],
    ['Ctrl-Y yanks the last kill', ['cat /etc/hosts', '\x17', '\x05', '\x19', ' ', '\x19'], 'cat /etc/hosts /etc/hosts', 25],
    ['Alt-b and Alt-f move by words', ['ls /etc/apparmor.d', '\x1bb', '\x1bb'], 'ls /etc/apparmor.d', 8],
    ['Ctrl-Left and Ctrl-Right move by words', ['ls /etc/apparmor.d', '\x01', '\x1b[1;5C', '\x1b[1;5C'], 'ls /etc/apparmor.d', 7],
    ['Alt-d kills the next word', ['ls /etc/apparmor.d', '\x01', '\x1bd'], ' /etc/apparmor.d', 0],
    ['Ctrl-T at the end swaps the last two characters', ['sl', '\x14'], 'ls', 2],
    ['Ctrl-T in the middle swaps around the cursor and moves on', ['abc', LEFT, '\x14'], 'acb', 3],
    ['Ctrl-B and Ctrl-F move by one character', ['abc', '\x02', '\x02', '\x06'], 'abc', 2],
    ['moves over a wide character as one', ['a中b', LEFT, LEFT], 'a中b', 1],
    ['moves over a surrogate pair as one', ['a𝔸b', LEFT, LEFT, '\x7f'], '𝔸b', 0],
    ['moves over a combining mark with its base', ['ae\u0301x', LEFT, LEFT], 'ae\u0301x', 1],
    ['swallows unknown escape sequences (F5, Insert, Page Up)', ['a', '\x1b[15~', '\x1b[2~', '\x1b[5~', '\x1bOP', 'b'], 'ab', 2],
    ['ignores other control characters', ['a', '\x00\x1c\x1d', 'b'], 'ab', 2],
    ['takes several keys in one chunk', ['abc\x1b[D\x1b[DX'], 'aXbc', 2],
  ];
  it.each(cases)('%s', (_name, keys, text, cursor) => {
    const editor = typed(keys);
    expect(editor.text).toBe(text);
    expect(editor.cursor).toBe(cursor);
  });
});

describe('bytes written', () => {
  const cases: [string, string[], string][] = [
    ['typing at the end echoes the characters', ['ls'], 'ls'],
    ['Left moves the cursor back one cell', ['ls', LEFT], 'ls\x1b[D'],
    ['inserting in the middle rewrites the tail and steps back', ['ls', LEFT, 'X'], 'ls\x1b[D\x1b[JXs\x1b[D'],
    ['Backspace at the end steps back and erases', ['ls', '\x7f'], 'ls\x1b[D\x1b[J'],
    ['Backspace at the start rings the bell', ['\x7f'], '\x07'],
    ['Left at the start rings the bell', [LEFT], '\x07'],
    ['Ctrl-A on one row is a move to the prompt end', ['ls -l', '\x01'], 'ls -l\x1b[5D'],
    ['Ctrl-L clears the screen and redraws prompt and line', ['ls', '\x0c'], 'ls\x1b[H\x1b[2J$ ls'],
    ['Ctrl-C prints ^C where the cursor is and a fresh prompt below', ['ls', LEFT, '\x03'], 'ls\x1b[D^C\r\n$ '],
    ['a wide character takes two cells', ['中', LEFT], '中\x1b[2D'],
  ];
  it.each(cases)('%s', (_name, keys, bytes) => {
    const { editor } = createEditor();
    expect(keys.map((k) => editor.feed(k).write).join('')).toBe(bytes);
  });

  it('draws the prompt when a line starts', () => {
    expect(createEditor().first).toEqual({ write: '$ ', actions: [] });
  });

  it('Enter leaves the line with CRLF and submits it, then waits', () => {
    const { editor } = createEditor();
    expect(editor.feed('echo hi\r')).toEqual({ write: 'echo hi\r\n', actions: [{ kind: 'submit', text: 'echo hi' }] });
    expect(editor.isWaiting).toBe(true);
    expect(editor.feed('ls')).toEqual({ write: '', actions: [] });
    expect(editor.start(PROMPTS)).toEqual({ write: '$ ls', actions: [] });
  });

  it('Enter with the cursor mid-line goes below the whole wrapped line first', () => {
    const { editor } = createEditor({ columns: 10 });
    editor.feed('abcdefghijkl');
    editor.feed('\x01');
    expect(editor.feed('\r').write).toBe('\x1b[B\r\n');
  });

  it('Ctrl-C reports an interrupt, forgets continuation lines and keeps the prompt', () => {
    const { editor } = createEditor({ isComplete: (t) => !t.endsWith('do') });
    editor.feed('for x in a; do\r');
    const out = editor.feed('echo\x03');
    expect(out.actions).toEqual([{ kind: 'interrupt' }]);
    expect(out.write).toBe('echo^C\r\n$ ');
    expect(editor.feed('ls\r').actions).toEqual([{ kind: 'submit', text: 'ls' }]);
  });

  it('Ctrl-D on an empty line is end of file; Ctrl-C while waiting drops typeahead', () => {
    const { editor } = createEditor();
    expect(editor.feed('\x04')).toEqual({ write: '', actions: [{ kind: 'eof' }] });
    expect(editor.feed('rm -rf x\x03ls').write).toBe('^C');
    expect(editor.start(PROMPTS).write).toBe('$ ls');
  });

  it('a blank line gives a new prompt without submitting', () => {
    const { editor } = createEditor();
    expect(editor.feed('   \r')).toEqual({ write: '   \r\n$ ', actions: [] });
  });

  it('starts the prompt where the previous output left the cursor', () => {
    const editor = new LineEditor({ isComplete: () => true, complete: () => ({ replaceFrom: 0, candidates: [] }), columns: 10 });
    editor.start(PROMPTS, 7);
    expect(editor.feed('abc\x01').write).toBe('abc\x1b[A\r\x1b[9C');
  });
});

describe('wrapping over several rows (xterm.js as the screen)', () => {
  async function check(columns: number, keys: string[], history: string[] = []): Promise<void> {
    const { editor, first } = createEditor({ columns, history });
    const live = new ScreenOracle(columns, 40);
    const plain = new ScreenOracle(columns, 40);
    await live.write(first.write);
    for (const key of keys) await live.write(editor.feed(key).write);
    await plain.write('$ ' + editor.text);
    const seen = live.screen();
    const expected = plain.screen();
    expect(seen.rows).toEqual(expected.rows.map((row, i) => (row === '' && seen.rows[i] === '' ? '' : row)));
    const lastRow = expected.rows.findLastIndex((row) => row !== '');
    expect(seen.isWrapped.slice(0, lastRow + 1)).toEqual(expected.isWrapped.slice(0, lastRow + 1));
    const at = layout('$ ' + editor.text, 0, columns).at[2 + editor.cursor]!;
    expect(seen.cursor).toEqual({ x: at.col, y: at.row });
    live.dispose();
    plain.dispose();
  }

  it('fills a row exactly and keeps the cursor on the next row', () => check(10, ['abcdefgh']));
  it('moves left across a wrap boundary', () => check(10, ['abcdefghij', LEFT, LEFT, LEFT]));
  it('inserts at the start of a three-row line', () => check(10, ['abcdefghijklmnopqrstu', '\x01', 'XY']));
  it('deletes at a row start without losing the wrap', () => check(10, ['abcdefghijklmn', LEFT, LEFT, LEFT, LEFT, '\x7f']));
  it('wraps a wide character that does not fit in the last column', () => check(10, ['abcdefg中文', LEFT]));
  it('recalls a long history entry over a short one', () => check(10, [UP, UP, DOWN], ['short', 'a much longer command line here']));
  it('shortens a wrapped line with Ctrl-U', () => check(10, ['abcdefghijklmnopqrstuvwxyz', LEFT, LEFT, '\x15']));

  const key = fc.constantFrom('a', 'bc', ' ', '中', '/', LEFT, RIGHT, HOME, END, '\x7f', DELETE, '\x17', '\x15', '\x0b', '\x19', '\x14', '\x1bb', '\x1bf', UP, DOWN);
  it('shows exactly prompt and buffer after any editing sequence, cursor included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: 13 }), fc.array(key, { maxLength: 40 }), (columns, keys) =>
        check(columns, keys, ['echo first', 'cat /etc/apparmor.d/usr.bin.man'])),
      { numRuns: 150 },
    );
  });
});

describe('kill ring and Meta-.', () => {
  it('joins consecutive backward kills into one yank', () => {
    expect(typed(['echo one two', '\x17', '\x17', '\x19']).text).toBe('echo one two');
  });

  it('joins consecutive forward kills into one yank', () => {
    expect(typed(['echo one two', '\x01', '\x1bd', '\x1bd', '\x19']).text).toBe('echo one two');
  });

  it('starts a new kill after any other key', () => {
    expect(typed(['echo one two', '\x17', LEFT, '\x17', '\x19']).text).toBe('echo one ');
  });

  it("Meta-. inserts the previous command's last word, and again replaces it with an older one", () => {
    const editor = typed(['cat ', '\x1b.'], { history: ['cd /tmp/work; ls "my dir"', 'ls /etc/hosts'] });
    expect(editor.text).toBe('cat /etc/hosts');
    editor.feed('\x1b.');
    expect(editor.text).toBe('cat "my dir"');
    expect(editor.feed('\x1b.').write).toContain('\x07');
  });
});

describe('history', () => {
  it('walks older and newer entries and puts the cursor at the end', () => {
    const editor = typed([UP], { history: ['one', 'two'] });
    expect([editor.text, editor.cursor]).toEqual(['two', 3]);
    editor.feed(UP);
    expect(editor.text).toBe('one');
    editor.feed(DOWN);
    expect(editor.text).toBe('two');
  });

  it('keeps the line being typed when coming back down', () => {
    const editor = typed(['half-typed', UP, UP, DOWN, DOWN], { history: ['one', 'two'] });
    expect(editor.text).toBe('half-typed');
  });

  it('keeps edits to a recalled entry while moving, and drops them once a line is accepted', () => {
    const editor = typed([UP, '!', UP, DOWN], { history: ['one', 'two'] });
    expect(editor.text).toBe('two!');
    editor.feed('\r');
    editor.start(PROMPTS);
    expect(editor.history).toEqual(['one', 'two', 'two!']);
    editor.feed(UP + UP);
    expect(editor.text).toBe('two');
  });

  it('rings the bell above the oldest entry; Ctrl-P and Ctrl-N walk like the arrows', () => {
    const { editor } = createEditor({ history: ['only'] });
    expect(editor.feed('\x10').write).toBe('only');
    expect(editor.feed('\x10').write).toBe('\x07');
    editor.feed('\x0e');
    expect(editor.text).toBe('');
  });

  it('stores every non-empty line, repeats and blanks included, as bash without HISTCONTROL (Debian root)', () => {
    const { editor } = createEditor();
    for (const line of ['ls', 'ls', '', '  ', ' pwd']) {
      editor.feed(line + '\r');
      editor.start(PROMPTS);
    }
    expect(editor.history).toEqual(['ls', 'ls', '  ', ' pwd']);
  });

  it('leaves out repeats and blank-led lines with HISTCONTROL=ignoreboth', () => {
    const { editor } = createEditor({ historyControl: 'ignoreboth' });
    for (const line of ['ls', 'ls', ' pwd', 'id']) {
      editor.feed(line + '\r');
      editor.start(PROMPTS);
    }
    expect(editor.history).toEqual(['ls', 'id']);
  });

  it('stores a multi-line loop as one entry joined as bash does, a here-doc with its newlines', () => {
    const { editor } = createEditor({ isComplete: (t) => /done$|^EOF$/m.test(t) || !/do$|<</m.test(t) });
    editor.feed('for n in a b; do\recho $n\rdone\r');
    editor.start(PROMPTS);
    editor.feed("cat <<'EOF'\rx\rEOF\r");
    expect(editor.history).toEqual(['for n in a b; do echo $n; done', "cat <<'EOF'\nx\nEOF"]);
  });
});

describe('reverse-i-search (Ctrl-R)', () => {
  const history = ['kubectl get pods', 'apparmor_parser -r /etc/apparmor.d/k8s-deny-write', 'ssh node-1 cat /sys/kernel/security/apparmor/profiles', 'ls'];

  it("draws readline's prompt with the query and the matching line", async () => {
    const { editor } = createEditor({ history });
    const search = editor.feed('\x12').write;
    expect(search).toBe("\x1b[2D\x1b[J(reverse-i-search)`': ");
    expect(await screenOf(['$ ', search, editor.feed('app').write])).toEqual(["(reverse-i-search)`app': ssh node-1 cat /sys/kernel/security/apparmor/profiles"]);
    expect(editor.cursor).toBe(history[2]!.lastIndexOf('app'));
  });

  it('Ctrl-R again finds the next older match, skipping to earlier entries', () => {
    const editor = typed(['\x12', 'app', '\x12'], { history });
    expect(editor.text).toBe(history[1]);
    expect(editor.cursor).toBe(history[1]!.lastIndexOf('app'));
    editor.feed('\x12');
    expect(editor.text).toBe(history[1]);
    expect(editor.cursor).toBe(history[1]!.indexOf('app'));
  });

  it('shows a failed search with the bell and keeps the last match', async () => {
    const { editor, first } = createEditor({ history });
    const before = editor.feed('\x12kube').write;
    const out = editor.feed('x');
    expect(await screenOf([first.write, before, out.write])).toEqual(["(failed reverse-i-search)`kubex': kubectl get pods"]);
    expect(out.write).toContain('\x07');
    expect(editor.text).toBe('kubectl get pods');
  });

  // The three Backspace cases below are what bash 5.2 shows for the same keys (readline keeps one scan
  // position, no stack, so Backspace never goes back to an earlier match).
  it('Backspace after a failure keeps the failure and the last match, as readline does', async () => {
    const { editor, first } = createEditor({ history: ['echo one', 'echo two'] });
    const writes = [first.write, ...['\x12', 'onex', '\x7f', '\x7f'].map((k) => editor.feed(k).write)];
    expect(await screenOf(writes)).toEqual(["(failed reverse-i-search)`on': echo one"]);
  });

  it('Backspace after Ctrl-R stays on the older match', async () => {
    const { editor, first } = createEditor({ history: ['echo one', 'echo two'] });
    const writes = [first.write, ...['\x12', 'ech', '\x12', '\x7f'].map((k) => editor.feed(k).write)];
    expect(await screenOf(writes)).toEqual(["(reverse-i-search)`ec': echo one"]);
    expect(editor.cursor).toBe(0);
  });

  it('Backspace to an empty query rings twice and shows a failed search', () => {
    const { editor } = createEditor({ history: ['echo one', 'echo two'] });
    editor.feed('\x12o\x12');
    expect(editor.feed('\x7f').write).toContain('\x07\x07');
    expect(editor.text).toBe('echo two');
  });

  it('Ctrl-W and Ctrl-Y copy the next word or the rest of the line into the query', async () => {
    const { editor, first } = createEditor({ history: ['echo one', 'echo two'] });
    const writes = [first.write, ...['\x12', 'e', '\x17'].map((k) => editor.feed(k).write)];
    expect(await screenOf(writes)).toEqual(["(reverse-i-search)`echo': echo two"]);
    editor.feed('\x19');
    expect(editor.feed('\x1b').write).toContain('$ echo two');
  });

  it('Escape after a failed search leaves the cursor where the scan gave up', () => {
    const editor = typed(['\x12', 'twx', '\x1b'], { history: ['echo one', 'echo two'] });
    expect([editor.text, editor.cursor]).toEqual(['echo two', 0]);
  });

  it('Enter runs the found line with the normal prompt back', async () => {
    const { editor, first } = createEditor({ history });
    const search = editor.feed('\x12get').write;
    const out = editor.feed('\r');
    expect(out.actions).toEqual([{ kind: 'submit', text: 'kubectl get pods' }]);
    expect(await screenOf([first.write, search, out.write])).toEqual(['$ kubectl get pods']);
  });

  it('an arrow ends the search keeping the line and then moves; Escape only ends it', () => {
    const editor = typed(['\x12', 'get', LEFT], { history });
    expect([editor.text, editor.cursor]).toEqual(['kubectl get pods', 7]);
    const other = typed(['\x12', 'get', '\x1b', 'X'], { history });
    expect(other.text).toBe('kubectl Xget pods');
  });

  it('Ctrl-G aborts and restores the line typed before', () => {
    const editor = typed(['typed', '\x12', 'get', '\x07'], { history });
    expect([editor.text, editor.cursor]).toEqual(['typed', 5]);
  });

  it('Ctrl-C stamps ^C on the search line as drawn and starts a fresh prompt', async () => {
    const { editor, first } = createEditor({ history: ['echo one'] });
    const writes = [first.write, editor.feed('\x12one').write];
    const out = editor.feed('\x03');
    expect(out.actions).toEqual([{ kind: 'interrupt' }]);
    expect(await screenOf([...writes, out.write])).toEqual(["(reverse-i-search)`one': echo ^Ce", '$']);
  });

  it('Up after an accepted search continues from the found entry', () => {
    const editor = typed(['\x12', 'ssh', '\x1b', UP], { history });
    expect(editor.text).toBe(history[1]);
  });

  it('an empty query with Ctrl-R reuses the previous search', () => {
    const editor = typed(['\x12', 'get', '\r'], { history });
    editor.start(PROMPTS);
    editor.feed('\x12\x12');
    expect(editor.text).toBe('kubectl get pods');
    expect(editor.history.at(-1)).toBe('kubectl get pods');
  });
});

describe('tab completion', () => {
  const commands = ['apparmor_parser', 'apparmor_status', 'aa-status', 'aa-exec', 'aa-enforce'];
  const complete = (line: string, cursor: number): { replaceFrom: number; candidates: string[] } => {
    const from = line.lastIndexOf(' ', cursor - 1) + 1;
    const word = line.slice(from, cursor);
    const pool = from === 0 ? commands : ['/etc/apparmor.d/', '/etc/hosts', '/etc/hostname'];
    return { replaceFrom: from, candidates: pool.filter((c) => c.startsWith(word)) };
  };

  it('inserts the only candidate and a space', () => {
    const editor = typed(['aa-ex\t'], { complete });
    expect([editor.text, editor.cursor]).toEqual(['aa-exec ', 8]);
  });

  it('inserts a directory without a space', () => {
    expect(typed(['ls /etc/app\t'], { complete }).text).toBe('ls /etc/apparmor.d/');
  });

  it('inserts the common prefix of several candidates and rings the bell', () => {
    const { editor } = createEditor({ complete });
    const out = editor.feed('appa\t');
    expect(editor.text).toBe('apparmor_');
    expect(out.write).toBe('appa' + 'rmor_' + '\x07');
    expect(out.actions).toEqual([{ kind: 'complete', replaceFrom: 0, candidates: ['apparmor_parser', 'apparmor_status'] }]);
  });

  it('lists the candidates on the second Tab when the first changed nothing, then redraws the line', () => {
    const { editor } = createEditor({ complete, columns: 40 });
    editor.feed('aa-');
    expect(editor.feed('\t').write).toBe('\x07');
    expect(editor.feed('\t').write).toBe('\r\naa-enforce  aa-exec     aa-status\r\n$ aa-');
  });

  it('needs a further Tab to list after the first Tab completed a common prefix', () => {
    const { editor } = createEditor({ complete });
    editor.feed('appa\t');
    expect(editor.feed('\t').write).toBe('\x07');
    expect(editor.feed('\t').write).toContain('apparmor_parser  apparmor_status');
  });

  it('lists path candidates by their last component; a row exactly as wide as the screen loses a column', () => {
    const { editor } = createEditor({ complete, columns: 30 });
    editor.feed('cat /etc/h\t');
    expect(editor.text).toBe('cat /etc/host');
    editor.feed('\t');
    expect(editor.feed('\t').write).toBe('\r\nhostname  hosts\r\n$ cat /etc/host');
  });

  it('rings the bell when nothing matches', () => {
    const { editor } = createEditor({ complete });
    expect(editor.feed('zz\t').write).toBe('zz\x07');
  });

  it('asks before listing 100 candidates or more', () => {
    const many = Array.from({ length: 120 }, (_, i) => `cmd${String(i).padStart(3, '0')}`);
    const { editor } = createEditor({ complete: () => ({ replaceFrom: 0, candidates: many }) });
    editor.feed('cmd\t');
    expect(editor.feed('\t').write).toBe('\r\nDisplay all 120 possibilities? (y or n)');
    expect(editor.feed('n').write).toBe('\r\n$ cmd');
    editor.feed('\t\t');
    const listing = editor.feed('y').write;
    expect(listing).toContain('cmd000');
    expect(listing).toContain('cmd119');
  });

  it('survives a completer that throws or returns nonsense', () => {
    const editor = typed(['ls\t'], { complete: () => { throw new Error('boom'); } });
    expect(editor.text).toBe('ls');
    const odd = typed(['ls\t'], { complete: () => ({ replaceFrom: -5, candidates: [3 as unknown as string, 'x'] }) });
    expect(odd.text).toBe('x ');
  });
});

describe('continuation lines', () => {
  it('shows the continuation prompt until the input is complete, then submits it all', () => {
    const { editor } = createEditor({ isComplete: (t) => t.split('\n').at(-1) === 'EOF' || !t.includes('<<') });
    const out = editor.feed("cat <<'EOF'\rhello\rEOF\r");
    expect(out.write).toBe("cat <<'EOF'\r\n> hello\r\n> EOF\r\n");
    expect(out.actions).toEqual([{ kind: 'submit', text: "cat <<'EOF'\nhello\nEOF" }]);
  });

  it('Ctrl-D on an empty continuation line runs what was collected', () => {
    const { editor } = createEditor({ isComplete: (t) => !t.includes('<<') });
    editor.feed("cat <<'EOF'\rhello\r");
    expect(editor.feed('\x04').actions).toEqual([{ kind: 'submit', text: "cat <<'EOF'\nhello" }]);
  });

  it('treats an isComplete that throws as complete', () => {
    const editor = typed([], { isComplete: () => { throw new Error('x'); } });
    expect(editor.feed('ls\r').actions).toEqual([{ kind: 'submit', text: 'ls' }]);
  });
});
