// Syntax errors and continuation prompts of the simulated shell. Every expected message was checked
// against GNU bash 5.2.15 and dash 0.5.12 (Debian 12) with `bash -c`, `sh -c` and `bash -i`.
import { describe, expect, it } from 'vitest';
import { isComplete, parse } from '../../src/sim/shell/parser.ts';
import { createShell } from '../../src/sim/shell/shell.ts';
import { FakeHost } from './shell-fake-host.ts';

const interactive = (text: string) => createShell(new FakeHost()).run(text);
const script = (text: string, flavour: 'bash' | 'sh' = 'bash') =>
  createShell(new FakeHost(), { isInteractive: false, flavour }).run(text);

describe('isComplete', () => {
  const open: [string, string][] = [
    ['an open single quote', "echo 'abc"],
    ['an open double quote', 'echo "abc'],
    ['an open $\'…\' quote', "echo $'abc"],
    ['an open backquote', 'echo `date'],
    ['an open command substitution', 'echo $(date'],
    ['an open ${', 'echo ${x'],
    ['an open array assignment', 'x=(a b'],
    ['an open process substitution', 'source <(kubectl completion bash'],
    ['an unterminated here-document', 'cat <<EOF\nbody'],
    ['a here-document whose delimiter line has not come', 'cat <<EOF'],
    ['a quoted here-document still open', "cat <<'EOF' > /etc/apparmor.d/x\nprofile x {"],
    ['a <<- here-document still open', 'cat <<-EOF\n\tbody'],
    ['a trailing pipe', 'echo a |'],
    ['a trailing &&', 'true &&'],
    ['a trailing ||', 'false ||'],
    ['a trailing backslash', 'echo a \\'],
    ['an unfinished for', 'for x in a b; do'],
    ['a for without do', 'for x in a b'],
    ['an unfinished if', 'if true; then'],
    ['an if without then', 'if true'],
    ['an unfinished else', 'if true; then :; else'],
    ['an unfinished while', 'while true; do'],
    ['an unfinished until', 'until false'],
    ['an unfinished case', 'case x in'],
    ['an open brace group', '{ echo a'],
    ['an open subshell', '( echo a'],
    ['an unfinished function', 'f() {'],
    ['a multi-line single-quoted ssh command', "ssh node 'sudo apparmor_parser -q <<EOF\n#include <tunables/global>"],
  ];
  it.each(open)('asks for a continuation line after %s', (_name, text) => {
    expect(isComplete(text)).toBe(false);
  });

  const complete: [string, string][] = [
    ['a simple command', 'echo hello'],
    ['an empty line', ''],
    ['a comment', '# just a comment'],
    ['a closed here-document', 'cat <<EOF\nbody\nEOF'],
    ['a closed loop', 'for x in a b; do echo $x; done'],
    ['an escaped backslash at the end', 'echo a \\\\'],
    ['a quote inside a comment', "echo a # don't"],
    ['a syntax error (bash reports it instead of prompting)', 'echo a ;; b'],
    ['a stray fi', 'fi'],
    ['a redirection without a target', 'echo >'],
    ['the tutorial loader', "for N in a; do ssh $N 'cat <<EOF\nx\nEOF'\ndone"],
  ];
  it.each(complete)('accepts %s as complete', (_name, text) => {
    expect(isComplete(text)).toBe(true);
  });
});

describe('syntax errors in an interactive bash', () => {
  const cases: [string, string][] = [
    ['echo a ;; b', "bash: syntax error near unexpected token `;;'\n"],
    ['echo )', "bash: syntax error near unexpected token `)'\n"],
    ['fi', "bash: syntax error near unexpected token `fi'\n"],
    ['|', "bash: syntax error near unexpected token `|'\n"],
    ['done', "bash: syntax error near unexpected token `done'\n"],
    ['echo >', "bash: syntax error near unexpected token `newline'\n"],
    ['echo > ;', "bash: syntax error near unexpected token `;'\n"],
    ["echo 'abc", "bash: unexpected EOF while looking for matching `''\n"],
    ['echo "abc', 'bash: unexpected EOF while looking for matching `"\'\n'],
    ['echo ${x', "bash: unexpected EOF while looking for matching `}'\n"],
    ['if true; then', 'bash: syntax error: unexpected end of file\n'],
    ['echo a |', 'bash: syntax error: unexpected end of file\n'],
  ];
  it.each(cases)('prints bash\'s message for %j and exits 2', (text, message) => {
    const result = interactive(text);
    expect(result).toMatchObject({ stdout: '', stderr: message, exitCode: 2 });
  });

  it('runs the lines around a syntax error, dropping only the bad line, as an interactive bash reading a paste', () => {
    const result = createShell(new FakeHost()).run('echo first\nfi\necho next');
    expect(result.output).toEqual([
      { fd: 1, text: 'first\n' },
      { fd: 2, text: "bash: syntax error near unexpected token `fi'\n" },
      { fd: 1, text: 'next\n' },
    ]);
  });

  it('stops a non-interactive script at its first syntax error', () => {
    const result = script('echo first\nfi\necho never');
    expect(result.stdout).toBe('first\n');
    expect(result.exitCode).toBe(2);
  });

  it('does not run any command of a line with a syntax error', () => {
    const result = interactive('echo a; echo b )');
    expect(result.stdout).toBe('');
  });
});

describe('syntax errors in bash -c and sh -c', () => {
  const bash: [string, string][] = [
    ['echo a ;; b', "bash: -c: line 1: syntax error near unexpected token `;;'\nbash: -c: line 1: `echo a ;; b'\n"],
    ['true\n\necho a ;; b', "bash: -c: line 3: syntax error near unexpected token `;;'\nbash: -c: line 3: `echo a ;; b'\n"],
    ["echo 'abc", "bash: -c: line 1: unexpected EOF while looking for matching `''\n"],
    ["echo 'abc\ndef", "bash: -c: line 1: unexpected EOF while looking for matching `''\n"],
    ['if true; then', 'bash: -c: line 2: syntax error: unexpected end of file\n'],
    ['echo $(', "bash: -c: line 2: unexpected EOF while looking for matching `)'\n"],
  ];
  it.each(bash)('bash -c %j prints the line-numbered message', (text, message) => {
    expect(script(text)).toMatchObject({ stderr: message, exitCode: 2 });
  });

  const dash: [string, string][] = [
    ['echo a ;; b', 'sh: 1: Syntax error: ";;" unexpected\n'],
    ["echo 'abc", 'sh: 1: Syntax error: Unterminated quoted string\n'],
    ['if true; then', 'sh: 2: Syntax error: end of file unexpected (expecting "fi")\n'],
    ['echo )', 'sh: 1: Syntax error: ")" unexpected\n'],
    ['fi', 'sh: 1: Syntax error: "fi" unexpected\n'],
    ['cat <(echo hi)', 'sh: 1: Syntax error: "(" unexpected\n'],
  ];
  it.each(dash)('sh -c %j prints dash\'s message', (text, message) => {
    expect(script(text, 'sh')).toMatchObject({ stderr: message, exitCode: 2 });
  });

  it('reports through a nested bash -c with bash\'s -c prefix', () => {
    const result = interactive("bash -c 'echo a ;; b'");
    expect(result.stderr).toBe("bash: -c: line 1: syntax error near unexpected token `;;'\nbash: -c: line 1: `echo a ;; b'\n");
    expect(result.exitCode).toBe(2);
  });
});

describe('parse', () => {
  it('keeps here-document bodies on their redirection', () => {
    const { steps } = parse("cat <<'EOF' > /etc/apparmor.d/x\nprofile x {}\nEOF\n");
    const step = steps[0];
    expect(step?.kind).toBe('commands');
    const command = step?.kind === 'commands' ? step.list.items[0]?.command.first.commands[0] : undefined;
    expect(command?.kind === 'simple' ? command.redirections.map((r) => [r.op, r.hereDoc?.body, r.hereDoc?.isQuoted]) : [])
      .toEqual([['<<', 'profile x {}\n', true], ['>', undefined, undefined]]);
  });

  it('treats reserved words as plain words outside command position', () => {
    expect(createShell(new FakeHost()).run('echo if then fi done').stdout).toBe('if then fi done\n');
  });
});
