// Property test: random command lines built from shell tokens and noise never make the shell throw,
// and never print JavaScript artefacts ("undefined", "NaN", "[object", stack frames).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createShell } from '../../src/sim/shell/shell.ts';
import { FakeHost } from './shell-fake-host.ts';

const TOKENS = [
  'echo', 'cat', 'grep', 'printf', 'kubectl', 'ssh', 'sudo', 'nosuch', 'x', 'a b', '$x', '${x}', '${#x}', '${x:-d}',
  '${x:?m}', '${x[@]}', '${x[*]}', '${x[1]}', '${#x[@]}', '${x/a/b}', '${x//a}', '${x#*}', '${x%%a*}', '${x:1:2}', '${x^^}',
  '${!x}', '${', '${}', '${x', '$?', '$$', '$#', '$@', '$*', '$0', '$1', '$(', ')', '$(echo hi)', '`', '`echo`', "'", '"',
  "$'", "$'\\n'", "$'\\x4'", '\\', '$((', '1+2', '))', '$((1/0))', '$((x+))', '$((2**))', 'if', 'then', 'else', 'elif', 'fi',
  'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', ';;', '{', '}', '(', ')', ';', '&&', '||', '|', '|&', '&', '!',
  '>', '>>', '<', '2>&1', '>&2', '&>', '2>/dev/null', '>/dev/null', '<<EOF', "<<'EOF'", '<<-EOF', 'EOF', '<<<', '3>&1', '>&-',
  '*', '?', '[a]', '[!', '~', '~/x', '#', '=', 'x=1', 'x=(a b)', 'x+=(c)', 'x[2]=z', 'IFS=:', '[', ']', 'test', '-f', '-d',
  '-z', '-n', '-eq', '-lt', '-a', '-o', '=', '!=', 'sh', 'bash', '-c', 'exit', 'cd', '-', 'export', 'unset', 'set', '-e', '-u',
  '--', '!!', '!$', '!x', 'history', '[!a]', '[z-a]', 'A[1+]=z', 'A[x]=(', '<(echo a)', '>(cat)', '<(', 'break', 'continue', 'return', 'shift', 'f()', 'f', 'eval', 'read', 'source', '.', '{a,b}', '{1..3}', '{z..a}',
  '/dev/null', '/tmp/x', '/etc', '/tmp', 'true', 'false', ':', 'pwd', '%', '0', '-1', '99999999999999999999', '\t',
];
const SEPARATORS = [' ', ' ', ' ', '', '\n', '; ', '\t', '\\\n'];
const FORBIDDEN = /undefined|NaN|\[object|simulator error|\n\s+at |Error:|function \(/;

const line = fc
  .array(
    fc.tuple(
      fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }),
      fc.constantFrom(...SEPARATORS),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.map(([token, sep]) => token + sep).join(''))
  .filter((text) => !FORBIDDEN.test(text) && !/object|Error|at /.test(text));

describe('fuzzing the shell', () => {
  it('returns a well-formed CommandResult for 10,000 random command lines and never leaks JavaScript', () => {
    fc.assert(
      fc.property(line, fc.boolean(), fc.boolean(), (text, isInteractive, isSh) => {
        const host = new FakeHost({ '/tmp/x': 'echo sourced\n' });
        const shell = createShell(host, {
          isInteractive,
          flavour: isSh ? 'sh' : 'bash',
          limits: { maxSteps: 2000, maxOutput: 20_000, maxDepth: 16 },
        });
        expect(typeof shell.isComplete(text)).toBe('boolean');
        const result = shell.run(text);
        expect(typeof result.stdout).toBe('string');
        expect(typeof result.stderr).toBe('string');
        expect(Number.isInteger(result.exitCode) && result.exitCode >= 0 && result.exitCode <= 255).toBe(true);
        expect(result.output.filter((c) => c.fd === 1).map((c) => c.text).join('')).toBe(result.stdout);
        expect(result.stdout + result.stderr).not.toMatch(FORBIDDEN);
        expect(shell.prompt()).not.toMatch(FORBIDDEN);
      }),
      { numRuns: 10_000, seed: 20261123 },
    );
  });
});
