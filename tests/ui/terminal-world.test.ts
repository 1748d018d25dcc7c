// <aa-terminal>'s session on the real simulated world (src/sim/index.ts through worldBackend): a pasted
// here-doc loads the tutorial's profile, completion comes from the node's files and commands, Ctrl-D exits
// the innermost shell. Screens are drawn by a headless xterm.js.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createWorld } from '../../src/sim/index.ts';
import { createTerminalSession } from '../../src/ui/terminal/terminal-session.ts';
import { memoryHistory, worldBackend } from '../../src/ui/terminal/world-backend.ts';
import { ScreenOracle } from './terminal-screen.ts';

function open(history = memoryHistory()): { input: (data: string) => Promise<void>; screen: () => Promise<string[]> } {
  const bytes: string[] = [];
  const session = createTerminalSession(worldBackend(createWorld({ hostname: 'node-1' }), history), { write: (d) => void bytes.push(d), columns: 120 });
  return {
    input: (data) => session.input(data),
    async screen() {
      const oracle = new ScreenOracle(120, 80);
      await oracle.write(bytes.join(''));
      const rows = oracle.text();
      oracle.dispose();
      return rows;
    },
  };
}

/** The profile of the hello-apparmor walk-through, as its here-doc carries it. */
function tutorialProfile(): string[] {
  const page = readFileSync(new URL('../../content/docs/01-basics/03-hello-apparmor.md', import.meta.url), 'utf8');
  const loop = /```sh\n([\s\S]*?)```/.exec(page)![1]!.split('\n');
  return loop.slice(loop.findIndex((l) => l.includes("<<'EOF'")) + 1, loop.indexOf('EOF'));
}

describe('the terminal on a simulated node', () => {
  it('loads the pasted tutorial profile through a here-doc and lists it as enforced', async () => {
    const profile = tutorialProfile();
    const term = open();
    const paste = ["apparmor_parser -r <<'EOF'", ...profile, 'EOF', 'cat /sys/kernel/security/apparmor/profiles | grep k8s-'].join('\r') + '\r';
    await term.input(paste);
    expect(await term.screen()).toEqual([
      "root@node-1:~# apparmor_parser -r <<'EOF'",
      ...profile.map((line) => `> ${line}`.trimEnd()),
      '> EOF',
      'root@node-1:~# cat /sys/kernel/security/apparmor/profiles | grep k8s-',
      'k8s-apparmor-example-deny-write (enforce)',
      'root@node-1:~#',
    ]);
  });

  it('completes commands and paths from the node', async () => {
    const term = open();
    await term.input('aa-st\t\x15cat /etc/appa\t');
    expect((await term.screen()).at(-1)).toBe('root@node-1:~# cat /etc/apparmor.d/');
  });

  it('Ctrl-D leaves a nested bash with exit, then the login shell with logout', async () => {
    const term = open();
    await term.input('bash\r');
    await term.input('\x04');
    await term.input('\x04');
    expect(await term.screen()).toEqual(['root@node-1:~# bash', 'root@node-1:~# exit', 'root@node-1:~# logout', 'root@node-1:~#']);
  });

  it('Ctrl-C at the prompt sets $? to 130', async () => {
    const term = open();
    await term.input('false\rhalf-typed\x03echo $?\r');
    expect((await term.screen()).slice(-3)).toEqual(['root@node-1:~# echo $?', '130', 'root@node-1:~#']);
  });

  it('keeps history in the given store across sessions', async () => {
    const history = memoryHistory();
    await open(history).input('echo one\r');
    const again = open(history);
    await again.input('\x1b[A\r');
    expect(await again.screen()).toEqual(['root@node-1:~# echo one', 'one', 'root@node-1:~#']);
  });
});
