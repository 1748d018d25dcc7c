import { describe, expect, test } from 'vitest';
import { historyCommand } from '../../../src/sim/shell/commands/history.ts';
import { invoke, makeWorld, run } from './world.ts';

describe('history', () => {
  test('numbers the saved history as bash does and shows the last N', () => {
    const world = makeWorld();
    run(world, "printf 'ls\\ncat /etc/hostname\\nid\\n' > /root/.bash_history");
    expect(invoke(world, historyCommand, ['history'])).toEqual({ stdout: '    1  ls\n    2  cat /etc/hostname\n    3  id\n', stderr: '', exitCode: 0 });
    expect(invoke(world, historyCommand, ['history', '1']).stdout).toBe('    3  id\n');
  });

  test('rejects a non-numeric argument', () => {
    expect(invoke(makeWorld(), historyCommand, ['history', 'x'])).toEqual({ stdout: '', stderr: 'bash: history: x: numeric argument required\n', exitCode: 1 });
  });
});
