// The resolver: includes through an injected reader, variables, aliases, blocks, names, conditionals.
import { describe, expect, it } from 'vitest';
import {
  checkPolicy, formatParserError, parseProfile, resolvePolicy, type FileRule, type IncludeReader, type ResolveOptions,
  type ResolvedProfile,
} from '../../src/apparmor/index.ts';

/** An in-memory reader: `files` by absolute path; directories are the parents of files (plus `dirs`). */
function memoryReader(files: Record<string, string>, dirs: string[] = []): IncludeReader {
  return {
    readFile: (path) => files[path],
    listDir: (path) => {
      const prefix = `${path.replace(/\/$/, '')}/`;
      const names = Object.keys(files).filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length).split('/')[0] as string);
      return names.length > 0 || dirs.includes(path) ? [...new Set(names)] : undefined;
    },
  };
}

function resolve(text: string, options: ResolveOptions = {}): { profiles: ResolvedProfile[]; errors: string[] } {
  const result = checkPolicy(text, options);
  return { profiles: result.policy.profiles, errors: result.diagnostics.filter((d) => d.severity === 'error').map((d) => formatParserError(d)) };
}

function paths(profile: ResolvedProfile | undefined): string[] {
  return (profile?.rules ?? []).filter((r): r is FileRule & typeof r => r.kind === 'file').map((r) => r.path?.text ?? 'file,');
}

describe('resolvePolicy', () => {
  it('expands a variable with several values into an alternation, then folds slashes but keeps a leading //', () => {
    const { profiles, errors } = resolve('@{D} = /srv/ /opt/\n@{D} += /data\nprofile p {\n  @{D}/** r,\n  //ns//x r,\n  /a//b/ r,\n}\n');
    expect(errors).toEqual([]);
    // as the parser: a value's trailing slash before the '/' after the group folds away too (APPARMOR.md §1.4)
    expect(paths(profiles[0])).toEqual(['{/srv,/opt,/data}/**', '//ns/x', '/a/b/']);
  });

  it('inserts a single value as is, even with a comma, and expands nested variables', () => {
    const { profiles } = resolve('@{A} = /a,/b\n@{B} = @{A}/c\nprofile p {\n  @{B} r,\n  /run/@{profile_name}/ r,\n}\n');
    expect(paths(profiles[0])).toEqual(['/a,/b/c', '/run/p/']);
  });

  it("reports variable errors in apparmor_parser's words", () => {
    expect(resolve('profile p {\n  @{NOPE}/x r,\n}\n').errors).toEqual(['Found reference to variable NOPE, but is never declared']);
    expect(resolve('@{X}=/a\n@{X}=/b\nprofile p {\n}\n').errors)
      .toEqual(["'X' is already defined\nAppArmor parser error at line 3: variable @{X} was previously declared"]);
    expect(resolve('@{X}+=/a\nprofile p {\n}\n').errors)
      .toEqual(['Failed to find declaration for: X\nAppArmor parser error at line 2: variable @{X} was not previously declared, but is being assigned additional values']);
    expect(resolve('@{A}=@{B}\n@{B}=@{A}\nprofile p {\n  @{A} r,\n}\n').errors).toEqual(['Variable @{A} is referenced recursively (by @{B})']);
  });

  it('searches <magic> includes in the -I directories, then the base directory, and opens "quoted" ones from the working directory', () => {
    const reader = memoryReader({
      '/inc/abstractions/x': '/from/inc r,\n',
      '/etc/apparmor.d/abstractions/x': '/from/base r,\n',
      '/etc/apparmor.d/abstractions/y': '/from/base/y r,\n',
      '/work/local.inc': '/from/cwd r,\n',
    });
    const text = 'profile p {\n  include <abstractions/x>\n  include <abstractions/y>\n  include "local.inc"\n}\n';
    const { profiles, errors } = resolve(text, { reader, includeDirs: ['/inc'], cwd: '/work' });
    expect(errors).toEqual([]);
    expect(paths(profiles[0])).toEqual(['/from/inc', '/from/base/y', '/from/cwd']);
    expect(profiles[0]?.rules.map((r) => r.file)).toEqual(['/inc/abstractions/x', '/etc/apparmor.d/abstractions/y', '/work/local.inc']);
  });

  it("fails on a missing include unless 'if exists' is written", () => {
    expect(resolve('profile p {\n  include if exists <local/p>\n}\n').errors).toEqual([]);
    expect(resolve('profile p {\n  #include <local/p>\n}\n').errors).toEqual(["AppArmor parser error at line 2: Could not open 'local/p'"]);
  });

  it('includes every file of a directory in sorted order, skipping dotfiles and package-manager leftovers', () => {
    const reader = memoryReader({
      '/etc/apparmor.d/d/b': '/b r,\n', '/etc/apparmor.d/d/a': '/a r,\n', '/etc/apparmor.d/d/.hidden': '/h r,\n',
      '/etc/apparmor.d/d/c.dpkg-new': '/c r,\n', '/etc/apparmor.d/d/e~': '/e r,\n', '/etc/apparmor.d/d/f.rpmsave': '/f r,\n',
    });
    expect(paths(resolve('profile p {\n  include <d>\n}\n', { reader }).profiles[0])).toEqual(['/a', '/b']);
  });

  it('skips a duplicate include within one profile but includes it again in another profile', () => {
    const reader = memoryReader({ '/etc/apparmor.d/abstractions/x': '/x r,\n' });
    const text = 'profile p {\n  include <abstractions/x>\n  include <abstractions/x>\n}\nprofile q {\n  include <abstractions/x>\n}\n';
    const { profiles } = resolve(text, { reader });
    expect(profiles.map(paths)).toEqual([['/x'], ['/x']]);
  });

  it('reads variables from included tunables and reports errors inside includes with their file', () => {
    const reader = memoryReader({
      '/etc/apparmor.d/tunables/t': '@{T}=/tun\n', '/etc/apparmor.d/abstractions/bad': '/x wa,\n',
    });
    const { profiles } = resolve('include <tunables/t>\nprofile p {\n  @{T}/x r,\n}\n', { reader });
    expect(paths(profiles[0])).toEqual(['/tun/x']);
    const checked = checkPolicy('profile p {\n  include <abstractions/bad>\n}\n', { reader, fileName: '/etc/apparmor.d/p' });
    const error = checked.diagnostics[0];
    expect(error?.file).toBe('/etc/apparmor.d/abstractions/bad');
    expect(error && formatParserError(error, { fileName: '/etc/apparmor.d/p' }))
      .toBe("AppArmor parser error for /etc/apparmor.d/p in profile /etc/apparmor.d/abstractions/bad at line 1: Conflict 'a' and 'w' perms are mutually exclusive.");
  });

  it('merges qualifier blocks into their rules and names hats and children parent//child', () => {
    const { profiles } = resolve('/usr/bin/p {\n  audit owner {\n    /x r,\n  }\n  ^hat {\n  }\n  profile child /usr/bin/c {\n  }\n}\n');
    const p = profiles[0];
    expect(p?.rules[0]?.qualifiers).toMatchObject({ audit: true, owner: 'owner', access: 'allow' });
    expect(p?.attachment).toBe('/usr/bin/p');
    expect(p?.children.map((c) => [c.kind, c.name, c.baseName, c.attachment])).toEqual([
      ['hat', '/usr/bin/p//hat', 'hat', undefined], ['profile', '/usr/bin/p//child', 'child', '/usr/bin/c'],
    ]);
  });

  it('gives a named profile without an attachment no attachment, and takes the mode from its flags', () => {
    const { profiles } = resolve('profile k8s flags=(complain) {\n}\n');
    expect(profiles[0]).toMatchObject({ name: 'k8s', attachment: undefined, mode: 'complain' });
  });

  it('adds a rewritten copy of each file rule under an alias', () => {
    const { profiles } = resolve('alias /usr/ -> /mnt/usr/,\nprofile p {\n  /usr/bin/x r,\n  /etc/y r,\n}\n');
    expect(paths(profiles[0])).toEqual(['/usr/bin/x', '/etc/y', '/mnt/usr/bin/x']);
    expect(profiles[0]?.rules[2]?.isAliasCopy).toBe(true);
  });

  it('keeps the branch of an if block that the booleans choose', () => {
    const text = '$ON = true\nprofile p {\n  if $ON {\n    /yes r,\n  } else {\n    /no r,\n  }\n  if defined @{NOPE} {\n    /never r,\n  }\n}\n';
    expect(paths(resolve(text).profiles[0])).toEqual(['/yes']);
  });

  it('reports two profiles of one name as apparmor_parser does', () => {
    expect(resolve('profile a {\n}\nprofile a {\n}\n').errors).toEqual(['Multiple definitions for profile a exist,bailing out.']);
  });

  it('resolves without a reader: every include is then missing', () => {
    const { ast } = parseProfile('profile p {\n  include <abstractions/base>\n}\n');
    expect(resolvePolicy(ast).diagnostics.map((d) => d.code)).toEqual(['MISSING_INCLUDE']);
  });
});
