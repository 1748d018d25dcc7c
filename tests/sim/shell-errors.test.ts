// Error messages and exit statuses compared with real bash and dash: every expected value below was
// recorded by running the script with GNU bash 5.2.15 (`bash --norc -c SCRIPT`, as an unprivileged user,
// cwd /tmp/probe holding a mode-644 file.txt) and dash 0.5.12 through `sh -c` on Debian 12.
import { describe, expect, it } from 'vitest';
import { createShell } from '../../src/sim/shell/shell.ts';
import { FakeHost } from './shell-fake-host.ts';

type Case = { name: string; script: string; stdout: string; stderr: string; status: number };

const CASES: Case[] = [
  { name: "a missing command exits 127", script: "nosuchcmd arg", stdout: "", stderr: "bash: line 1: nosuchcmd: command not found\n", status: 127 },
  { name: "a missing relative path", script: "./nosuch", stdout: "", stderr: "bash: line 1: ./nosuch: No such file or directory\n", status: 127 },
  { name: "a directory is not executable", script: "/tmp", stdout: "", stderr: "bash: line 1: /tmp: Is a directory\n", status: 126 },
  { name: "a file without x permission", script: "./file.txt", stdout: "", stderr: "bash: line 1: ./file.txt: Permission denied\n", status: 126 },
  { name: "a redirection into a missing directory", script: "echo hi > /nonexistent/dir/x; echo \"status $?\"", stdout: "status 1\n", stderr: "bash: line 1: /nonexistent/dir/x: No such file or directory\n", status: 0 },
  { name: "a redirection onto a directory", script: "echo hi > /tmp/probe; echo \"status $?\"", stdout: "status 1\n", stderr: "bash: line 1: /tmp/probe: Is a directory\n", status: 0 },
  { name: "a redirection without write permission", script: "echo hi > /etc/x; echo \"status $?\"", stdout: "status 1\n", stderr: "bash: line 1: /etc/x: Permission denied\n", status: 0 },
  { name: "an input redirection from a missing file", script: "cat < /nonexistent; echo \"status $?\"", stdout: "status 1\n", stderr: "bash: line 1: /nonexistent: No such file or directory\n", status: 0 },
  { name: "cd to a missing directory", script: "cd /nonexistent; echo \"cd $?\"", stdout: "cd 1\n", stderr: "bash: line 1: cd: /nonexistent: No such file or directory\n", status: 0 },
  { name: "cd to a file", script: "cd /tmp/probe/file.txt", stdout: "", stderr: "bash: line 1: cd: /tmp/probe/file.txt: Not a directory\n", status: 1 },
  { name: "cd with two arguments", script: "cd a b", stdout: "", stderr: "bash: line 1: cd: too many arguments\n", status: 1 },
  { name: "cd without HOME", script: "unset HOME; cd", stdout: "", stderr: "bash: line 1: cd: HOME not set\n", status: 1 },
  { name: "cd - without OLDPWD", script: "cd -", stdout: "", stderr: "bash: line 1: cd: OLDPWD not set\n", status: 1 },
  { name: "cd alone goes home", script: "cd; pwd", stdout: "/home/cloudsdk\n", stderr: "", status: 0 },
  { name: "an ambiguous redirect", script: "x=\"a b\"; echo hi > $x; echo \"status $?\"", stdout: "status 1\n", stderr: "bash: line 1: $x: ambiguous redirect\n", status: 0 },
  { name: "a bad substitution stops the script", script: "echo ${a b}; echo not reached", stdout: "", stderr: "bash: line 1: ${a b}: bad substitution\n", status: 1 },
  { name: "division by zero stops the script", script: "echo $((1/0)); echo not reached", stdout: "", stderr: "bash: line 1: 1/0: division by 0 (error token is \"0\")\n", status: 1 },
  { name: "${u:?} stops the script", script: "echo ${u:?custom message}; echo not reached", stdout: "", stderr: "bash: line 1: u: custom message\n", status: 127 },
  { name: "set -u and an unset variable", script: "set -u; echo $nope; echo not reached", stdout: "", stderr: "bash: line 1: nope: unbound variable\n", status: 127 },
  { name: "test with a non-integer", script: "test 1 -eq a; echo $?", stdout: "2\n", stderr: "bash: line 1: test: a: integer expression expected\n", status: 0 },
  { name: "[ without ]", script: "[ a = b; echo $?", stdout: "2\n", stderr: "bash: line 1: [: missing `]'\n", status: 0 },
  { name: "[ with three words", script: "[ a b c ]; echo $?", stdout: "2\n", stderr: "bash: line 1: [: b: binary operator expected\n", status: 0 },
  { name: "test with an unknown unary operator", script: "test -q a; echo $?", stdout: "2\n", stderr: "bash: line 1: test: -q: unary operator expected\n", status: 0 },
  { name: "export of an invalid name", script: "export A=1 1B; echo $?", stdout: "1\n", stderr: "bash: line 1: export: `1B': not a valid identifier\n", status: 0 },
  { name: "exit with a non-number", script: "exit foo", stdout: "", stderr: "bash: line 1: exit: foo: numeric argument required\n", status: 2 },
  { name: "exit with two arguments", script: "exit 1 2; echo \"still here $?\"", stdout: "", stderr: "bash: line 1: exit: too many arguments\n", status: 1 },
  { name: "exit status wraps at 256", script: "exit 300", stdout: "", stderr: "", status: 44 },
  { name: "return outside a function", script: "return; echo $?", stdout: "2\n", stderr: "bash: line 1: return: can only `return' from a function or sourced script\n", status: 0 },
  { name: "break outside a loop", script: "break; echo $?", stdout: "0\n", stderr: "bash: line 1: break: only meaningful in a `for', `while', or `until' loop\n", status: 0 },
  { name: "sh: a missing command", script: "sh -c 'nosuch'", stdout: "", stderr: "sh: 1: nosuch: not found\n", status: 127 },
  { name: "sh: cd to a missing directory", script: "sh -c 'cd /nonexistent'", stdout: "", stderr: "sh: 1: cd: can't cd to /nonexistent\n", status: 2 },
  { name: "sh: a redirection into a missing directory", script: "sh -c 'echo hi > /nonexistent/x'", stdout: "", stderr: "sh: 1: cannot create /nonexistent/x: Directory nonexistent\n", status: 2 },
  { name: "sh: an input redirection from a missing file", script: "sh -c 'cat < /nonexistent'", stdout: "", stderr: "sh: 1: cannot open /nonexistent: No such file\n", status: 2 },
  { name: "sh: test with a non-number", script: "sh -c '[ a -eq 1 ]'", stdout: "", stderr: "sh: 1: [: Illegal number: a\n", status: 2 },
  { name: "sh: [ without ]", script: "sh -c '[ a = b'", stdout: "", stderr: "sh: 1: [: missing ]\n", status: 2 },
  { name: "an unterminated here-document in bash -c", script: "cat <<EOF\nabc", stdout: "abc\n", stderr: "bash: line 2: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n", status: 0 },
  { name: "a syntax error after a good line", script: "echo ok\nif then", stdout: "ok\n", stderr: "bash: -c: line 2: syntax error near unexpected token `then'\nbash: -c: line 2: `if then'\n", status: 2 },
];

function runAsBashC(script: string) {
  const host = new FakeHost({ '/tmp/probe/file.txt': 'content\n' });
  host.mkdir('/home/cloudsdk');
  host.denyWrite.add('/etc/x');
  const shell = createShell(host, { isInteractive: false, env: { HOME: '/home/cloudsdk' }, cwd: '/tmp/probe' });
  return shell.run(script);
}

describe('errors agree with bash -c and sh -c', () => {
  it.each(CASES)('agrees with bash or dash on: $name', ({ script, stdout, stderr, status }) => {
    const result = runAsBashC(script);
    expect({ stdout: result.stdout, stderr: result.stderr, status: result.exitCode }).toEqual({ stdout, stderr, status });
  });
});
