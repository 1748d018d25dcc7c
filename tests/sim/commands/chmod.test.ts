import { describe, expect, test } from 'vitest';
import { applyMode, modeString } from '../../../src/sim/shell/commands/support/modes.ts';
import { DENY_WRITE } from './profiles.ts';
import { loadProfile, makeWorld, run } from './world.ts';

describe('chmod', () => {
  test('applies octal and symbolic modes', () => {
    const world = makeWorld();
    run(world, 'touch /tmp/f');
    expect(run(world, 'chmod 600 /tmp/f; stat -c %a /tmp/f').stdout).toBe('600\n');
    expect(run(world, 'chmod u+x,go+r /tmp/f; stat -c %A /tmp/f').stdout).toBe('-rwxr--r--\n');
    expect(run(world, 'chmod a=rX /tmp/f; stat -c %a /tmp/f').stdout).toBe('555\n');
    expect(run(world, 'chmod -x /tmp/f; stat -c %a /tmp/f').stdout).toBe('444\n');
  });

  test('reports changes with -v and -c', () => {
    const world = makeWorld();
    run(world, 'touch /tmp/f');
    expect(run(world, 'chmod -v 644 /tmp/f').stdout).toBe("mode of '/tmp/f' retained as 0644 (rw-r--r--)\n");
    expect(run(world, 'chmod -c 755 /tmp/f').stdout).toBe("mode of '/tmp/f' changed from 0644 (rw-r--r--) to 0755 (rwxr-xr-x)\n");
  });

  test('changes a tree with -R', () => {
    const world = makeWorld();
    run(world, 'mkdir -p /tmp/d/e; touch /tmp/d/e/f; chmod -R 700 /tmp/d');
    expect(run(world, 'stat -c %a /tmp/d /tmp/d/e /tmp/d/e/f').stdout).toBe('700\n700\n700\n');
  });

  test('rejects an invalid mode and missing operands', () => {
    const world = makeWorld();
    expect(run(world, 'chmod 999 /tmp')).toEqual({ stdout: '', stderr: "chmod: invalid mode: '999'\nTry 'chmod --help' for more information.\n", exitCode: 1 });
    expect(run(world, 'chmod u+z /tmp').stderr).toBe("chmod: invalid mode: 'u+z'\nTry 'chmod --help' for more information.\n");
    expect(run(world, 'chmod').stderr).toBe("chmod: missing operand\nTry 'chmod --help' for more information.\n");
    expect(run(world, 'chmod 777').stderr).toBe("chmod: missing operand after '777'\nTry 'chmod --help' for more information.\n");
  });

  test('reports a missing file and a file the user does not own', () => {
    expect(run(makeWorld(), 'chmod 7 /nope')).toEqual({ stdout: '', stderr: "chmod: cannot access '/nope': No such file or directory\n", exitCode: 1 });
    expect(run(makeWorld('user'), 'chmod 777 /etc/hostname')).toEqual({ stdout: '', stderr: "chmod: changing permissions of '/etc/hostname': Operation not permitted\n", exitCode: 1 });
  });

  test('is denied under the deny-write profile (chmod needs w)', () => {
    const world = makeWorld();
    loadProfile(world, DENY_WRITE);
    run(world, 'touch /tmp/f');
    expect(run(world, 'aa-exec -p k8s-apparmor-example-deny-write -- chmod 600 /tmp/f')).toEqual({
      stdout: '', stderr: "chmod: changing permissions of '/tmp/f': Permission denied\n", exitCode: 1,
    });
  });

  test('computes modes as gnulib modechange does', () => {
    expect(applyMode('g+s', 0o755, true)).toBe(0o2755);
    expect(applyMode('+t', 0o777, true)).toBe(0o1777);
    expect(applyMode('o=u', 0o640, false)).toBe(0o646);
    expect(applyMode('755', 0o2700, true)).toBe(0o2755);
    expect(applyMode('u+q', 0o644, false)).toBeUndefined();
    expect(modeString('dir', 0o1777)).toBe('drwxrwxrwt');
    expect(modeString('file', 0o4644)).toBe('-rwSr--r--');
  });
});
