import { describe, expect, test } from 'vitest';
import { loadProfile, makeWorld, run, runAudited } from './world.ts';

// the corpus' ping profiles (05-capabilities, case "ping")
const PING_OK = `#include <tunables/global>
profile ping-ok {
  #include <abstractions/base>
  capability net_raw,
  network inet raw,
  network inet dgram,
  /etc/** r,
}`;
const PING_DENY_CAP = `#include <tunables/global>
profile ping-deny-cap {
  #include <abstractions/base>
  capability,
  deny capability net_raw,
  network,
  /etc/** r,
}`;
const PING_DENY_RAW = `#include <tunables/global>
profile ping-deny-raw {
  #include <abstractions/base>
  capability,
  network,
  deny network raw,
  /etc/** r,
}`;

const SUCCESS = /^PING 127\.0\.0\.1 \(127\.0\.0\.1\) 56\(84\) bytes of data\.\n64 bytes from 127\.0\.0\.1: icmp_seq=1 ttl=64 time=\d+\.\d{3} ms\n\n--- 127\.0\.0\.1 ping statistics ---\n1 packets transmitted, 1 received, 0% packet loss, time \d+ms\nrtt min\/avg\/max\/mdev = [\d./]+ ms\n$/;

describe('ping', () => {
  test('answers unconfined, with the statistics block', () => {
    const result = run(makeWorld(), 'ping -c1 -W1 127.0.0.1');
    expect(result.stdout).toMatch(SUCCESS);
    expect(result).toMatchObject({ stderr: '', exitCode: 0 });
  });

  test('works under a profile with net_raw and network inet raw, logging the inet6 attempts', () => {
    const world = makeWorld();
    loadProfile(world, PING_OK);
    const result = runAudited(world, 'aa-exec -p ping-ok -- ping -c1 -W1 127.0.0.1');
    expect(result.stdout).toMatch(SUCCESS);
    expect(result.exitCode).toBe(0);
    expect(result.audit.map((r) => r.replace(/pid=\d+/, 'pid=<pid>'))).toEqual([
      'type=1400 apparmor="DENIED" operation="create" profile="ping-ok" pid=<pid> comm="ping" family="inet6" sock_type="dgram" protocol=58 requested_mask="create" denied_mask="create"',
      'type=1400 apparmor="DENIED" operation="create" profile="ping-ok" pid=<pid> comm="ping" family="inet6" sock_type="raw" protocol=58 requested_mask="create" denied_mask="create"',
    ]);
  });

  test('fails with EPERM when net_raw is denied and EACCES when raw sockets are', () => {
    const world = makeWorld();
    loadProfile(world, PING_DENY_CAP);
    loadProfile(world, PING_DENY_RAW);
    expect(run(world, 'aa-exec -p ping-deny-cap -- ping -c1 -W1 127.0.0.1')).toEqual({ stdout: '', stderr: 'ping: socktype: SOCK_RAW\nping: socket: Operation not permitted\n', exitCode: 2 });
    expect(run(world, 'aa-exec -p ping-deny-raw -- ping -c1 -W1 127.0.0.1')).toEqual({ stdout: '', stderr: 'ping: socktype: SOCK_RAW\nping: socket: Permission denied\n', exitCode: 2 });
  });

  test('resolves in-world names and loses every packet to a silent host', () => {
    const world = makeWorld();
    expect(run(world, 'ping -c 2 example.com').stdout).toMatch(/^PING example\.com \(10\.0\.0\.10\) 56\(84\) bytes of data\.\n64 bytes from example\.com \(10\.0\.0\.10\): icmp_seq=1 /);
    expect(run(world, 'ping -c 1 10.9.9.9')).toEqual({
      stdout: 'PING 10.9.9.9 (10.9.9.9) 56(84) bytes of data.\n\n--- 10.9.9.9 ping statistics ---\n1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n', stderr: '', exitCode: 1,
    });
    expect(run(world, 'ping -c 1 nosuch.example')).toEqual({ stdout: '', stderr: 'ping: nosuch.example: Name or service not known\n', exitCode: 2 });
  });

  test('fails for a normal user, who has no CAP_NET_RAW in this model, with iputils\' hint', () => {
    expect(run(makeWorld('user'), 'ping -c1 127.0.0.1')).toEqual({
      stdout: '', stderr: 'ping: socktype: SOCK_RAW\nping: socket: Operation not permitted\nping: => missing cap_net_raw+p capability or setuid?\n', exitCode: 2,
    });
  });

  test('reports a missing destination and a bad count', () => {
    const world = makeWorld();
    expect(run(world, 'ping')).toEqual({ stdout: '', stderr: 'ping: usage error: Destination address required\n', exitCode: 1 });
    expect(run(world, 'ping -c 0 127.0.0.1').exitCode).toBe(1);
  });
});
