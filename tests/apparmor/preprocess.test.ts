// Checks preprocessPolicy (`apparmor_parser -p`) byte for byte against the real apparmor_parser 3.0.8 run on the
// same include tree: our bundled /etc/apparmor.d written to a temp dir, plus a few small files of our own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_APPARMOR_D, BUNDLED_DIRECTORIES } from '../../src/apparmor/bundle/index.ts';
import { preprocessPolicy, type IncludeReader } from '../../src/apparmor/index.ts';

const PARSER_CANDIDATES = ['/usr/sbin/apparmor_parser', '/sbin/apparmor_parser', '/usr/bin/apparmor_parser'];

/** The parser's path; a missing parser is a failure with the fix, never a skip. */
function requireParser(): string {
  const found = PARSER_CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error('apparmor_parser not found: install apparmor: apt-get install -y apparmor');
  return found;
}

const OWN_FILES = new Map<string, string>([
  ['local/one', '# a comment\n/one r,\n'],
  ['local/two', 'include <local/one>\n/two r,\n'],
  ['local/var', '@{V}=/v\n@{W} = /w /x # trailing\n'],
  ['local/comment', '# only a comment\n'],
  ['local/dir/f1', 'f1 r,\n'],
  ['local/dir/f3', 'f3 r,\n'],
  ['local/dir/f2', 'f2 w,\n'],
]);

let root = '';

const diskReader: IncludeReader = {
  readFile: (path) => (existsSync(path) && statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined),
  listDir: (path) => (existsSync(path) && statSync(path).isDirectory() ? readdirSync(path) : undefined),
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'preprocess-'));
  for (const dir of BUNDLED_DIRECTORIES) mkdirSync(join(root, dir), { recursive: true });
  for (const [path, text] of [...BUNDLED_APPARMOR_D, ...OWN_FILES]) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
});

afterAll(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

/** What the real parser prints on stdout for `-p`, and its exit status. */
function realPreprocess(policy: string): { stdout: string; status: number | null } {
  const file = join(root, 'profile-under-test');
  writeFileSync(file, policy);
  const args = ['--config-file=/dev/null', '-Q', '-K', '-I', root, '-p', file];
  const run = spawnSync(requireParser(), args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return { stdout: run.stdout?.toString() ?? '', status: run.status };
}

function ours(policy: string): ReturnType<typeof preprocessPolicy> {
  return preprocessPolicy(policy, { reader: diskReader, searchDirs: [root], cwd: root });
}

const CASES: Record<string, () => string> = {
  'the global tunables alone': () => '#include <tunables/global>\n',
  'an abstraction inside a profile': () => 'include <tunables/global>\nprofile t {\n  include <abstractions/base>\n}\n',
  'a missing include if exists': () => 'profile t {\n  include if exists <missing/file>\n  /x r,\n}\n',
  'a duplicate include in one profile': () => 'profile t {\n  include <local/two>\n  include  <local/one>\n}\n',
  'a quoted absolute path naming an already included file': () =>
    `profile t {\n  include <local/one>\n  #include "${join(root, 'local/one')}"\n  include "${join(root, 'local/comment')}"\n}\n`,
  'nested includes': () => 'profile t {\n  include <local/two>\n}\n',
  'a directory include': () => 'profile t {\n  include <local/dir>\n}\n',
  'variable assignments': () => '@{A}=/a\n@{B}=/b /c # x\ninclude <local/var>\n/p {\n  # comment\n  /r r,\n}\n',
  'the same include in two profiles, a hat and the preamble': () =>
    'include <local/comment>\ninclude <local/comment>\nprofile a {\n include <local/comment>\n ^h {\n  include <local/comment>\n }\n' +
    ' include <local/comment>\n}\ninclude <local/comment>\nprofile b {\n include <local/comment>\n}\n',
  'the tutorial profile': () =>
    '#include <tunables/global>\n\nprofile k8s-apparmor-example-deny-write flags=(attach_disconnected) {\n' +
    '  #include <abstractions/base>\n\n  file,\n\n  # Deny all file writes.\n  deny /** w,\n}\n',
};

describe('preprocessPolicy matches apparmor_parser -p byte for byte', () => {
  for (const [name, policy] of Object.entries(CASES)) {
    it(`prints what the real parser prints for ${name}`, () => {
      const real = realPreprocess(policy());
      expect(real.status).toBe(0);
      const result = ours(policy());
      expect(result.error).toBeUndefined();
      expect(result.output).toBe(real.stdout);
    });
  }

  it('stops after the marker of an include it cannot open, as the real parser does', () => {
    const policy = '/p {\n include <nope>\n /x r,\n}\n';
    const real = realPreprocess(policy);
    expect(real.status).toBe(1);
    const result = ours(policy);
    expect(result.output).toBe(real.stdout);
    expect(result.error).toEqual({ line: 2, message: "Could not open 'nope'", file: undefined });
  });

  it('names the included file and its line when the include it cannot open is nested', () => {
    const nested = join(root, 'local/bad');
    writeFileSync(nested, 'include <nope2>\n');
    const policy = '/p {\n include <local/bad>\n}\n';
    const result = ours(policy);
    expect(result.output).toBe(realPreprocess(policy).stdout);
    expect(result.error).toEqual({ line: 1, message: "Could not open 'nope2'", file: nested });
  });

  it('ends the echo at stopAt in the main text, after the includes before it, as the real parser on a parse error', () => {
    const policy = 'include <tunables/global>\n/p {\n  /x r,\n  capability foo,\n}\n';
    const real = realPreprocess(policy);
    expect(real.status).toBe(1);
    const stopAt = policy.indexOf('foo') + 'foo'.length;
    expect(ours(policy).output).not.toBe(real.stdout);
    expect(preprocessPolicy(policy, { reader: diskReader, searchDirs: [root], cwd: root, stopAt }).output).toBe(real.stdout);
  });
});
