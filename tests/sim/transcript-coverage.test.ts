// Issue 4, "Transcripts cover every command, including its error paths": every command of the node's
// registry (kubectl aside: cluster-*.txt and kubectl-transcripts.test.ts cover it) is run in some golden
// transcript, and some transcript shows it failing (its own error message, or a non-zero `echo $?` after it).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeRegistry } from '../../src/sim/index.ts';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'transcripts');
const NOT_HERE = new Set(['kubectl']);
// true ignores its operands and always exits 0 (coreutils' true.c, bash's builtin): it has no error path
const NO_ERROR_PATH = new Set(['true']);

/** One command of a transcript: its `$ ` line (and `> ` continuations) and what it printed. */
type Block = { command: string; output: string };

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const last = blocks.at(-1);
    if (line.startsWith('$ ')) blocks.push({ command: line.slice(2), output: '' });
    else if (line.startsWith('> ') && last !== undefined && last.output === '') last.command += `\n${line.slice(2)}`;
    else if (last !== undefined) last.output += `${line}\n`;
  }
  return blocks;
}

/** Words of a command line, quotes removed; a quoted word is kept whole so `sh -c '…'` can be read again. */
function wordsOf(line: string): string[] {
  const words: string[] = [];
  const pattern = /'([^']*)'|"((?:\\.|[^"\\])*)"|(;|&&|\|\||\||\$\(|\(|\)|`)|([^\s'";|&()`]+)/g;
  for (const match of line.matchAll(pattern)) words.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
  return words;
}

const SEPARATORS = new Set([';', '&&', '||', '|', '$(', '(', ')', '`', 'then', 'do', 'else', '!', '{']);
// wrappers whose operand after the options is a command: aa-exec … -- CMD, sudo CMD, env A=b CMD
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'time']);

/** The command words of one command line, looking inside `sh -c '…'`, `su -c '…'` and `ssh NODE '…'`. */
function commandWords(line: string): string[] {
  const words = wordsOf(line.split('\n')[0] ?? '');
  const found: string[] = [];
  let isStart = true;
  let isWrapped = false;
  words.forEach((word, index) => {
    if (SEPARATORS.has(word)) { isStart = true; isWrapped = false; return; }
    const previous = words[index - 1];
    if (previous === '-c' || (words[index - 2] === 'ssh' && index >= 2)) found.push(...commandWords(word));
    if (isStart && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word) || (isWrapped && word.startsWith('-')))) return;
    if (isStart || previous === '--') {
      found.push(word);
      isWrapped = WRAPPERS.has(word);
      isStart = isWrapped;
      return;
    }
    isStart = false;
  });
  return found;
}

/** Whether a block printed an error of `name` (`name: …`, `sh: 1: name: …`, `bash: name: …`, ps's `error: …`). */
function printsError(name: string, output: string): boolean {
  return output.split('\n').some((line) => line.startsWith(`${name}: `) || line.includes(`: ${name}: `)
    || (name === 'ps' && line.startsWith('error: ')));
}

function transcripts(): { name: string; blocks: Block[] }[] {
  return readdirSync(DIR).filter((name) => name.endsWith('.txt')).sort()
    .map((name) => ({ name, blocks: blocksOf(readFileSync(join(DIR, name), 'utf8')) }));
}

describe('transcript coverage of the node commands', () => {
  const names = createNodeRegistry().names().filter((name) => !NOT_HERE.has(name));
  const all = transcripts();

  it('reads the command words of a line through pipes, wrappers and sh -c', () => {
    expect(commandWords(`aa-exec -p x -- sh -c 'echo x | tee /f' && FOO=1 sudo ls; ssh node01 'cat /a'`))
      .toEqual(['aa-exec', 'sh', 'echo', 'tee', 'sudo', 'ls', 'ssh', 'cat']);
  });

  it('has a registry and transcripts to check', () => {
    expect(names.length).toBeGreaterThan(40);
    expect(all.length).toBeGreaterThan(4);
  });

  it('runs every command of the registry in some transcript', () => {
    const used = new Set(all.flatMap((t) => t.blocks.flatMap((b) => commandWords(b.command))));
    expect(names.filter((name) => !used.has(name))).toEqual([]);
  });

  it('shows every command of the registry failing in some transcript', () => {
    const failing = new Set<string>();
    for (const { blocks } of all) {
      blocks.forEach((block, index) => {
        const next = blocks[index + 1];
        const isNonZero = next?.command === 'echo $?' && next.output !== '0\n';
        for (const word of commandWords(block.command)) {
          if (isNonZero || printsError(word, block.output)) failing.add(word);
        }
      });
    }
    expect(names.filter((name) => !failing.has(name) && !NO_ERROR_PATH.has(name))).toEqual([]);
  });
});
