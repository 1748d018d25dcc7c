// Property test: 10,000 random command lines over the coreutils-style commands, run as programs on a
// simulated node, always return a well-formed result and never print JavaScript artefacts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { World } from '../../../src/sim/node/world.ts';
import { makeWorld, run } from './world.ts';

const COMMANDS = [
  'ls', 'cat', '/bin/echo', '/usr/bin/printf', 'touch', 'mkdir', 'rm', 'rmdir', 'cp', 'mv', 'ln', 'chmod', 'chown', 'stat', 'id',
  'whoami', 'ps', 'grep', 'head', 'tail', 'wc', 'sort', 'tee', 'env', '/bin/pwd', 'which', 'uname', 'hostname', 'clear',
  '/bin/true', '/bin/false', 'sleep', 'history', 'wget', 'curl', 'ping',
];
const ARGS = [
  '-', '--', '-a', '-l', '-la', '-R', '-r', '-f', '-rf', '-p', '-v', '-n', '-c', '-e', '-E', '-i', '-q', '-s', '-d', '-h', '-1',
  '-Z', '-Z', 'aux', 'auxZ', '-ef', '-eZ', '-u', '-g', '-G', '-k', '-t', '-O', '-o', '-I', '-L', '-m', '-x', '-z', '--zz', '--a',
  '--help', '--version', '--lines=3', '--all', '-n3', '-3', '+2', '0', '1', '-1', '2', '99999999999999999999', '755', 'u+x',
  'go-w', 'a=rX', '+t', '999', 'user', 'root:root', ':other', 'nosuch', '/', '/tmp', '/tmp/x', '/tmp/d', '/tmp/d/', '/etc',
  '/etc/passwd', '/etc/shadow', '/etc/hostname', '/nope', '/proc/self/attr/current', '/dev/null', '.', '..', 'x', 'a b',
  "it's", '%s', '%d', '%5.2f', '%b', '%q', '%z', '%*d', '\\n', '\\c', 'a\\tb', "'A", 'http://example.com', 'example.com',
  'https://kubernetes.default.svc', 'http://127.0.0.1', '10.0.0.10', '127.0.0.1', 'nosuch.example', '-c1', '-W1', 'root',
  '[', '(', 'a\\|b', '^r', '[[:alpha:]]', 'A=1', '-u', 'PATH', '%n %s %a %A %U', '1x', '0.5', 'inf', '-k2', '-t:',
];
const FORBIDDEN = /undefined|NaN|\[object|\n\s+at |Error:|function \(/;

const commandLine = fc
  .tuple(fc.constantFrom(...COMMANDS), fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ARGS) }, { weight: 1, arbitrary: fc.string({ maxLength: 5 }) }), { maxLength: 6 }))
  .map(([command, args]) => [command, ...args.map((a) => `'${a.replace(/'/g, "'\\''")}'`)].join(' '));

describe('fuzzing the commands', () => {
  it('answers 10,000 random command lines with a result and no JavaScript artefacts', () => {
    let world: World = makeWorld();
    let runs = 0;
    run(world, 'mkdir -p /tmp/d && echo hi > /tmp/x');
    fc.assert(
      fc.property(commandLine, (line) => {
        // a fresh node now and then, so a stray `rm -r` does not leave the rest of the run on an empty disk
        if (++runs % 500 === 0) {
          world = makeWorld();
          run(world, 'mkdir -p /tmp/d && echo hi > /tmp/x');
        }
        const result = run(world, `${line} < /dev/null`);
        expect(typeof result.stdout).toBe('string');
        expect(typeof result.stderr).toBe('string');
        expect(Number.isInteger(result.exitCode) && result.exitCode >= 0 && result.exitCode <= 255).toBe(true);
        expect(result.stdout + result.stderr).not.toMatch(FORBIDDEN);
      }),
      { numRuns: 10_000, seed: 4 },
    );
  });
});
