// Records what real bash (with readline, in a pty) writes for key sequences, into terminal-bash-screens.json,
// the ground truth terminal-bash.test.ts replays the line editor against. Needs bash and python3 (for the
// pty); run by hand: node tests/ui/terminal-bash-record.ts. The test itself needs neither.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One recorded session: keys typed after the setup, the terminal width, and bash's bytes. */
export type BashRecording = { name: string; keys: string[]; columns: number; bytes: string };

/** The files present in the working directory, for filename completion (a trailing / marks a directory). */
export const FILES = [
  'aa-enforce', 'aa-exec', 'aa-status', 'apparmor.d/', 'host.conf', 'hostname', 'hosts',
  ...['a', 'bb', 'ccc', 'dddd', 'eeeee', 'f', 'gg', 'hhhhhhhhh', 'i', 'jj', 'kkkkk'].map((s) => `zfile-${s}`),
  ...Array.from({ length: 120 }, (_, i) => `many-${String(i).padStart(3, '0')}`),
];

/** The first history entry, typed before every case to reach a clean screen. */
export const SETUP = 'cd "$WORKDIR"; clear';

const L = '\x1b[D';
const R = '\x1b[C';
const CASES: [string, string[], number][] = [
  ['editing a line wrapped over three rows', ['abcdefghijklmnopqrstuvwxyz0123', '\x01', 'XY', R + R, '\x17', '\x05', '\x7f\x7f'], 12],
  ['reverse search for a letter', ['echo one\r', 'echo two\r', 'echo three\r', '\x12', 'o'], 80],
  ['reverse search again', ['echo one\r', 'echo two\r', 'echo three\r', '\x12', 't', '\x12'], 80],
  ['a failing reverse search', ['echo one\r', 'echo two\r', '\x12', 'zz'], 80],
  ['an arrow ends the search and moves', ['echo one\r', 'echo two\r', '\x12', 'one', L], 80],
  ['Enter runs the found line', ['echo one\r', 'echo two\r', '\x12', 'one', '\r'], 80],
  ['Backspace after a failed search', ['echo one\r', 'echo two\r', '\x12', 'onex', '\x7f', '\x7f'], 80],
  ['Backspace to an empty query', ['echo one\r', 'echo two\r', '\x12', 'o', '\x12', '\x7f'], 80],
  ['Backspace after Ctrl-R', ['echo one\r', 'echo two\r', '\x12', 'ech', '\x12', '\x7f'], 80],
  ['Backspace resumes where a failed scan stopped', ['echo one\r', 'echo two\r', '\x12', 'tw', '\x12', '\x7f'], 80],
  ['Escape after a failed search', ['echo one\r', 'echo two\r', '\x12', 'twx', '\x1b', 'X'], 80],
  ['Ctrl-W in the search', ['echo one\r', 'echo two\r', '\x12', 'e', '\x17'], 80],
  ['Ctrl-Y in the search', ['echo one\r', 'echo two\r', '\x12', 'e', '\x19'], 80],
  ['the search skips a duplicate of the line found', ['echo one\r', 'echo two\r', 'echo one\r', '\x12', 'one', '\x12'], 80],
  ['Ctrl-R until the history runs out', ['echo one\r', 'echo two\r', '\x12', 'o', '\x12', '\x12', '\x12', '\x12'], 80],
  ['Ctrl-G aborts the search', ['echo one\r', 'echo two\r', '\x12', 'zzz', '\x07'], 80],
  ['searching from a recalled line, then down', ['echo one\r', 'ech', '\x1b[A', '\x12', 'e', '\x1b', '\x1b[B'], 80],
  ['Ctrl-R Ctrl-R reuses the last search', ['echo one\r', 'echo two\r', '\x12', 'one', '\x1b', '\x12', '\x12'], 80],
  ['a search prompt wrapping on a narrow screen', ['echo one two three four five\r', '\x12', 'four'], 20],
  ['completing a common prefix', ['cat ho\t'], 80],
  ['a second Tab after a completed prefix rings', ['cat ho\t', '\t'], 80],
  ['a third Tab lists', ['cat ho\t', '\t', '\t'], 80],
  ['completing a directory', ['cat app\t'], 80],
  ['listing down columns at 40', ['ls zf\t', '\t', '\t'], 40],
  ['listing at 80', ['ls zf\t', '\t', '\t'], 80],
  ['listing when a row is exactly as wide as the screen', ['ls zf\t', '\t', '\t'], 36],
  ['listing on a screen narrower than the names', ['ls zf\t', '\t', '\t'], 10],
  ['asking before listing 120 names, answered no', ['ls many\t', '\t', '\t', 'n'], 80],
  ['asking before listing 120 names, answered yes', ['ls many\t', '\t', '\t', 'y'], 80],
  ['Ctrl-C on a continuation line', ['for x in a b; do\r', 'echo $x\r', '\x03'], 80],
  ['an edited history entry is kept while moving', ['echo one\r', 'echo two\r', '\x1b[A', '\x1b[A', 'X', '\x1b[B', '\x1b[A'], 80],
  ['wide characters wrapping', ['echo 中文字符测试\r', '\x1b[A', L + L + L, 'x'], 12],
  ['Ctrl-L', ['echo abc\r', 'ls\x0c'], 80],
  ['Ctrl-C mid-line on a narrow screen', ['echo abcdef', L + L, '\x03'], 8],
  ['Ctrl-T in the middle and again', ['abc def', L + L + L + L, '\x14', '\x14'], 80],
  ['Ctrl-T at the start', ['ab', '\x01', '\x14'], 80],
  ['Ctrl-T after the first character', ['abc', '\x01', R, '\x14'], 80],
  ['Ctrl-W then yank at the start', ['echo abc def', '\x17', '\x01', '\x19'], 80],
  ['Alt-Backspace twice', ['foo bar-baz qux', '\x1b\x7f', '\x1b\x7f'], 80],
  ['Alt-d twice', ['foo bar-baz qux', '\x01', '\x1bd', '\x1bd'], 80],
  ['Alt-b, Alt-f', ['foo bar-baz qux', '\x1bb', '\x1bb', 'X', '\x1bf', 'Y'], 80],
  ['Up past the oldest entry and back down', ['echo a\r', '\x1b[A', '\x1b[A', '\x1b[A', '\x1b[B', '\x1b[B', '\x1b[B'], 80],
  ['Left and Right at the ends', ['a', L, L, R, R], 80],
  ['Ctrl-D deletes under the cursor', ['echo xyz', L, '\x04', '\x04', '\x04'], 80],
  ['Home, Delete, End, Backspace on a wrapped line', ['echo 1234567890123456789012345678901234567890', '\x1b[H', '\x1b[3~', '\x1b[F', '\x7f'], 16],
  ['Ctrl-K from the start of a wrapped line', ['abcdefghijklmnop\x01\x0b'], 10],
  ['yank twice on a tiny screen', ['ls', '\x15', '\x19\x19'], 5],
  ['Enter with the cursor on the first row of a wrapped line', ['echo abcdefghijklmnopqrstuvwxyz', '\x01', '\r'], 12],
  ['Ctrl-C at the start of a wrapped line', ['echo abcdefghijklmnopqrstuvwxyz', '\x01', '\x03'], 12],
  ['Ctrl-D on an empty line', ['\x04'], 80],
  ['history keeps repeats (no HISTCONTROL)', ['echo a\r', 'echo a\r', '\x1b[A', '\x1b[A'], 80],
  ['history keeps a line of blanks', ['   \r', '\x1b[A'], 80],
  ['consecutive Ctrl-W kills yank back together', ['echo one two', '\x17', '\x17', '\x19'], 80],
  ['consecutive Alt-d kills yank back together', ['echo one two', '\x01', '\x1bd', '\x1bd', '\x19'], 80],
  ['a move between kills starts a new kill', ['echo one two', '\x17', L, '\x17', '\x19'], 80],
  ['Ctrl-K then Ctrl-U yank back together', ['echo one two', L + L, '\x0b', '\x15', '\x19'], 80],
  ['Meta-. inserts the last word of the previous command', ['echo x y\r', 'cat \x1b.'], 80],
  ['Meta-. again goes further back', ['echo a b\r', 'echo x y\r', 'cat \x1b.', '\x1b.', '\x1b.'], 80],
  ['pasted lines run one after another', ['echo a\recho b\recho c\r'], 80],
  ['Ctrl-C during a search', ['echo one\r', '\x12', 'one', '\x03', '\x1b[A'], 80],
  ['Tab in the middle of a word', ['cat hosXX', L + L, '\t'], 80],
  ['a unique completion before a space steps over it', ['cat hostn x', L + L, '\t', 'Z'], 80],
];

const PTY = String.raw`
import os, pty, sys, time, select, json, fcntl, termios, struct
keys, cols, workdir, inputrc = json.loads(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
pid, fd = pty.fork()
if pid == 0:
    os.environ.update({'TERM': 'xterm-256color', 'PS1': '$ ', 'PS2': '> ', 'HOME': workdir, 'INPUTRC': inputrc,
                       'HISTFILE': '/dev/null', 'WORKDIR': workdir, 'LANG': 'C.UTF-8', 'LC_ALL': 'C.UTF-8'})
    os.execvp('bash', ['bash', '--norc', '--noprofile', '-i'])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, cols, 0, 0))
out = b''
def drain(t):
    global out
    end = time.time() + t
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try: out += os.read(fd, 65536)
            except OSError: return
drain(0.5)
for k in keys:
    os.write(fd, k.encode()); drain(0.25)
os.kill(pid, 9)
sys.stdout.write(json.dumps(out.decode('utf-8', 'replace')))
`;

function record(workdir: string, inputrc: string, keys: string[], columns: number): string {
  const raw: string = JSON.parse(execFileSync('python3', ['-c', PTY, JSON.stringify([SETUP + '\r', ...keys]), String(columns), workdir, inputrc], { encoding: 'utf8' }));
  // Keep what follows `clear` (its last sequence is E3, erase scrollback).
  return raw.slice(raw.lastIndexOf('\x1b[3J') + 4);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const workdir = mkdtempSync(join(tmpdir(), 'aa-terminal-bash-'));
  for (const file of FILES) {
    if (file.endsWith('/')) mkdirSync(join(workdir, file));
    else writeFileSync(join(workdir, file), '');
  }
  // Bracketed paste off: xterm only brackets a paste when the application asks, and the editor never does.
  const inputrc = join(workdir, '.inputrc-aa');
  writeFileSync(inputrc, 'set enable-bracketed-paste off\n');
  const bashVersion = execFileSync('bash', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const recordings: BashRecording[] = CASES.map(([name, keys, columns]) => ({ name, keys, columns, bytes: record(workdir, inputrc, keys, columns) }));
  rmSync(workdir, { recursive: true });
  const out = new URL('./terminal-bash-screens.json', import.meta.url);
  // DEL is legal raw in JSON but invisible in a diff.
  writeFileSync(out, JSON.stringify({ bash: bashVersion, prompt: '$ ', recordings }, null, 1).replaceAll('\x7f', '\\u007f') + '\n');
  console.log(`${recordings.length} recordings from ${bashVersion}`);
}
