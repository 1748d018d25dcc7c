// Non-file classes as the Linux 6.1 corpus recorded them (conformance/kernel/README.md behaviours 18-20 and
// 23): capability bits with EPERM and de-duplicated records, 3.0 network family/type masks, two-sided
// signal and ptrace checks, mount info texts, rlimit caps and change_profile targets.
import { describe, expect, it } from 'vitest';
import { AuditCache } from '../../src/apparmor/audit/cache.ts';
import { evaluate } from '../../src/apparmor/policy/evaluate.ts';
import type { CapabilityRequest, NetworkRequest } from '../../src/apparmor/policy/request.ts';
import { compileText, profileOf } from './evaluate-helpers.ts';

const cap = (capability: string, extra: Partial<CapabilityRequest> = {}): CapabilityRequest => ({ class: 'capability', capability, comm: 'aaop', ...extra });
const sock = (family: string, type: string, protocol = 0): NetworkRequest => ({ class: 'network', operation: 'create', family, type, protocol, comm: 'aaop' });

describe('capabilities', () => {
  it('denies a capability no rule grants with EPERM and the kernel line, double space included', () => {
    const p = profileOf('profile cap-net_raw-no { network inet raw, }', 'cap-net_raw-no');
    const d = evaluate(p, cap('net_raw', { pid: 147, stamp: '1795333803.383:50' }));
    expect(d).toMatchObject({ verdict: 'deny', reason: 'implicit-deny', errno: 'EPERM' });
    expect(d.record?.line).toBe('type=1400 audit(1795333803.383:50): apparmor="DENIED" operation="capable" profile="cap-net_raw-no" pid=147 comm="aaop" capability=13  capname="net_raw"');
  });

  it('grants every capability with bare capability, and deny capability wins silently', () => {
    const p = profileOf('profile c { capability, deny capability net_raw, }', 'c');
    expect(evaluate(p, cap('sys_admin')).verdict).toBe('allow');
    expect(evaluate(p, cap('net_raw'))).toMatchObject({ verdict: 'deny', reason: 'explicit-deny', audit: false });
  });

  it('logs an audited capability as AUDIT', () => {
    const p = profileOf('profile cap-audit { audit capability sys_chroot, }', 'cap-audit');
    expect(evaluate(p, cap('sys_chroot')).record?.line).toBe('type=1400 apparmor="AUDIT" operation="capable" profile="cap-audit" pid=<pid> comm="aaop" capability=18  capname="sys_chroot"');
  });

  it('logs the second identical denial of a profile only once, through the caller\'s cache (behaviour 18)', () => {
    const p = profileOf('profile p { }', 'p');
    const cache = new AuditCache();
    expect(evaluate(p, cap('chown'), { auditCache: cache }).audit).toBe(true);
    const again = evaluate(p, cap('chown'), { auditCache: cache });
    expect(again).toMatchObject({ verdict: 'deny', audit: false, errno: 'EPERM' });
    expect(evaluate(p, cap('fowner'), { auditCache: cache }).audit).toBe(true);
    expect(evaluate(p, cap('chown')).audit).toBe(true);
  });

  it('allows in complain mode with an ALLOWED record', () => {
    const p = profileOf('profile complain-basic flags=(complain) { }', 'complain-basic');
    const d = evaluate(p, cap('sys_chroot'));
    expect(d).toMatchObject({ verdict: 'allow', reason: 'complain-allowed' });
    expect(d.record?.line).toContain('apparmor="ALLOWED" operation="capable"');
  });
});

describe('network (3.0 family/type masks, behaviour 19)', () => {
  it('maps network tcp to inet and inet6 stream only', () => {
    const p = profileOf('profile net-tcp { network tcp, }', 'net-tcp');
    expect(evaluate(p, sock('inet', 'stream')).verdict).toBe('allow');
    expect(evaluate(p, sock('inet6', 'stream')).verdict).toBe('allow');
    expect(evaluate(p, sock('inet', 'dgram')).record?.line).toBe('type=1400 apparmor="DENIED" operation="create" profile="net-tcp" pid=<pid> comm="aaop" family="inet" sock_type="dgram" protocol=0 requested_mask="create" denied_mask="create"');
    expect(evaluate(p, sock('unix', 'stream')).verdict).toBe('deny');
  });

  it('makes deny network raw block raw sockets of every family, silently', () => {
    const p = profileOf('profile n { network, deny network raw, }', 'n');
    for (const family of ['inet', 'netlink', 'packet']) expect(evaluate(p, sock(family, 'raw'))).toMatchObject({ verdict: 'deny', audit: false });
    expect(evaluate(p, sock('inet', 'stream')).verdict).toBe('allow');
  });

  it('lets abstractions/base alone allow unix sockets, since its unix rules downgrade to network unix', () => {
    const p = profileOf('#include <tunables/global>\nprofile net-base { #include <abstractions/base> }', 'net-base');
    expect(evaluate(p, sock('unix', 'stream')).verdict).toBe('allow');
    expect(evaluate(p, sock('unix', 'dgram')).verdict).toBe('allow');
    expect(evaluate(p, sock('inet', 'stream')).verdict).toBe('deny');
  });

  it('logs audited sockets as AUDIT without denied_mask, and complain mode as ALLOWED', () => {
    const a = profileOf('profile net-audit { audit network inet stream, }', 'net-audit');
    expect(evaluate(a, sock('inet', 'stream')).record?.line).toBe('type=1400 apparmor="AUDIT" operation="create" profile="net-audit" pid=<pid> comm="aaop" family="inet" sock_type="stream" protocol=0 requested_mask="create"');
    const c = profileOf('profile net-complain flags=(complain) { network inet stream, }', 'net-complain');
    expect(evaluate(c, sock('inet', 'dgram')).record?.line).toBe('type=1400 apparmor="ALLOWED" operation="create" profile="net-complain" pid=<pid> comm="aaop" family="inet" sock_type="dgram" protocol=0 requested_mask="create" denied_mask="create"');
  });
});

describe('signal and ptrace (behaviour 20)', () => {
  it('checks the sender for send with the target\'s label as peer', () => {
    const p = profileOf('profile sig-send-hup { signal (send) set=(hup) peer=unconfined, }', 'sig-send-hup');
    expect(evaluate(p, { class: 'signal', access: 'send', signal: 'hup', peer: 'unconfined' }).verdict).toBe('allow');
    expect(evaluate(p, { class: 'signal', access: 'send', signal: 'term', peer: 'unconfined', comm: 'aaop' }).record?.line).toBe('type=1400 apparmor="DENIED" operation="signal" profile="sig-send-hup" pid=<pid> comm="aaop" requested_mask="send" denied_mask="send" signal=term peer="unconfined"');
  });

  it('checks the receiver too, even for SIGKILL from unconfined', () => {
    const p = profileOf('profile sig-none { }', 'sig-none');
    expect(evaluate(p, { class: 'signal', access: 'receive', signal: 'kill', peer: 'unconfined', comm: 'aaop' }).record?.line).toContain('requested_mask="receive" denied_mask="receive" signal=kill peer="unconfined"');
  });

  it('lets docker-default receive from unconfined but not signal the host', () => {
    const p = profileOf('profile docker-default { signal (receive) peer=unconfined, signal (send,receive) peer=docker-default, }', 'docker-default');
    expect(evaluate(p, { class: 'signal', access: 'receive', signal: 'term', peer: 'unconfined' }).verdict).toBe('allow');
    expect(evaluate(p, { class: 'signal', access: 'send', signal: 'term', peer: 'unconfined' }).verdict).toBe('deny');
    expect(evaluate(p, { class: 'signal', access: 'send', signal: 'term', peer: 'docker-default' }).verdict).toBe('allow');
  });

  it('needs trace to attach and read to read /proc, each logged with its word', () => {
    const p = profileOf('profile pt { ptrace (read) peer=unconfined, }', 'pt');
    expect(evaluate(p, { class: 'ptrace', access: 'read', peer: 'unconfined' }).verdict).toBe('allow');
    expect(evaluate(p, { class: 'ptrace', access: 'trace', peer: 'unconfined', comm: 'aaop' }).record?.line).toBe('type=1400 apparmor="DENIED" operation="ptrace" profile="pt" pid=<pid> comm="aaop" requested_mask="trace" denied_mask="trace" peer="unconfined"');
  });
});

describe('mount, rlimit and change_profile', () => {
  const mnt = profileOf('profile mnt-tmpfs { mount fstype=tmpfs -> /tmp/m/, umount /tmp/m/, }', 'mnt-tmpfs');

  it('allows a mount matching one rule and names the first failing component otherwise', () => {
    expect(evaluate(mnt, { class: 'mount', operation: 'mount', path: '/tmp/m/', fstype: 'tmpfs', source: 'none' }).verdict).toBe('allow');
    const d = evaluate(mnt, { class: 'mount', operation: 'mount', path: '/tmp/m2/', fstype: 'tmpfs', source: 'none', comm: 'aaop' });
    expect(d.record?.line).toBe('type=1400 apparmor="DENIED" operation="mount" info="failed mntpnt match" error=-13 profile="mnt-tmpfs" name="/tmp/m2/" pid=<pid> comm="aaop" fstype="tmpfs" srcname="none"');
    expect(evaluate(mnt, { class: 'mount', operation: 'mount', path: '/tmp/m/', fstype: 'ext4', source: 'none' }).info).toBe('failed type match');
  });

  it('matches options=(…) exactly and options in (…) as a subset', () => {
    const p = profileOf('profile o { mount options=(ro,nosuid) -> /a/, mount options in (ro,nodev) -> /b/, }', 'o');
    const m = (path: string, flags: string[]) => evaluate(p, { class: 'mount', operation: 'mount', path, fstype: 'tmpfs', flags }).verdict;
    expect(m('/a/', ['ro', 'nosuid'])).toBe('allow');
    expect(m('/a/', ['ro'])).toBe('deny');
    expect(m('/b/', ['ro'])).toBe('allow');
    expect(m('/b/', ['ro', 'nosuid'])).toBe('deny');
    expect(evaluate(p, { class: 'mount', operation: 'mount', path: '/a/', fstype: 'tmpfs', flags: ['rw'] }).info).toBe('failed flags match');
  });

  it('checks pivot_root against the new root and the oldroot conditional', () => {
    const p = profileOf('profile pr { pivot_root oldroot=/old/ /new/, }', 'pr');
    expect(evaluate(p, { class: 'mount', operation: 'pivotroot', path: '/new/', source: '/old/' }).verdict).toBe('allow');
    expect(evaluate(p, { class: 'mount', operation: 'pivotroot', path: '/new/', source: '/elsewhere/' }).verdict).toBe('deny');
    expect(evaluate(p, { class: 'mount', operation: 'pivotroot', path: '/other/', source: '/old/' }).verdict).toBe('deny');
  });

  it('denies mount silently under deny mount', () => {
    const p = profileOf('profile d { deny mount, }', 'd');
    expect(evaluate(p, { class: 'mount', operation: 'mount', path: '/tmp/m/', fstype: 'tmpfs' })).toMatchObject({ verdict: 'deny', audit: false });
  });

  it('caps hard limits with set rlimit and logs the refused value', () => {
    const p = profileOf('profile rl { set rlimit nofile <= 256, }', 'rl');
    expect(evaluate(p, { class: 'rlimit', resource: 'nofile', value: 128 }).verdict).toBe('allow');
    expect(evaluate(p, { class: 'rlimit', resource: 'nofile', value: 512, comm: 'aaop' }).record?.line).toBe('type=1400 apparmor="DENIED" operation="setrlimit" profile="rl" pid=<pid> comm="aaop" rlimit=nofile value=512');
  });

  it('allows change_profile only to targets a rule names, and reports missing labels with ENOENT', () => {
    const policy = compileText('profile cp-from { change_profile -> cp-to, }\nprofile cp-to { }\nprofile cp-other { }');
    const from = policy.byName.get('cp-from');
    expect(evaluate(from, { class: 'change_profile', operation: 'change_profile', target: 'cp-to' }, { policy }).verdict).toBe('allow');
    expect(evaluate(from, { class: 'change_profile', operation: 'change_profile', target: 'cp-other', comm: 'aaop' }, { policy }).record?.line).toBe('type=1400 apparmor="DENIED" operation="change_profile" profile="cp-from" name="cp-other" pid=<pid> comm="aaop" target="cp-other"');
    const missing = evaluate(from, { class: 'change_profile', operation: 'change_onexec', target: 'nope', comm: 'aaop' }, { policy });
    expect(missing).toMatchObject({ verdict: 'deny', errno: 'ENOENT', info: 'label not found' });
    expect(missing.record?.line).toBe('type=1400 apparmor="DENIED" operation="change_onexec" info="label not found" error=-2 profile="cp-from" name="nope" pid=<pid> comm="aaop"');
    expect(evaluate(undefined, { class: 'change_profile', operation: 'change_profile', target: 'cp-other' }, { policy }).verdict).toBe('allow');
  });

  it('adds the /proc attr rules apparmor_parser adds for change_profile', () => {
    const p = profileOf('profile cp { change_profile -> q, }\nprofile q { }', 'cp');
    const implicit = p.rules.filter((r) => r.ref.implicitReason !== undefined);
    expect(implicit).toHaveLength(3);
    expect(evaluate(p, { class: 'file', operation: 'open', path: '/proc/12/attr/current', mask: 2, fsuid: 0, ouid: 0 }).verdict).toBe('allow');
  });
});
