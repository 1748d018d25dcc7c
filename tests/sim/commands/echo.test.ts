import { describe, expect, test } from 'vitest';
import { interpretEscapes } from '../../../src/sim/shell/commands/echo.ts';
import { makeWorld, run } from './world.ts';

describe('echo (/usr/bin/echo)', () => {
  test('joins its arguments, -n drops the newline, -e interprets escapes', () => {
    const world = makeWorld();
    expect(run(world, '/bin/echo a  b')).toEqual({ stdout: 'a b\n', stderr: '', exitCode: 0 });
    expect(run(world, '/bin/echo -n x')).toEqual({ stdout: 'x', stderr: '', exitCode: 0 });
    expect(run(world, "/bin/echo -e 'a\\tb\\c' more")).toEqual({ stdout: 'a\tb', stderr: '', exitCode: 0 });
    expect(run(world, "/bin/echo -ne 'x\\x41\\0101\\n'").stdout).toBe('xAA\n');
  });

  test('treats anything but -n/-e/-E letters as text, and --help only alone', () => {
    const world = makeWorld();
    expect(run(world, '/bin/echo -n -x').stdout).toBe('-x');
    expect(run(world, '/bin/echo a --help').stdout).toBe('a --help\n');
    expect(run(world, '/bin/echo --help').stdout).toMatch(/^Usage: echo \[SHORT-OPTION\]\.\.\. \[STRING\]\.\.\.\n/);
  });

  test('interprets the escapes coreutils knows and keeps unknown ones', () => {
    expect(interpretEscapes('\\q\\\\')).toEqual({ text: '\\q\\', stop: false });
    expect(interpretEscapes('\\x')).toEqual({ text: '\\x', stop: false });
  });
});
