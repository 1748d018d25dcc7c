// The terminal session over a fake backend: pasted multi-line input (the tutorial's ssh/here-doc loop) runs
// chunk by chunk as bash would, output and prompts land where a real terminal puts them, and nothing the
// backend throws escapes. Completeness comes from the real shell parser, as in the product.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TerminalBackend, TerminalResult } from '../../src/ui/terminal/backend.ts';
import { createTerminalSession, toTerminal } from '../../src/ui/terminal/terminal-session.ts';
import { isComplete } from '../../src/sim/shell/parser.ts';
import { ScreenOracle } from './terminal-screen.ts';

const PROMPT = 'root@node-1:~# ';

type Fake = TerminalBackend & { runs: string[]; saved: string[][]; interrupts: number; exits: number };

function fakeBackend(answer: (text: string) => TerminalResult | Promise<TerminalResult> = () => ok(''), saved: string[] = []): Fake {
  const fake: Fake = {
    runs: [],
    saved: [],
    interrupts: 0,
    exits: 0,
    prompt: () => PROMPT,
    continuationPrompt: () => '> ',
    isComplete,
    run(text) {
      fake.runs.push(text);
      return answer(text);
    },
    complete: (_line, cursor) => ({ replaceFrom: cursor, candidates: [] }),
    interrupt: () => void fake.interrupts++,
    exit: () => void fake.exits++,
    history: { load: () => saved, save: (entries) => void fake.saved.push(entries) },
  };
  return fake;
}

function ok(stdout: string, stderr = ''): TerminalResult {
  return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
}

function start(backend: TerminalBackend, columns = 200): { bytes: string[]; session: ReturnType<typeof createTerminalSession> } {
  const bytes: string[] = [];
  const session = createTerminalSession(backend, { write: (data) => void bytes.push(data), columns });
  return { bytes, session };
}

async function screenOf(bytes: readonly string[], columns = 200): Promise<string[]> {
  const screen = new ScreenOracle(columns, 60);
  await screen.write(bytes.join(''));
  const rows = screen.text();
  screen.dispose();
  return rows;
}

/** The first `sh` fence of the hello-apparmor walk-through: the ssh + here-doc loop loading the profile. */
function tutorialLoop(): string {
  const page = readFileSync(fileURLToPath(new URL('../../content/docs/01-basics/03-hello-apparmor.md', import.meta.url)), 'utf8');
  const fence = /```sh\n([\s\S]*?)```/.exec(page);
  if (fence === null) throw new Error('the walk-through has no sh fence');
  return fence[1]!.replace(/\n$/, '');
}

/** What xterm's onData delivers for a paste: newlines become carriage returns. */
function pasted(text: string): string {
  return text.replace(/\r?\n/g, '\r') + '\r';
}

describe('pasting multi-line text', () => {
  it("runs the tutorial's ssh/here-doc loop whole: the NODES line, then the loop with its here-doc", async () => {
    const loop = tutorialLoop();
    const lines = loop.split('\n');
    expect(lines[0]).toMatch(/^NODES=\(/);
    const backend = fakeBackend();
    const { session } = start(backend);
    await session.input(pasted(loop));
    expect(backend.runs).toEqual([lines[0], lines.slice(1).join('\n')]);
    expect(backend.runs[1]).toContain("<<'EOF'\n#include <tunables/global>\n");
  });

  it('echoes the paste like bash: each line after its prompt, continuation lines after "> "', async () => {
    const loop = tutorialLoop();
    const lines = loop.split('\n');
    const backend = fakeBackend((text) => ok(text.startsWith('for') ? 'loaded on 3 nodes\n' : ''));
    const { session, bytes } = start(backend);
    await session.input(pasted(loop));
    expect(await screenOf(bytes)).toEqual([
      PROMPT + lines[0],
      PROMPT + lines[1],
      ...lines.slice(2).map((line) => `> ${line}`.trimEnd()),
      'loaded on 3 nodes',
      PROMPT.trimEnd(),
    ]);
  });

  it('runs the clean-up loop of the walk-through as one command', async () => {
    const cleanup = 'kubectl delete pod hello-apparmor hello-apparmor-2\nfor NODE in node-1 node-2 node-3; do\n  ssh "$NODE" \'echo "profile k8s-apparmor-example-deny-write {}" | sudo apparmor_parser -R\'\ndone';
    const backend = fakeBackend();
    await start(backend).session.input(pasted(cleanup));
    expect(backend.runs).toEqual([cleanup.split('\n')[0], cleanup.split('\n').slice(1).join('\n')]);
  });

  it('waits for an asynchronous run before going on with the rest of the paste', async () => {
    const order: string[] = [];
    const backend = fakeBackend(async (text) => {
      order.push(`start ${text}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(`end ${text}`);
      return ok(`${text}\n`);
    });
    const { session, bytes } = start(backend);
    await Promise.all([session.input('echo a\recho b\r'), session.input('echo c\r')]);
    expect(order).toEqual(['start echo a', 'end echo a', 'start echo b', 'end echo b', 'start echo c', 'end echo c']);
    expect(await screenOf(bytes)).toEqual([
      `${PROMPT}echo a`, 'echo a', `${PROMPT}echo b`, 'echo b', `${PROMPT}echo c`, 'echo c', PROMPT.trimEnd(),
    ]);
  });
});

describe('output and prompts', () => {
  it('converts output newlines to CRLF and prints stdout then stderr', async () => {
    const backend = fakeBackend(() => ok('one\ntwo\n', 'cat: x: No such file or directory\n'));
    const { session, bytes } = start(backend);
    await session.input('cat one x\r');
    expect(await screenOf(bytes)).toEqual([`${PROMPT}cat one x`, 'one', 'two', 'cat: x: No such file or directory', PROMPT.trimEnd()]);
    expect(toTerminal('a\nb\r\n')).toBe('a\r\nb\r\n');
  });

  it('prints interleaved output in write order when the result carries it', async () => {
    const backend = fakeBackend(() => ({ stdout: 'out1\nout2\n', stderr: 'err\n', exitCode: 1, output: [{ fd: 1, text: 'out1\n' }, { fd: 2, text: 'err\n' }, { fd: 1, text: 'out2\n' }] }));
    const { session, bytes } = start(backend);
    await session.input('x\r');
    expect((await screenOf(bytes)).slice(1, 4)).toEqual(['out1', 'err', 'out2']);
  });

  it('puts the prompt right after output that does not end with a newline, as bash does', async () => {
    const backend = fakeBackend(() => ok('abc'));
    const { session, bytes } = start(backend);
    await session.input('printf abc\rls');
    expect(await screenOf(bytes)).toEqual([`${PROMPT}printf abc`, `abc${PROMPT}ls`]);
  });

  it('edits correctly on a prompt that starts mid-row and wraps', async () => {
    const backend = fakeBackend(() => ok('x'.repeat(25)));
    const { session, bytes } = start(backend, 30);
    await session.input('p\rabcdefghij\x01Z');
    expect(await screenOf(bytes, 30)).toEqual([`${PROMPT}p`, `${'x'.repeat(25)}root@`, 'node-1:~# Zabcdefghij']);
  });

  it('starts the prompt on the next row when output fills the last column exactly', async () => {
    const backend = fakeBackend(() => ok('y'.repeat(30)));
    const { session, bytes } = start(backend, 30);
    await session.input('p\r');
    expect(await screenOf(bytes, 30)).toEqual([`${PROMPT}p`, 'y'.repeat(30), PROMPT.trimEnd()]);
  });

  it('asks the backend for the prompt again after every run (cd changes it)', async () => {
    let cwd = '~';
    const backend = { ...fakeBackend(() => ((cwd = '/etc'), ok(''))), prompt: () => `root@node-1:${cwd}# ` };
    const { session, bytes } = start(backend);
    await session.input('cd /etc\r');
    expect((await screenOf(bytes)).at(-1)).toBe('root@node-1:/etc#');
  });
});

describe('errors never escape', () => {
  it('prints one line for a run that throws, then a fresh prompt', async () => {
    const backend = fakeBackend(() => {
      throw new Error('world exploded\n    at secret (file.ts:1:1)');
    });
    const { session, bytes } = start(backend);
    await session.input('boom\r');
    expect(await screenOf(bytes)).toEqual([`${PROMPT}boom`, 'aa-terminal: world exploded', PROMPT.trimEnd()]);
  });

  it('prints one line for a run that rejects', async () => {
    const backend = fakeBackend(() => Promise.reject(new TypeError('bad state')));
    const { session, bytes } = start(backend);
    await session.input('x\r');
    expect((await screenOf(bytes))[1]).toBe('aa-terminal: bad state');
  });

  it('falls back to "$ " and "> " when the prompts throw, and survives a broken history store', async () => {
    const backend: TerminalBackend = {
      ...fakeBackend(),
      prompt: () => { throw new Error('x'); },
      continuationPrompt: () => { throw new Error('y'); },
      history: { load: () => { throw new Error('z'); }, save: () => { throw new Error('w'); } },
    };
    const { session, bytes } = start(backend);
    await session.input('echo "a\rb"\r');
    expect(await screenOf(bytes)).toEqual(['$ echo "a', '> b"', '$']);
  });

  it('treats malformed results as text', async () => {
    const backend = fakeBackend(() => ({ stdout: 42, stderr: undefined, exitCode: 0 }) as unknown as TerminalResult);
    const { session, bytes } = start(backend);
    await session.input('x\r');
    expect((await screenOf(bytes))[1]).toBe(`42${PROMPT.trimEnd()}`);
  });
});

describe('keys that reach the backend', () => {
  it('Ctrl-C tells the backend (for $? = 130) and shows ^C and a fresh prompt', async () => {
    const backend = fakeBackend();
    const { session, bytes } = start(backend);
    await session.input('sleep 10\x03');
    expect(backend.interrupts).toBe(1);
    expect(backend.runs).toEqual([]);
    expect(await screenOf(bytes)).toEqual([`${PROMPT}sleep 10^C`, PROMPT.trimEnd()]);
  });

  it('Ctrl-C during a pending run tells the backend, drops the typeahead before it, and the prompt starts a fresh line', async () => {
    let stop: (() => void) | undefined;
    const backend = fakeBackend((text) => (text === 'sleep 10' ? new Promise((resolve) => (stop = () => resolve(ok('')))) : ok('')));
    backend.interrupt = () => {
      backend.interrupts++;
      stop?.();
    };
    const { session, bytes } = start(backend);
    const running = session.input('sleep 10\r');
    await new Promise((resolve) => setTimeout(resolve, 1));
    await Promise.all([running, session.input('lost\x03kept')]);
    expect(backend.interrupts).toBe(1);
    expect(backend.runs).toEqual(['sleep 10']);
    expect(await screenOf(bytes)).toEqual([`${PROMPT}sleep 10`, '^C', `${PROMPT}kept`]);
  });

  it('Ctrl-D on an empty line prints exit, tells the backend, and starts again', async () => {
    const backend = fakeBackend();
    const { session, bytes } = start(backend);
    await session.input('\x04');
    expect(backend.exits).toBe(1);
    expect(await screenOf(bytes)).toEqual([`${PROMPT}exit`, PROMPT.trimEnd()]);
  });

  it('loads saved history for Up and saves it after every command', async () => {
    const backend = fakeBackend(() => ok(''), ['aa-status']);
    const { session } = start(backend);
    await session.input('\x1b[A');
    expect(session.editor.text).toBe('aa-status');
    await session.input('\x15ls\r');
    expect(backend.saved).toEqual([['aa-status', 'ls']]);
  });
});
