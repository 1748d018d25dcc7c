// Proves, with the real apparmor_parser 3.0.8, that our bundle (src/apparmor/bundle) grants exactly what
// Debian's /etc/apparmor.d files grant. The dump compared is the compiled binary policy (`-S`): the parser
// minimises the DFAs, so equal permissions give byte-identical output whatever the rule order or grouping,
// and the sensitivity tests below show that one changed permission changes the bytes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_APPARMOR_D, BUNDLED_DIRECTORIES } from '../../src/apparmor/bundle/index.ts';
import { CONFORMANCE_DIR, readConformanceText } from '../conformance/dir.ts';

const PARSER_CANDIDATES = ['/usr/sbin/apparmor_parser', '/sbin/apparmor_parser', '/usr/bin/apparmor_parser'];
const UPSTREAM_DIR = join(CONFORMANCE_DIR, 'apparmor.d');
const FEATURES = join(CONFORMANCE_DIR, 'parser/features/features.all');

/** The parser's path; a missing parser is a failure with the fix, never a skip. */
function requireParser(): string {
  const found = PARSER_CANDIDATES.find((path) => existsSync(path));
  if (!found) throw new Error('apparmor_parser not found: install apparmor: apt-get install -y apparmor');
  return found;
}

function requireUpstream(): void {
  if (!existsSync(join(UPSTREAM_DIR, 'abstractions/base'))) {
    throw new Error(`Debian's apparmor.d not found at ${UPSTREAM_DIR}; set APPARMOR_CONFORMANCE_DIR`);
  }
}

/** Writes a set of relative path → text files (and empty directories) under `root`. */
function writeTree(root: string, files: ReadonlyMap<string, string>, directories: readonly string[]): void {
  for (const dir of directories) mkdirSync(join(root, dir), { recursive: true });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

let work = '';
let ours = '';
let profileCount = 0;

/** Runs apparmor_parser on `profile` with `includeDir` as the only include path; fails on a non-zero exit. */
function runParser(includeDir: string, profile: string, dumpArgs: string[]): { stdout: Buffer; stderr: string } {
  const parser = requireParser();
  requireUpstream();
  const file = join(work, `profile-${profileCount++}`);
  writeFileSync(file, profile);
  const args = ['--config-file=/dev/null', '-M', FEATURES, '-Q', '-K', '-I', includeDir, ...dumpArgs, file];
  const run = spawnSync(parser, args, { maxBuffer: 64 * 1024 * 1024 });
  const stderr = run.stderr?.toString() ?? String(run.error);
  if (run.status !== 0) throw new Error(`apparmor_parser ${args.join(' ')} exited ${run.status}: ${stderr}`);
  return { stdout: run.stdout, stderr };
}

/** The compiled binary policy as a short fingerprint (size and sha256), so a failure prints readably. */
function compiled(includeDir: string, profile: string): string {
  const { stdout } = runParser(includeDir, profile, ['-S']);
  return `${stdout.length} bytes, sha256 ${createHash('sha256').update(stdout).digest('hex')}`;
}

function wrapInProfile(include: string): string {
  return `include <tunables/global>\nprofile t {\n  include <${include}>\n}\n`;
}

/** `-D expanded-variables` output → variable name → its values, sorted (a variable's values are a set). */
function expandedVariables(includeDir: string): Map<string, string[]> {
  const preamble = ['global', 'apparmorfs', 'sys'].map((name) => `include <tunables/${name}>\n`).join('');
  const { stdout, stderr } = runParser(includeDir, `${preamble}profile t {\n}\n`, ['-D', 'expanded-variables']);
  const variables = new Map<string, string[]>();
  for (const line of (stdout.toString() + stderr).split('\n')) {
    const m = /^@(\S+) = (.*)$/.exec(line);
    if (!m) continue;
    const values = [...(m[2] ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((v) => v[1] ?? '');
    variables.set(m[1] ?? '', values.sort());
  }
  return variables;
}

const ABSTRACTIONS = [...BUNDLED_APPARMOR_D.keys()].filter((path) => path.startsWith('abstractions/'));

// Writing the tree needs no parser: a missing parser or Debian tree fails each test with the fix, not a skip.
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'aa-bundle-'));
  ours = join(work, 'apparmor.d');
  writeTree(ours, BUNDLED_APPARMOR_D, BUNDLED_DIRECTORIES);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the bundle compiles to the same policy as Debian apparmor 3.0.8 (apparmor_parser -S)', () => {
  it('bundles the abstractions the simulated node needs', () => {
    for (const name of ['base', 'crypto', 'nameservice', 'bash', 'consoles', 'apache2-common', 'openssl', 'ssl_certs', 'user-tmp']) {
      expect(ABSTRACTIONS).toContain(`abstractions/${name}`);
    }
  });

  it.each(ABSTRACTIONS)('%s grants exactly the permissions of the Debian file', (abstraction) => {
    const profile = wrapInProfile(abstraction);
    expect(compiled(ours, profile)).toBe(compiled(UPSTREAM_DIR, profile));
  });

  it.each(['docker-default', 'docker-default.moby-v28', 'cri-containerd.apparmor.d', 'k8s-apparmor-example-deny-write', 'e2e-node-apparmor-test-profiles', 'k8s-nginx'])(
    'the runtime profile %s compiles to the same policy on our bundle',
    (file) => {
      const profile = readConformanceText(`profiles/${file}`);
      expect(compiled(ours, profile)).toBe(compiled(UPSTREAM_DIR, profile));
    },
  );

  it('notices a single changed permission, so equal output means equal permissions', () => {
    const base = BUNDLED_APPARMOR_D.get('abstractions/base') ?? '';
    const widened = base.replace(/^(\s*\/dev\/log\s+)w,$/m, '$1rw,');
    expect(widened).not.toBe(base);
    const altered = join(work, 'altered');
    writeTree(altered, new Map([...BUNDLED_APPARMOR_D, ['abstractions/base', widened]]), BUNDLED_DIRECTORIES);
    const profile = wrapInProfile('abstractions/base');
    expect(compiled(altered, profile)).not.toBe(compiled(ours, profile));
  });
});

describe('the bundled tunables define the same variables as Debian apparmor 3.0.8 (-D expanded-variables)', () => {
  let dumps: { expected: Map<string, string[]>; actual: Map<string, string[]> } | undefined;
  const variables = (): { expected: Map<string, string[]>; actual: Map<string, string[]> } =>
    (dumps ??= { expected: expandedVariables(UPSTREAM_DIR), actual: expandedVariables(ours) });

  it('defines exactly the same variable names', () => {
    const { expected, actual } = variables();
    expect(expected.size).toBeGreaterThan(20);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  });

  it.each(['HOME', 'HOMEDIRS', 'PROC', 'sys', 'run', 'pid', 'pids', 'tid', 'uid', 'uids', 'multiarch', 'etc_ro', 'etc_rw',
    'XDG_DESKTOP_DIR', 'XDG_DOCUMENTS_DIR', 'XDG_DOWNLOAD_DIR', 'XDG_MUSIC_DIR', 'XDG_PICTURES_DIR', 'XDG_PUBLICSHARE_DIR',
    'XDG_TEMPLATES_DIR', 'XDG_VIDEOS_DIR', 'flatpak_exports_root', 'system_share_dirs', 'user_share_dirs', 'securityfs', 'apparmorfs'])(
    '@{%s} expands to the same values',
    (name) => {
      const { expected, actual } = variables();
      expect(expected.get(name)).toBeDefined();
      expect(actual.get(name)).toEqual(expected.get(name));
    },
  );
});

// The abi file is data the parser consults while compiling (which rule classes and network families the
// kernel mediates). Swap only abi/3.0 into Debian's tree and compile probes touching every rule class.
describe('the bundled abi/3.0 is the same feature set as Debian apparmor 3.0.8', () => {
  const PROBE = `abi <abi/3.0>,
include <tunables/global>
profile probe /usr/bin/probe {
  include <abstractions/base>
  capability,
  network,
  network inet stream,
  network inet6 dgram,
  network netlink raw,
  network packet,
  network bluetooth,
  network xdp,
  mount,
  umount,
  pivot_root,
  remount /,
  signal,
  ptrace,
  dbus,
  unix,
  change_profile,
  set rlimit nofile <= 1024,
  /** rwlkmix,
  ^hat { /tmp/** rw, }
}
`;

  function treeWithAbi(name: string, abi: string): string {
    const root = join(work, name);
    const upstream = new Map<string, string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(join(UPSTREAM_DIR, dir), { withFileTypes: true })) {
        const rel = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(rel);
        else if (rel.startsWith('abstractions/') || rel.startsWith('tunables/')) upstream.set(rel, readConformanceText(`apparmor.d/${rel}`));
      }
    };
    walk('');
    writeTree(root, new Map([...upstream, ['abi/3.0', abi]]), ['tunables/xdg-user-dirs.d']);
    return root;
  }

  it('compiles every rule class to the same policy', () => {
    const withOurs = treeWithAbi('abi-ours', BUNDLED_APPARMOR_D.get('abi/3.0') ?? '');
    expect(compiled(withOurs, PROBE)).toBe(compiled(UPSTREAM_DIR, PROBE));
  });

  it('notices a feature area left out, so equal output means the file was read', () => {
    const abi = BUNDLED_APPARMOR_D.get('abi/3.0') ?? '';
    const withoutMount = abi.replace(/^mount \{\n(?: .*\n)*\}\n/m, '');
    expect(withoutMount).not.toBe(abi);
    const altered = treeWithAbi('abi-no-mount', withoutMount);
    expect(compiled(altered, PROBE)).not.toBe(compiled(UPSTREAM_DIR, PROBE));
  });
});
