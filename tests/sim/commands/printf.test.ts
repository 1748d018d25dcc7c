import { describe, expect, test } from 'vitest';
import { makeWorld, run } from './world.ts';

describe('printf (/usr/bin/printf)', () => {
  test('formats conversions with flags, width and precision', () => {
    const world = makeWorld();
    expect(run(world, "/usr/bin/printf '%d|%5s|%-3d|%x|%o|%c|%.2f|%e|%b|%q\\n' 12 ab 3 255 8 xyz 3.14159 1000 'a\\tb' 'a b'").stdout)
      .toBe("12|   ab|3  |ff|10|x|3.14|1.000000e+03|a\tb|'a b'\n");
    expect(run(world, "/usr/bin/printf '%5.1s|\\n' abc").stdout).toBe('    a|\n');
    expect(run(world, "/usr/bin/printf '%d\\n' \"'A\"").stdout).toBe('65\n');
  });

  test('reuses the format for the remaining arguments', () => {
    expect(run(makeWorld(), "/usr/bin/printf '%s-%s\\n' a b c").stdout).toBe('a-b\nc-\n');
  });

  test('reports bad numbers, bad conversions, excess and missing arguments', () => {
    const world = makeWorld();
    expect(run(world, "/usr/bin/printf '%d\\n' abc")).toEqual({ stdout: '0\n', stderr: "/usr/bin/printf: 'abc': expected a numeric value\n", exitCode: 1 });
    expect(run(world, "/usr/bin/printf '%d\\n' 12abc")).toEqual({ stdout: '12\n', stderr: "/usr/bin/printf: '12abc': value not completely converted\n", exitCode: 1 });
    expect(run(world, "/usr/bin/printf 'a\\n' x")).toEqual({ stdout: 'a\n', stderr: "/usr/bin/printf: warning: ignoring excess arguments, starting with 'x'\n", exitCode: 0 });
    expect(run(world, '/usr/bin/printf')).toEqual({ stdout: '', stderr: "/usr/bin/printf: missing operand\nTry '/usr/bin/printf --help' for more information.\n", exitCode: 1 });
    expect(run(world, "/usr/bin/printf '%z'").exitCode).toBe(1);
  });
});

describe('printf escapes', () => {
  test('takes \\NNN octal in the format and \\0NNN in %b arguments', () => {
    const world = makeWorld();
    expect(run(world, "/usr/bin/printf 'A\\101\\0101|%b\\n' '\\0102'").stdout).toBe('AA\b1|B\n');
  });
});
