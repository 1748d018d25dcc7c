// apparmor_parser -p on the simulated node, compared byte for byte with the real apparmor_parser 3.0.8 run on the
// same include tree (the node's /etc/apparmor.d is our bundle, written to a temp dir for the real parser).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_APPARMOR_D, BUNDLED_DIRECTORIES } from '../../../src/apparmor/bundle/index.ts';
import { createWorld, DENY_WRITE_PATH } from '../../../src/sim/index.ts';

const PARSER_CANDIDATES = ['/usr/sbin/apparmor_parser', '/sbin/apparmor_parser', '/usr/bin/apparmor_parser'];

/** The parser's path; a missing parser is a failure with the fix, never a skip. */
function requireParser(): string {
  const found = PARSER_CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error('apparmor_parser not found: install apparmor: apt-get install -y apparmor');
  return found;
}

let root = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sim-preprocess-'));
  for (const dir of BUNDLED_DIRECTORIES) mkdirSync(join(root, dir), { recursive: true });
  for (const [path, text] of BUNDLED_APPARMOR_D) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
});

afterAll(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

/** The real parser's `-p` on `policy` (named `name` in messages, run from the tree's root). */
function real(policy: string, name: string): { stdout: string; stderr: string; status: number | null } {
  const file = join(root, name);
  writeFileSync(file, policy);
  const args = ['--config-file=/dev/null', '-Q', '-K', '--base', root, '-p', name];
  const run = spawnSync(requireParser(), args, { cwd: root });
  const stderr = (run.stderr?.toString() ?? '').split('\n').filter((l) => !l.startsWith('Cache read/write disabled')).join('\n');
  return { stdout: run.stdout?.toString() ?? '', stderr, status: run.status };
}

describe('apparmor_parser -p', () => {
  it('prints the tutorial profile with its includes expanded exactly as the real parser does, and loads nothing', () => {
    const world = createWorld();
    const text = world.run(`cat ${DENY_WRITE_PATH}`).stdout;
    const result = world.run(`apparmor_parser -p ${DENY_WRITE_PATH}`);
    expect(result.stdout).toBe(real(text, 'tutorial').stdout);
    expect(result).toMatchObject({ stderr: '', exitCode: 0 });
    expect(world.run('cat /sys/kernel/security/apparmor/profiles').stdout).toBe('');
    expect(world.node.log).toHaveLength(0);
  });

  it('expands includes read from stdin, with duplicates skipped and a missing include if exists marked', () => {
    const world = createWorld();
    const policy = 'include <tunables/global>\nprofile p {\n  include <abstractions/base>\n  include <abstractions/base>\n' +
      '  include if exists <local/p>\n}\n';
    world.run(`printf '${policy.replaceAll('\n', '\\n')}' > /tmp/p`);
    const result = world.run('apparmor_parser -p < /tmp/p');
    expect(result.stdout).toBe(real(policy, 'stdin-case').stdout);
    expect(result.exitCode).toBe(0);
  });

  it('stops after the marker of an include it cannot open, with the real message and status 1', () => {
    const world = createWorld();
    const policy = '/p {\n include <nope>\n /x r,\n}\n';
    world.run(`printf '${policy.replaceAll('\n', '\\n')}' > /tmp/m`);
    const expected = real(policy, 'm');
    const result = world.run('cd /tmp && apparmor_parser -p m');
    expect(result.stdout).toBe(expected.stdout);
    expect(result.stderr).toBe(expected.stderr);
    expect(result.exitCode).toBe(expected.status);
  });

  it('names the included file an unopenable include is in, as the profile', () => {
    const world = createWorld();
    world.run("mkdir -p /tmp/inc/a && printf 'include <nope2>\\n' > /tmp/inc/a/bad && printf '/p {\\n include <a/bad>\\n}\\n' > /tmp/m3");
    const result = world.run('cd /tmp && apparmor_parser -I /tmp/inc -p m3');
    expect(result.stdout).toBe('/p {\n  \n\n##included <a/bad>\n \n\n##included <nope2>\n');
    expect(result.stderr).toBe("AppArmor parser error for m3 in profile /tmp/inc/a/bad at line 1: Could not open 'nope2'\n");
    expect(world.run('cd /tmp && apparmor_parser -I /tmp/inc -p < m3').stderr).toBe("AppArmor parser error at line 1: Could not open 'nope2'\n");
  });

  const PARSE_ERRORS = [
    'include <tunables/global>\n/p {\n  /x r,\n  capability foo,\n}\n',
    '/p {\n  /x r,\n  /y rq,\n  /z r,\n}\n',
    'profile p { /x rw, bogus }\n',
  ];
  for (const [index, policy] of PARSE_ERRORS.entries()) {
    it(`prints the echo up to the token a parse error stopped at, and the real message (case ${index + 1})`, () => {
      const world = createWorld();
      world.run(`printf '${policy.replaceAll('\n', '\\n')}' > /tmp/e`);
      const expected = real(policy, 'e');
      const result = world.run('cd /tmp && apparmor_parser -p e');
      expect(result.stdout).toBe(expected.stdout);
      expect(result.stderr).toBe(expected.stderr);
      expect(result.exitCode).toBe(1);
    });
  }

  it('counts as an action, so -p with -r is one action too many', () => {
    const world = createWorld();
    expect(world.run(`apparmor_parser -p -r ${DENY_WRITE_PATH}`)).toMatchObject({
      stdout: '', stderr: 'apparmor_parser: Too many actions given on the command line.\n', exitCode: 1,
    });
  });
});
