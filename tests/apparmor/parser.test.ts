// The parser: trees for every rule kind, bison-worded syntax errors, recovery, ranges, language levels.
import { describe, expect, it } from 'vitest';
import { formatParserError, parseProfile, type AstNode, type BodyItem, type ProfileNode } from '../../src/apparmor/index.ts';

function body(text: string, version: '3.0' | '5.0' = '3.0'): BodyItem[] {
  const { ast, diagnostics } = parseProfile(`profile p {\n${text}\n}\n`, { version });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return (ast.items[0] as ProfileNode).body;
}

function firstError(text: string, version: '3.0' | '5.0' = '3.0'): string {
  const error = parseProfile(text, { version }).diagnostics.find((d) => d.severity === 'error');
  return error ? formatParserError(error) : '';
}

describe('parseProfile', () => {
  it('reads a profile header: keyword, name, attachment, xattrs and flags', () => {
    const { ast } = parseProfile('profile web /usr/sbin/nginx xattrs=(user.trust=yes) flags=(complain, attach_disconnected) {\n}\n');
    const node = ast.items[0] as ProfileNode;
    expect(node).toMatchObject({ kind: 'profile', keyword: 'profile', name: { text: 'web' }, attachment: { text: '/usr/sbin/nginx' } });
    expect(node.xattrs.map((x) => [x.name, x.value?.text])).toEqual([['user.trust', 'yes']]);
    expect(node.flags).toMatchObject({ mode: 'complain', audit: false, hasFlagsKeyword: true });
    expect(node.flags?.list.map((f) => f.name)).toEqual(['complain', 'attach_disconnected']);
  });

  it('reads bare-path profiles, namespaces, hats and child profiles', () => {
    const { ast } = parseProfile('/usr/bin/a {\n  ^hat {\n  }\n  hat other {\n  }\n  profile child {\n  }\n}\nprofile :ns:b {\n}\n');
    const [a, b] = ast.items as ProfileNode[];
    expect(a?.keyword).toBeUndefined();
    expect(a?.body.map((i) => [(i as ProfileNode).kind, (i as ProfileNode).keyword, (i as ProfileNode).name.text]))
      .toEqual([['hat', '^', 'hat'], ['hat', 'hat', 'other'], ['profile', 'profile', 'child']]);
    expect(b).toMatchObject({ namespace: 'ns', name: { text: 'b' } });
  });

  it('decodes file permissions and every exec mode', () => {
    const table: [string, string | undefined][] = [
      ['r', undefined], ['ix', 'ix'], ['px', 'px'], ['Px', 'Px'], ['cx', 'cx'], ['Cx', 'Cx'], ['ux', 'ux'], ['Ux', 'Ux'],
      ['pix', 'pix'], ['Pix', 'Pix'], ['PIx', 'Pix'], ['cix', 'cix'], ['Cix', 'Cix'], ['pux', 'pux'], ['PUx', 'PUx'],
      ['Pux', 'PUx'], ['cux', 'cux'], ['CUx', 'CUx'],
    ];
    for (const [mode, exec] of table) {
      const [rule] = body(`/x ${mode},`);
      expect(rule).toMatchObject({ kind: 'file', mode: { text: mode, decoded: { exec } } });
    }
    const [rule] = body('/x rwlkm,');
    expect(rule).toMatchObject({ mode: { decoded: { read: true, write: true, append: true, link: true, lock: true, mmap: true } } });
  });

  it('reads leading permissions, bare file, targets and the l spelling of link rules', () => {
    const items = body('rw /a,\nfile,\n/bin/sh Cx -> sh,\nl /new -> /old,\nlink subset /n -> /t,');
    expect(items.map((i) => i.kind)).toEqual(['file', 'file', 'file', 'link', 'link']);
    expect(items[0]).toMatchObject({ isModeLeading: true, path: { text: '/a' } });
    expect(items[1]).toMatchObject({ isBare: true });
    expect(items[2]).toMatchObject({ target: { text: 'sh' } });
    expect(items[3]).toMatchObject({ isModeForm: true, link: { text: '/new' }, target: { text: '/old' } });
    expect(items[4]).toMatchObject({ isSubset: true });
  });

  it('reads qualifiers in their fixed order and qualifier blocks', () => {
    const [rule, block] = body('audit deny owner /x r,\naudit {\n  /y r,\n}');
    expect(rule).toMatchObject({ qualifiers: { audit: true, access: 'deny', owner: 'owner' } });
    expect(block).toMatchObject({ kind: 'qualifier_block', qualifiers: { audit: true }, body: [{ kind: 'file' }] });
  });

  it('reads every other rule kind', () => {
    const items = body([
      'capability chown setuid,', 'network inet tcp,', 'signal (send) set=(term) peer=x,', 'ptrace read peer=y,',
      'unix (connect) type=stream peer=(label=z),', 'dbus send bus=system member=Hello,', 'mount fstype=tmpfs none -> /m/,',
      'remount /m/,', 'umount /m/,', 'pivot_root oldroot=/o/ /n/ -> t,', 'change_profile /bin/x -> t,', 'set rlimit nofile <= 10,',
    ].join('\n'));
    expect(items.map((i) => i.kind)).toEqual([
      'capability', 'network', 'signal', 'ptrace', 'unix', 'dbus', 'mount', 'remount', 'umount', 'pivot_root', 'change_profile', 'rlimit',
    ]);
    expect(items[1]).toMatchObject({ family: { text: 'inet' }, protocol: { text: 'tcp' } });
    expect(items[4]).toMatchObject({ conditionals: [{ name: 'type' }, { name: 'peer', nested: [{ name: 'label', values: [{ text: 'z' }] }] }] });
    expect(items[11]).toMatchObject({ resource: { text: 'nofile' }, value: { text: '10' } });
  });

  it('reads 5.x rules only at level 5.0, and says at 3.0 which release added newer flags', () => {
    expect(body('userns,\nmqueue r type=posix /q,\nio_uring sqpoll,\nall,\npriority=5 /x r,', '5.0').map((i) => i.kind))
      .toEqual(['userns', 'mqueue', 'io_uring', 'all', 'file']);
    const flag = parseProfile('profile p flags=(default_allow) {\n}\n').diagnostics[0];
    expect(flag?.message).toContain('added in AppArmor 4.0');
    expect(flag && formatParserError(flag)).toBe('AppArmor parser error at line 1: Invalid profile flag: default_allow.');
  });

  it('words syntax errors as bison does', () => {
    expect(firstError('profile t {\n  /x r\n}\n')).toBe('AppArmor parser error at line 3: syntax error, unexpected TOK_CLOSE, expecting TOK_END_OF_RULE');
    expect(firstError('profile t {\n  deny audit /x r,\n}\n'))
      .toBe('AppArmor parser error at line 2: syntax error, unexpected TOK_AUDIT, expecting TOK_ID or TOK_MODE or TOK_SET_VAR');
    expect(firstError('profile t {\n  /x r,\n')).toBe('AppArmor parser error at line 3: syntax error, unexpected end of file, expecting TOK_ID or TOK_MODE or TOK_SET_VAR');
    expect(firstError('profile t {\n}\n@{X}=/a\n')).toBe('AppArmor parser error at line 3: syntax error, unexpected TOK_SET_VAR, expecting end of file');
  });

  it('words semantic errors as apparmor_parser 3.0.8 does', () => {
    expect(firstError('profile t {\n  /x wa,\n}\n')).toBe("AppArmor parser error at line 2: Conflict 'a' and 'w' perms are mutually exclusive.");
    expect(firstError('profile t {\n  /x ixpx,\n}\n')).toBe("AppArmor parser error at line 2: Exec qualifier 'p' invalid, conflicting qualifier already specified");
    expect(firstError('profile t {\n  owner capability chown,\n}\n')).toBe('AppArmor parser error at line 2: owner prefix not allowed on capability rules');
    expect(firstError('foo {\n}\n')).toBe("AppArmor parser error at line 2: Profile names must begin with a '/', namespace or keyword 'profile' or 'hat'.");
  });

  it('recovers after an error and keeps parsing the following rules', () => {
    const { ast, diagnostics } = parseProfile('profile p {\n  /a r\n  /b rw,\n  bogus;\n  capability chown,\n}\nprofile q {\n}\n');
    expect(diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThanOrEqual(2);
    const names = ast.items.map((i) => (i as ProfileNode).name.text);
    expect(names).toEqual(['p', 'q']);
    expect((ast.items[0] as ProfileNode).body.some((i) => i.kind === 'capability')).toBe(true);
  });

  it('gives every node and diagnostic a range inside the text', () => {
    const text = '@{D}=/srv\nprofile p /usr/bin/p {\n  include <abstractions/base>\n  @{D}/** r,\n  audit { network, }\n  ^h { /h r, }\n}\n';
    const { ast } = parseProfile(text);
    const visit = (node: AstNode): void => {
      expect(node.range[0]).toBeGreaterThanOrEqual(0);
      expect(node.range[1]).toBeLessThanOrEqual(text.length);
      expect(node.range[0]).toBeLessThanOrEqual(node.range[1]);
      if (node.kind === 'profile' || node.kind === 'hat' || node.kind === 'qualifier_block') node.body.forEach(visit);
    };
    ast.items.forEach(visit);
    const rule = ((ast.items[1] as ProfileNode).body[1]);
    expect(text.slice(...(rule?.range ?? [0, 0]))).toBe('@{D}/** r,');
    for (const d of parseProfile('profile p {\n  /x q,\n  capability bogus,\n}\n').diagnostics) {
      expect(d.range[1]).toBeLessThanOrEqual(40);
    }
  });

  it('parses an abstraction as a profile body with context "body"', () => {
    const { ast, diagnostics } = parseProfile('/etc/hosts r,\ninclude <abstractions/nameservice>\n', { context: 'body' });
    expect(diagnostics).toEqual([]);
    expect(ast.items.map((i) => i.kind)).toEqual(['file', 'include']);
  });

  it('never throws, whatever the input', () => {
    for (const text of ['', '}', '{{{{', 'profile', 'profile p { /x', '@{', '"', '^', 'network ,', 'if $x {', '\u0000\u00ff']) {
      expect(() => parseProfile(text)).not.toThrow();
      expect(() => parseProfile(text, { version: '5.0' })).not.toThrow();
    }
  });
});

describe('robustness on arbitrary input', () => {
  const pieces = [
    'profile', ' ', '\n', '{', '}', ',', '/tmp/', '**', 'r', 'rw', 'ix', 'Px', '->', 'deny', 'audit', 'owner', 'capability',
    'chown', 'network', 'inet', 'signal', 'set=(', ')', 'peer=(', 'label=', '@{X}', '=', '+=', '"', '#', 'include', '<a>',
    '^', 'hat', 'flags=(', 'complain', 'if', '$b', 'else', 'mount', 'unix', 'dbus', 'file', 'link', '\\', '[', ']', 'x',
  ];
  it('never throws and keeps every range inside the text, at both levels', async () => {
    const fc = await import('fast-check');
    const { checkProfile, printPolicy } = await import('../../src/apparmor/index.ts');
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      for (const version of ['3.0', '5.0'] as const) {
        const { ast, diagnostics } = checkProfile(text, { version });
        for (const d of diagnostics.filter((x) => x.file === undefined && x.related === undefined)) {
          expect(d.range[0]).toBeGreaterThanOrEqual(0);
          expect(d.range[1]).toBeLessThanOrEqual(text.length);
        }
        expect(() => printPolicy(ast)).not.toThrow();
      }
    }), { numRuns: 300 });
  });
});
