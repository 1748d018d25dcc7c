// Table-driven token tests for src/syntax/apparmor.tmLanguage.json: one row per construct of the
// policy language (APPARMOR.md §1–6), each asserting the innermost scope of one token.
import { describe, expect, it } from 'vitest';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { grammar, grammarRegexes, tokenize, type ScopedPiece } from './tokenize.ts';

type Row = {
  /** What the row is about. */
  construct: string;
  /** The policy text; rules are tokenized inside `profile t { … }` unless `isPreamble`. */
  code: string;
  /** The exact text of the token under test. */
  token: string;
  /** The scope expected innermost on that token. */
  scope: string;
  /** Which occurrence of `token` (0-based), when it appears more than once. */
  nth?: number;
  isPreamble?: boolean;
};

const COMMENT = 'comment.line.number-sign.apparmor';
const INCLUDE = 'keyword.control.directive.include.apparmor';
const LT_GT = 'string.quoted.other.lt-gt.include.apparmor';
const DQ = 'string.quoted.double.apparmor';
const VAR = 'variable.other.apparmor';
const ASSIGN = 'keyword.operator.assignment.apparmor';
const PROFILE = 'storage.type.profile.apparmor';
const NAME = 'entity.name.function.profile.apparmor';
const QUAL = 'storage.modifier.qualifier.apparmor';
const PATH = 'string.unquoted.path.apparmor';
const GLOB = 'keyword.operator.glob.apparmor';
const PERM = 'constant.character.permission.apparmor';
const RULE = 'keyword.other.rule.apparmor';
const PARAM = 'variable.parameter.apparmor';
const TERM = 'punctuation.terminator.rule.apparmor';

const ROWS: Row[] = [
  // comments
  { construct: 'a whole-line comment', code: '# deny writes', token: '# deny writes', scope: COMMENT, isPreamble: true },
  { construct: 'a trailing comment', code: '/tmp/x r, # why', token: '# why', scope: COMMENT },
  { construct: 'a comment inside a multi-line rule', code: 'capability # the one we need\n  chown,', token: 'chown', scope: 'constant.language.capability.apparmor' },
  { construct: 'a # inside a quoted path', code: '"/srv/a #b" r,', token: '/srv/a #b', scope: DQ },
  { construct: 'a # inside an unquoted path (apparmor_parser reads /tmp/a#b as one path)', code: '/tmp/a#b r,', token: '/tmp/a#b', scope: PATH },
  { construct: '#include', code: '#include <tunables/global>', token: '#include', scope: INCLUDE, isPreamble: true },
  { construct: '# include with a space, which is a comment', code: '# include <x>', token: '# include <x>', scope: COMMENT, isPreamble: true },
  // includes and abi
  { construct: 'include <magic>', code: 'include <abstractions/base>', token: 'include', scope: INCLUDE },
  { construct: 'the <magic> include path', code: 'include <abstractions/base>', token: '<abstractions/base>', scope: LT_GT },
  { construct: 'include if exists', code: 'include if exists "/etc/apparmor.d/local/x"', token: 'if exists', scope: INCLUDE },
  { construct: 'a quoted include path', code: 'include if exists "/etc/apparmor.d/local/x"', token: '"/etc/apparmor.d/local/x"', scope: DQ },
  { construct: 'abi', code: 'abi <abi/3.0>,', token: 'abi', scope: INCLUDE, isPreamble: true },
  { construct: 'the abi target', code: 'abi <abi/3.0>,', token: '<abi/3.0>', scope: LT_GT, isPreamble: true },
  { construct: 'the abi terminator', code: 'abi <abi/3.0>,', token: ',', scope: TERM, isPreamble: true },
  // variables
  { construct: 'a variable assignment', code: '@{HOME} = /home/*/ /root/', token: '@{HOME}', scope: VAR, isPreamble: true },
  { construct: 'the = of an assignment', code: '@{HOME} = /home/*/ /root/', token: '=', scope: ASSIGN, isPreamble: true },
  { construct: 'a += assignment', code: '@{HOME} += /srv/home/', token: '+=', scope: ASSIGN, isPreamble: true },
  { construct: 'a path value of an assignment', code: '@{HOME} = /home/*/ /root/', token: '/root/', scope: PATH, isPreamble: true },
  { construct: 'a boolean assignment', code: '$use_net = true', token: '$use_net', scope: VAR, isPreamble: true },
  { construct: 'a braced boolean', code: 'if ${use_net} {\n}', token: '${use_net}', scope: VAR, isPreamble: true },
  { construct: 'a variable inside a path', code: 'owner @{HOME}/** r,', token: '@{HOME}', scope: VAR },
  // profile headers
  { construct: 'the profile keyword', code: 'profile k8s-deny-write flags=(complain) {\n}', token: 'profile', scope: PROFILE, isPreamble: true },
  { construct: 'a profile name', code: 'profile k8s-deny-write flags=(complain) {\n}', token: 'k8s-deny-write', scope: NAME, isPreamble: true },
  { construct: 'the flags keyword', code: 'profile k8s-deny-write flags=(complain) {\n}', token: 'flags', scope: 'keyword.other.flags.apparmor', isPreamble: true },
  { construct: 'a profile flag', code: 'profile k8s-deny-write flags=(complain) {\n}', token: 'complain', scope: 'constant.language.flag.apparmor', isPreamble: true },
  { construct: 'flags without the flags= keyword', code: 'profile p /usr/bin/p (attach_disconnected, mediate_deleted) {\n}', token: 'mediate_deleted', scope: 'constant.language.flag.apparmor', isPreamble: true },
  { construct: 'a profile attachment', code: 'profile p /usr/bin/p (attach_disconnected) {\n}', token: '/usr/bin/p', scope: PATH, isPreamble: true },
  { construct: 'a bare path as profile name', code: '/usr/sbin/nginx flags=(enforce) {\n}', token: '/usr/sbin/nginx', scope: NAME, isPreamble: true },
  { construct: 'a quoted profile name', code: 'profile "my app" {\n}', token: '"my app"', scope: NAME, isPreamble: true },
  { construct: 'the opening brace', code: 'profile p {\n}', token: '{', scope: 'punctuation.section.block.begin.apparmor', isPreamble: true },
  { construct: 'the closing brace', code: 'profile p {\n}', token: '}', scope: 'punctuation.section.block.end.apparmor', isPreamble: true },
  { construct: 'a child profile', code: 'profile child /usr/bin/child {\n}', token: 'child', scope: NAME },
  // hats
  { construct: 'a ^hat caret', code: '^cgi {\n  /srv/cgi/** r,\n}', token: '^', scope: PROFILE },
  { construct: 'a ^hat name', code: '^cgi {\n  /srv/cgi/** r,\n}', token: 'cgi', scope: NAME },
  { construct: 'the hat keyword', code: 'hat php {\n}', token: 'hat', scope: PROFILE },
  { construct: 'a rule inside a hat', code: '^cgi {\n  /srv/cgi/** r,\n}', token: 'r', scope: PERM },
  // qualifiers
  { construct: 'audit', code: 'audit deny /etc/shadow w,', token: 'audit', scope: QUAL },
  { construct: 'deny', code: 'audit deny /etc/shadow w,', token: 'deny', scope: QUAL },
  { construct: 'allow', code: 'allow /tmp/ r,', token: 'allow', scope: QUAL },
  { construct: 'owner', code: 'owner /home/*/ rw,', token: 'owner', scope: QUAL },
  { construct: 'other', code: 'other /home/*/ r,', token: 'other', scope: QUAL },
  { construct: 'the 4.x priority prefix', code: 'priority=-5 deny /etc/** w,', token: 'priority', scope: QUAL },
  { construct: 'the value of priority', code: 'priority=-5 deny /etc/** w,', token: '-5', scope: 'constant.numeric.apparmor' },
  { construct: 'a qualifier block', code: 'audit {\n  /etc/ r,\n}', token: 'audit', scope: QUAL },
  // file rules
  { construct: 'a path with trailing permissions', code: '/tmp/** rw,', token: '/tmp/', scope: PATH },
  { construct: 'the ** glob', code: '/tmp/** rw,', token: '**', scope: GLOB },
  { construct: 'trailing permissions', code: '/tmp/** rw,', token: 'rw', scope: PERM },
  { construct: 'the rule terminator', code: '/tmp/** rw,', token: ',', scope: TERM },
  { construct: 'leading permissions', code: 'rw /tmp/**,', token: 'rw', scope: PERM },
  { construct: 'a path after leading permissions', code: 'rw /tmp/**,', token: '/tmp/', scope: PATH },
  { construct: 'the * glob', code: '/var/log/*.log r,', token: '*', scope: GLOB },
  { construct: 'the ? glob', code: '/dev/tty? rw,', token: '?', scope: GLOB },
  { construct: 'a [] character class', code: '/tmp/[a-z]* r,', token: '[a-z]', scope: GLOB },
  { construct: 'a {} alternation', code: '/etc/{passwd,group} r,', token: '{', scope: GLOB, nth: 1 },
  { construct: 'a comma inside an alternation, which does not end the rule', code: '/etc/{passwd,group} r,', token: ',', scope: GLOB },
  { construct: 'permissions after an alternation', code: '/etc/{passwd,group} r,', token: 'r', scope: PERM },
  { construct: 'a quoted path with spaces', code: '"/home/*/My Documents/**" rw,', token: '/My Documents/', scope: DQ },
  { construct: 'a glob in a quoted path', code: '"/home/*/My Documents/**" rw,', token: '**', scope: GLOB },
  { construct: 'permissions after a quoted path', code: '"/home/*/My Documents/**" rw,', token: 'rw', scope: PERM },
  { construct: 'mmap and read', code: '/usr/lib/** mr,', token: 'mr', scope: PERM },
  { construct: 'append', code: '/var/log/app.log a,', token: 'a', scope: PERM },
  { construct: 'lock', code: '/run/app.lock rwk,', token: 'rwk', scope: PERM },
  { construct: 'the ix exec mode', code: '/usr/bin/curl ix,', token: 'ix', scope: PERM },
  { construct: 'the Px exec mode', code: '/usr/bin/helper Px -> helper-profile,', token: 'Px', scope: PERM },
  { construct: 'the -> of an exec transition', code: '/usr/bin/helper Px -> helper-profile,', token: '->', scope: ASSIGN },
  { construct: 'an exec target profile', code: '/usr/bin/helper Px -> helper-profile,', token: 'helper-profile', scope: NAME },
  { construct: 'the Cx exec mode', code: '/bin/** Cx -> child,', token: 'Cx', scope: PERM },
  { construct: 'the pix exec mode', code: '/usr/bin/tool pix,', token: 'pix', scope: PERM },
  { construct: 'the cix exec mode', code: '/usr/bin/tool cix,', token: 'cix', scope: PERM },
  { construct: 'the PUx exec mode', code: '/usr/bin/tool PUx,', token: 'PUx', scope: PERM },
  { construct: 'the Ux exec mode', code: '/usr/bin/tool Ux,', token: 'Ux', scope: PERM },
  { construct: 'a leading exec mode', code: 'px /usr/bin/tool,', token: 'px', scope: PERM },
  { construct: 'the file keyword', code: 'file,', token: 'file', scope: RULE },
  { construct: 'deny with bare x', code: 'deny /usr/bin/** x,', token: 'x', scope: PERM },
  // link rules
  { construct: 'the link keyword', code: 'link subset /tmp/new -> /tmp/target,', token: 'link', scope: RULE },
  { construct: 'link subset', code: 'link subset /tmp/new -> /tmp/target,', token: 'subset', scope: 'keyword.other.subset.apparmor' },
  { construct: 'a link target path', code: 'link subset /tmp/new -> /tmp/target,', token: '/tmp/target', scope: PATH },
  { construct: 'a link rule written with l', code: 'l /tmp/new -> /tmp/target,', token: 'l', scope: PERM },
  // capability
  { construct: 'the capability keyword', code: 'capability net_admin sys_time,', token: 'capability', scope: RULE },
  { construct: 'a capability name', code: 'capability net_admin sys_time,', token: 'sys_time', scope: 'constant.language.capability.apparmor' },
  { construct: 'the capability terminator', code: 'capability net_admin sys_time,', token: ',', scope: TERM },
  { construct: 'a bare capability rule', code: 'deny capability,', token: 'capability', scope: RULE },
  // network
  { construct: 'the network keyword', code: 'network inet stream,', token: 'network', scope: RULE },
  { construct: 'a network family', code: 'network inet6 tcp,', token: 'inet6', scope: 'constant.language.network.apparmor' },
  { construct: 'a network protocol', code: 'network inet6 tcp,', token: 'tcp', scope: 'constant.language.network.apparmor' },
  { construct: 'the raw type, which is not a permission', code: 'deny network raw,', token: 'raw', scope: 'constant.language.network.apparmor' },
  // signal
  { construct: 'the signal keyword', code: 'signal (send) set=(term, kill) peer=k8s-*,', token: 'signal', scope: RULE },
  { construct: 'a signal access', code: 'signal (send) set=(term, kill) peer=k8s-*,', token: 'send', scope: PERM },
  { construct: 'the set= conditional', code: 'signal (send) set=(term, kill) peer=k8s-*,', token: 'set', scope: PARAM },
  { construct: 'a signal name', code: 'signal (send) set=(term, kill) peer=k8s-*,', token: 'kill', scope: 'support.constant.signal.apparmor' },
  { construct: 'a real-time signal', code: 'signal receive set=rtmin+2,', token: 'rtmin+2', scope: 'support.constant.signal.apparmor' },
  { construct: 'the peer= conditional', code: 'signal (send) set=(term, kill) peer=k8s-*,', token: 'peer', scope: PARAM },
  // ptrace
  { construct: 'the ptrace keyword', code: 'ptrace (read, trace) peer=unconfined,', token: 'ptrace', scope: RULE },
  { construct: 'a ptrace access', code: 'ptrace (read, trace) peer=unconfined,', token: 'trace', scope: PERM },
  { construct: 'the ptrace peer', code: 'ptrace (read, trace) peer=unconfined,', token: 'peer', scope: PARAM },
  // mount
  { construct: 'the mount keyword', code: 'mount fstype=tmpfs options=(rw, nosuid) -> /mnt/,', token: 'mount', scope: RULE },
  { construct: 'the fstype= conditional', code: 'mount fstype=tmpfs options=(rw, nosuid) -> /mnt/,', token: 'fstype', scope: PARAM },
  { construct: 'the options= conditional', code: 'mount fstype=tmpfs options=(rw, nosuid) -> /mnt/,', token: 'options', scope: PARAM },
  { construct: 'a mount option', code: 'mount fstype=tmpfs options=(rw, nosuid) -> /mnt/,', token: 'nosuid', scope: 'constant.language.mount-option.apparmor' },
  { construct: 'a comma in a mount option list, which does not end the rule', code: 'mount options=(ro, bind) /a/ -> /b/,', token: '/b/', scope: PATH },
  { construct: 'a mount option list across lines', code: 'mount options=(ro,\n  bind) /a/ -> /b/,', token: 'bind', scope: 'constant.language.mount-option.apparmor' },
  { construct: 'a mount point', code: 'mount fstype=tmpfs options=(rw, nosuid) -> /mnt/,', token: '/mnt/', scope: PATH },
  { construct: 'remount', code: 'remount /data/,', token: 'remount', scope: RULE },
  { construct: 'umount', code: 'deny umount /**,', token: 'umount', scope: RULE },
  { construct: 'pivot_root', code: 'pivot_root oldroot=/old/ /new/,', token: 'pivot_root', scope: RULE },
  // unix
  { construct: 'the unix keyword', code: 'unix (connect, send) type=stream peer=(addr=@dbus*),', token: 'unix', scope: RULE },
  { construct: 'a unix access', code: 'unix (connect, send) type=stream peer=(addr=@dbus*),', token: 'connect', scope: PERM },
  { construct: 'the type= conditional', code: 'unix (connect, send) type=stream peer=(addr=@dbus*),', token: 'type', scope: PARAM },
  { construct: 'the addr= conditional', code: 'unix (connect, send) type=stream peer=(addr=@dbus*),', token: 'addr', scope: PARAM },
  { construct: 'the label= conditional', code: 'unix receive peer=(label=k8s-*),', token: 'label', scope: PARAM },
  // dbus
  { construct: 'the dbus keyword', code: 'dbus send bus=system path=/org/a interface=org.a.B member=Get peer=(name=org.a),', token: 'dbus', scope: RULE },
  { construct: 'the bus= conditional', code: 'dbus send bus=system path=/org/a interface=org.a.B member=Get peer=(name=org.a),', token: 'bus', scope: PARAM },
  { construct: 'the path= conditional', code: 'dbus send bus=system path=/org/a interface=org.a.B member=Get peer=(name=org.a),', token: 'path', scope: PARAM },
  { construct: 'the interface= conditional', code: 'dbus send bus=system path=/org/a interface=org.a.B member=Get peer=(name=org.a),', token: 'interface', scope: PARAM },
  { construct: 'the member= conditional', code: 'dbus send bus=system path=/org/a interface=org.a.B member=Get peer=(name=org.a),', token: 'member', scope: PARAM },
  { construct: 'the name= conditional', code: 'dbus send bus=system path=/org/a interface=org.a.B member=Get peer=(name=org.a),', token: 'name', scope: PARAM },
  { construct: 'a {} alternation in a dbus member=, whose commas do not end the rule', code: 'dbus send member={Hello,AddMatch} peer=(name=org.a),', token: 'peer', scope: PARAM },
  { construct: 'a quoted signal name', code: 'signal (receive, send) set=("exists"),', token: 'exists', scope: DQ },
  { construct: 'a quoted peer', code: 'signal (receive) peer="unconfined",', token: '"unconfined"', scope: DQ },
  { construct: 'bind, an access in a unix rule', code: 'unix (bind, listen) type=stream addr="@app",', token: 'bind', scope: PERM },
  { construct: 'bind, an option in a mount rule', code: 'mount options=(bind) /a/ -> /b/,', token: 'bind', scope: 'constant.language.mount-option.apparmor' },
  // change_profile
  { construct: 'the change_profile keyword', code: 'change_profile -> k8s-*,', token: 'change_profile', scope: RULE },
  { construct: 'a change_profile target', code: 'change_profile -> k8s-*,', token: 'k8s-*', scope: NAME },
  { construct: 'a change_profile exec condition', code: 'change_profile unsafe /usr/bin/runc -> runc,', token: '/usr/bin/runc', scope: PATH },
  { construct: 'change_profile unsafe', code: 'change_profile unsafe /usr/bin/runc -> runc,', token: 'unsafe', scope: QUAL },
  // rlimit
  { construct: 'set of set rlimit', code: 'set rlimit nproc <= 10,', token: 'set', scope: RULE },
  { construct: 'rlimit', code: 'set rlimit nproc <= 10,', token: 'rlimit', scope: RULE },
  { construct: 'the <= of rlimit', code: 'set rlimit nproc <= 10,', token: '<=', scope: ASSIGN },
  { construct: 'an rlimit value', code: 'set rlimit nproc <= 10,', token: '10', scope: 'constant.numeric.apparmor' },
  // newer rule kinds
  { construct: 'userns', code: 'userns,', token: 'userns', scope: RULE },
  { construct: 'mqueue', code: 'mqueue,', token: 'mqueue', scope: RULE },
  { construct: 'io_uring', code: 'io_uring,', token: 'io_uring', scope: RULE },
  { construct: 'all', code: 'all,', token: 'all', scope: RULE },
];

function inProfile(row: Row): string {
  return row.isPreamble ? row.code : `profile t {\n  ${row.code.replaceAll('\n', '\n  ')}\n}\n`;
}

function innermost(piece: ScopedPiece): string {
  return piece.scopes.at(-1) ?? '';
}

describe('the AppArmor TextMate grammar', () => {
  it.each(ROWS)('gives $construct the scope $scope', async (row) => {
    const pieces = (await tokenize(inProfile(row))).filter((p) => p.text === row.token);
    const piece = pieces[row.nth ?? 0];
    expect(piece, `no token ${JSON.stringify(row.token)} in ${JSON.stringify(row.code)}`).toBeDefined();
    expect(innermost(piece!)).toBe(row.scope);
  });

  it('never scopes a # inside a quoted path or an #include as a comment', async () => {
    const pieces = await tokenize('#include <tunables/global>\nprofile p {\n  "/srv/a #b" r,\n  /tmp/a#b r,\n}\n');
    expect(pieces.filter((p) => p.scopes.includes(COMMENT))).toEqual([]);
  });

  it('scopes every non-blank token of a realistic Kubernetes profile', async () => {
    const code = [
      '#include <tunables/global>',
      '',
      'profile k8s-apparmor-example-deny-write flags=(attach_disconnected) {',
      '  #include <abstractions/base>',
      '',
      '  file,',
      '  # Deny all file writes.',
      '  deny /** w,',
      '  network inet tcp,',
      '  capability net_bind_service,',
      '  owner @{PROC}/@{pid}/fd/ r,',
      '  /usr/sbin/nginx ix,',
      '  signal (receive) peer=unconfined,',
      '}',
    ].join('\n');
    const unscoped = (await tokenize(code)).filter((p) => p.text.trim() !== '' && p.scopes.length < 2);
    expect(unscoped).toEqual([]);
  });

  it('is named apparmor with the scope source.apparmor', () => {
    expect(grammar.name).toBe('apparmor');
    expect(grammar.scopeName).toBe('source.apparmor');
  });

  it("compiles every regular expression with Shiki's JavaScript engine (no WASM)", () => {
    const engine = createJavaScriptRegexEngine();
    const regexes = grammarRegexes();
    expect(regexes.length).toBeGreaterThan(50);
    const failures = regexes.flatMap(({ where, source }) => {
      try {
        engine.createScanner([source]);
        return [];
      } catch (error) {
        return [`${where}: ${String(error)}`];
      }
    });
    expect(failures).toEqual([]);
  });
});
