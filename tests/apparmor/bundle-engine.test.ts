// Our engine sees our bundle exactly as it sees Debian's /etc/apparmor.d: every bundled file parses cleanly,
// and each abstraction (and each runtime default profile) compiles, through our resolver and compiler, into
// the same permission tables with either tree, compared on paths sampled from every rule's pattern.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_APPARMOR_D,
  bundleReader,
  checkPolicy,
  compilePolicy,
  evaluate,
  parseProfile,
  type CompiledPolicy,
  type CompiledProfile,
  type IncludeReader,
} from '../../src/apparmor/index.ts';
import { bundleKey } from '../../src/apparmor/bundle/index.ts';
import { CONFORMANCE_DIR, readConformanceJson, readConformanceText } from '../conformance/dir.ts';

const UPSTREAM_DIR = join(CONFORMANCE_DIR, 'apparmor.d');

/** Debian's tree on disk, seen at /etc/apparmor.d; git cannot hold the empty tunables/xdg-user-dirs.d. */
const debianReader: IncludeReader = {
  readFile(path) {
    const key = bundleKey(path);
    if (!key) return undefined;
    try {
      return statSync(join(UPSTREAM_DIR, key)).isFile() ? readFileSync(join(UPSTREAM_DIR, key), 'utf8') : undefined;
    } catch {
      return undefined;
    }
  },
  listDir(path) {
    const key = bundleKey(path);
    if (key === undefined) return undefined;
    if (key === 'tunables/xdg-user-dirs.d') return [];
    try {
      return statSync(join(UPSTREAM_DIR, key)).isDirectory() ? readdirSync(join(UPSTREAM_DIR, key)) : undefined;
    } catch {
      return undefined;
    }
  },
};

type Build = { compiled: CompiledPolicy; patterns: string[]; problems: string[]; variables: Map<string, string[]> };

/** Parse, resolve and compile `text` with `reader` as /etc/apparmor.d. */
function build(text: string, reader: IncludeReader): Build {
  const checked = checkPolicy(text, { reader });
  const compiled = compilePolicy(checked.policy);
  const problems = [...checked.diagnostics, ...compiled.diagnostics]
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code}: ${d.message}`);
  const patterns = checked.policy.profiles.flatMap(function rulesOf(p): string[] {
    return [...p.rules.flatMap((r) => (r.kind === 'file' && r.path ? [r.path.text] : [])), ...p.children.flatMap(rulesOf)];
  });
  const variables = new Map([...checked.policy.variables].map(([name, values]) => [name, [...values].sort()]));
  return { compiled, patterns, problems, variables };
}

/** Splits `{a,b}` alternations (nested too) into plain patterns, at most `limit` of them. */
function expandBraces(pattern: string, limit = 256): string[] {
  let depth = 0;
  let open = -1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '{' && depth++ === 0) open = i;
    else if (c === '}' && --depth === 0) {
      const alternatives: string[] = [];
      let level = 0;
      let start = open + 1;
      for (let j = open + 1; j < i; j++) {
        const d = pattern[j];
        if (d === '\\') j++;
        else if (d === '{') level++;
        else if (d === '}') level--;
        else if (d === ',' && level === 0) {
          alternatives.push(pattern.slice(start, j));
          start = j + 1;
        }
      }
      alternatives.push(pattern.slice(start, i));
      const head = pattern.slice(0, open);
      const tails = expandBraces(pattern.slice(i + 1), limit);
      return alternatives
        .flatMap((alt) => expandBraces(head + alt, limit).flatMap((h) => tails.map((t) => h + t)))
        .slice(0, limit);
    }
  }
  return [pattern];
}

/** One concrete string for a brace-free AARE, with `*`/`**` replaced as given. */
function instantiate(glob: string, star: string, starStar: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '\\') out += glob[++i] ?? '';
    else if (c === '*' && glob[i + 1] === '*') {
      out += starStar;
      while (glob[i + 1] === '*') i++;
    } else if (c === '*') out += star;
    else if (c === '?') out += 'q';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      const body = glob.slice(i + 1, end);
      out += body.startsWith('^') ? (body.includes('z') ? '_' : 'z') : (body[0] ?? 'z');
      i = end;
    } else out += c;
  }
  return out;
}

/** Paths around every rule pattern: the glob filled in three ways, with empty globs, parents and children. */
function samplePaths(patterns: string[]): string[] {
  const paths = new Set<string>();
  for (const pattern of patterns) {
    for (const glob of expandBraces(pattern)) {
      for (const [star, starStar] of [['x', 'a/b'], ['', ''], ['libc.so.6', 'deep/er/libfoo.so.1']] as const) {
        const path = instantiate(glob, star, starStar).replace(/\/{2,}/g, '/');
        paths.add(path);
        paths.add(`${path.replace(/\/$/, '')}/child`);
        paths.add(path.replace(/[^/]*\/?$/, ''));
      }
    }
  }
  return [...paths].filter((p) => p.startsWith('/')).sort();
}

type PermissionsFile = { profiles: Record<string, { paths: Record<string, unknown> }> };

const TYPICAL_PATHS = Object.values(readConformanceJson<PermissionsFile>('profiles/file-permissions-parser-3.0.8.json').profiles)
  .flatMap((p) => Object.keys(p.paths));

/** Everything a profile's file class says about each path, as one line per path. */
function fileTable(profile: CompiledProfile, paths: string[]): Record<string, string> {
  const table: Record<string, string> = {};
  for (const path of paths) {
    const { user, other } = profile.file.lookup(path);
    const half = (h: typeof user): string => [h.allow, h.deny, h.audit, h.quiet, h.execMode ?? '-', h.execTarget ?? '-'].join('/');
    table[path] = `owner ${half(user)} other ${half(other)}`;
  }
  return table;
}

const PEERS = ['unconfined', 't', 'apache2', 'apache2//DEFAULT_URI', 'docker-default', 'other'];

/** The verdicts of the non-file classes on a fixed set of requests. */
function otherClasses(profile: CompiledProfile): Record<string, string> {
  const table: Record<string, string> = {};
  const tables = { capability: profile.capability, network: profile.network };
  for (const [name, t] of Object.entries(tables)) table[name] = [t.allow, t.deny, t.audit, t.quiet].map((a) => [...a].join('')).join('|');
  const decide = (key: string, request: Parameters<typeof evaluate>[1]): void => {
    const d = evaluate(profile, request);
    table[key] = `${d.verdict} ${d.reason} ${d.audit}`;
  };
  for (const peer of [...PEERS, profile.name]) {
    for (const access of ['send', 'receive'] as const) {
      for (const signal of ['exists', 'hup', 'kill', 'term', 'usr1']) decide(`signal ${access} ${signal} ${peer}`, { class: 'signal', access, signal, peer });
    }
    for (const access of ['trace', 'read', 'tracedby', 'readby'] as const) decide(`ptrace ${access} ${peer}`, { class: 'ptrace', access, peer });
  }
  for (const path of ['/', '/proc/', '/sys/', '/tmp/']) {
    for (const operation of ['mount', 'umount', 'remount'] as const) decide(`mount ${operation} ${path}`, { class: 'mount', operation, path });
  }
  return table;
}

function compareProfiles(text: string): void {
  const ours = build(text, bundleReader);
  const theirs = build(text, debianReader);
  expect(ours.problems).toEqual([]);
  expect(theirs.problems).toEqual([]);
  expect(ours.variables).toEqual(theirs.variables);
  const paths = samplePaths([...theirs.patterns, ...ours.patterns, ...TYPICAL_PATHS]);
  expect(paths.length).toBeGreaterThan(30);
  expect(ours.compiled.byName.size).toBe(theirs.compiled.byName.size);
  for (const [name, theirProfile] of theirs.compiled.byName) {
    const ourProfile = ours.compiled.byName.get(name);
    expect(ourProfile, name).toBeDefined();
    if (!ourProfile) continue;
    expect(fileTable(ourProfile, paths)).toEqual(fileTable(theirProfile, paths));
    expect(otherClasses(ourProfile)).toEqual(otherClasses(theirProfile));
  }
}

const ABSTRACTIONS = [...BUNDLED_APPARMOR_D.keys()].filter((path) => path.startsWith('abstractions/'));

describe('every bundled file parses with our parser', () => {
  it.each([...BUNDLED_APPARMOR_D.keys()].filter((path) => !path.startsWith('abi/')))('%s has no diagnostics', (path) => {
    const context = path.startsWith('abstractions/') ? 'body' : 'policy';
    expect(parseProfile(BUNDLED_APPARMOR_D.get(path) ?? '', { context }).diagnostics).toEqual([]);
  });

  it('compiles a profile including tunables/global and every abstraction with no diagnostics at all', () => {
    const includes = ABSTRACTIONS.map((path) => `  include <${path}>\n`).join('');
    const checked = checkPolicy(`include <tunables/global>\nprofile t {\n${includes}}\n`, { reader: bundleReader });
    expect(checked.diagnostics).toEqual([]);
    expect(checked.policy.profiles[0]?.rules.length).toBeGreaterThan(100);
  });
});

describe('our engine compiles the bundle to the same permissions as Debian apparmor 3.0.8 files', () => {
  it.each(ABSTRACTIONS)('%s gives the same permission tables', (abstraction) => {
    compareProfiles(`include <tunables/global>\nprofile t {\n  include <${abstraction}>\n}\n`);
  });

  it.each(['docker-default', 'docker-default.moby-v28', 'cri-containerd.apparmor.d', 'k8s-apparmor-example-deny-write', 'e2e-node-apparmor-test-profiles', 'k8s-nginx'])(
    'the runtime profile %s gives the same permission tables',
    (file) => {
      compareProfiles(readConformanceText(`profiles/${file}`));
    },
  );

  it('tells apart a bundle with one permission changed, so equal tables mean equal permissions', () => {
    const widened = new Map(BUNDLED_APPARMOR_D);
    widened.set('abstractions/base', (widened.get('abstractions/base') ?? '').replace(/^(\s*\/dev\/log\s+)w,$/m, '$1rw,'));
    expect(widened.get('abstractions/base')).not.toBe(BUNDLED_APPARMOR_D.get('abstractions/base'));
    const reader: IncludeReader = {
      readFile: (path) => widened.get(bundleKey(path) ?? '') ?? bundleReader.readFile(path),
      listDir: (path) => bundleReader.listDir(path),
    };
    const text = 'include <tunables/global>\nprofile t {\n  include <abstractions/base>\n}\n';
    const altered = build(text, reader);
    const theirs = build(text, debianReader);
    const paths = samplePaths(theirs.patterns);
    const [a, b] = [altered, theirs].map((x) => fileTable(x.compiled.byName.get('t')!, paths));
    expect(a).not.toEqual(b);
  });
});
