// The line editor against real bash 5.2: every recording in terminal-bash-screens.json (made by
// terminal-bash-record.ts in a pty) is replayed through a TerminalSession, and both byte streams are drawn
// by xterm.js; screen text and cursor must be the same. Known disagreements are listed, with a reason, in
// terminal-bash-disagreements.json; the test fails when a new one appears or a listed one starts agreeing.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { TerminalBackend } from '../../src/ui/terminal/backend.ts';
import { createTerminalSession } from '../../src/ui/terminal/terminal-session.ts';
import { isComplete } from '../../src/sim/shell/parser.ts';
import { FILES, SETUP, type BashRecording } from './terminal-bash-record.ts';
import { ScreenOracle, type Screen } from './terminal-screen.ts';

const recorded = JSON.parse(readFileSync(new URL('./terminal-bash-screens.json', import.meta.url), 'utf8')) as { prompt: string; recordings: BashRecording[] };
const disagreements = JSON.parse(readFileSync(new URL('./terminal-bash-disagreements.json', import.meta.url), 'utf8')) as { name: string; reason: string }[];

/** A backend doing what these recordings need from bash: echo, and filename completion in the work dir. */
function backend(): TerminalBackend {
  return {
    prompt: () => recorded.prompt,
    continuationPrompt: () => '> ',
    isComplete,
    run: (text) => ({ stdout: text.startsWith('echo ') ? `${text.slice(5)}\n` : '', stderr: '', exitCode: 0 }),
    complete(line, cursor) {
      const from = line.lastIndexOf(' ', cursor - 1) + 1;
      const word = line.slice(from, cursor);
      return { replaceFrom: from, candidates: FILES.filter((file) => file.startsWith(word)) };
    },
    history: { load: () => [SETUP], save: () => undefined },
  };
}

async function draw(bytes: string, columns: number): Promise<{ rows: string[]; cursor: Screen['cursor'] }> {
  const screen = new ScreenOracle(columns, 40);
  await screen.write(bytes);
  const result = { rows: screen.text(), cursor: screen.screen().cursor };
  screen.dispose();
  return result;
}

async function ours(recording: BashRecording): Promise<string> {
  const bytes: string[] = [];
  const session = createTerminalSession(backend(), { write: (data) => void bytes.push(data), columns: recording.columns });
  for (const key of recording.keys) await session.input(key);
  return bytes.join('');
}

describe('the line editor draws what bash 5.2 draws', () => {
  it('reads at least 60 recorded bash sessions', () => {
    expect(recorded.recordings.length).toBeGreaterThanOrEqual(60);
  });

  it('agrees on every recording except the listed disagreements, and every listed one still disagrees', async () => {
    const differing: string[] = [];
    for (const recording of recorded.recordings) {
      const [bash, mine] = await Promise.all([draw(recording.bytes, recording.columns), draw(await ours(recording), recording.columns)]);
      if (JSON.stringify(bash) !== JSON.stringify(mine)) differing.push(recording.name);
    }
    expect(differing).toEqual(disagreements.map((d) => d.name));
  });

  it.each(recorded.recordings.filter((r) => !disagreements.some((d) => d.name === r.name)).map((r) => [r.name, r] as const))('%s', async (_name, recording) => {
    expect(await draw(await ours(recording), recording.columns)).toEqual(await draw(recording.bytes, recording.columns));
  });
});
