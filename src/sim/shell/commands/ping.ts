/**
 * `ping` (iputils 20221126) against the in-world network. Socket creation follows ping.c's
 * create_socket: an ICMP datagram socket first (AppArmor asks `network inet dgram`; the kernel then
 * refuses it with EACCES because net.ipv4.ping_group_range is "1 0"), then a raw socket (`network inet
 * raw` + CAP_NET_RAW), then the same for inet6. Failing both families prints the last errno, exit 2.
 * Without `-c` it sends 4 packets, and at most MAX_COUNT: the simulator has no Ctrl-C to stop a long ping.
 */
import type { CommandSpec, Invocation } from '../registry.ts';
import type { Errno } from '../../node/process-api.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { Output, strerror } from './support/output.ts';
import { isReachable, resolveHost } from './support/services.ts';

/** The most packets one run sends (the statistics still report the count asked for). */
const MAX_COUNT = 1000;

type Family = { family: 'inet' | 'inet6'; protocol: string };
type SocketOutcome = { ok: true; type: 'dgram' | 'raw' } | { ok: false; errno: Errno };

/** One family's socket as create_socket makes it. */
function createSocket(inv: Invocation, { family, protocol }: Family): SocketOutcome {
  const dgram = inv.proc.socket(family, 'dgram', protocol);
  // the ping socket passed AppArmor, but ping_group_range ("1 0": nobody) refuses it: EACCES, fall back
  if (dgram.ok) inv.proc.close(dgram.value);
  const errno: Errno = dgram.ok ? 'EACCES' : dgram.errno;
  if (errno !== 'EACCES' && errno !== 'EAFNOSUPPORT' && errno !== 'EPROTONOSUPPORT') return { ok: false, errno };
  const raw = inv.proc.socket(family, 'raw', protocol);
  return raw.ok ? { ok: true, type: 'raw' } : { ok: false, errno: raw.errno };
}

/** The `ping` program. */
export const pingCommand: CommandSpec = {
  name: 'ping',
  summary: 'send ICMP ECHO_REQUEST to network hosts',
  usage: 'ping [options] <destination>',
  options: [
    { flag: '-c <count>', summary: 'stop after <count> replies', takesValue: true },
    { flag: '-W <timeout>', summary: 'time to wait for response', takesValue: true },
    { flag: '-i <interval>', summary: 'seconds between sending each packet', takesValue: true },
    { flag: '-q', summary: 'quiet output' },
    { flag: '-4', summary: 'use IPv4' },
  ],
  run(inv) {
    const args = parseArgs(inv, 'ping', { short: 'c:W:i:qnv46w:s:t:' });
    if (isFailure(args)) return { stdout: '', stderr: `${args.stderr.split('\n')[0]}\n\nUsage\n  ping [options] <destination>\n`, exitCode: 2 };
    const countText = args.value('c') ?? '4';
    const countError = countProblem(countText);
    if (countError !== undefined) return { stdout: '', stderr: `ping: invalid argument: '${countText}'${countError}\n`, exitCode: 1 };
    const count = Number(countText);
    const destination = args.operands[args.operands.length - 1];
    if (destination === undefined) return { stdout: '', stderr: 'ping: usage error: Destination address required\n', exitCode: 1 };
    const output = new Output();
    if (inv.flavour === 'busybox') return busyboxPing(inv, destination, Math.min(count, MAX_COUNT), args.has('q'));
    // ping.c main → limit_capabilities: keep CAP_NET_RAW/CAP_NET_ADMIN as capget shows them; under a profile
    // without `capability net_raw` AppArmor hides it, so the raw socket later fails in commoncap, unlogged
    inv.proc.limitCapabilities(['net_raw', 'net_admin']);
    const v4 = createSocket(inv, { family: 'inet', protocol: 'icmp' });
    const v6 = args.has('4') ? v4 : createSocket(inv, { family: 'inet6', protocol: 'icmpv6' });
    if (!v4.ok && !v6.ok) {
      const last = args.has('4') ? v4 : v6;
      // as ping.c create_socket: a non-root caller also gets the hint about the missing file capability
      const hint = inv.proc.uid === 0 ? '' : 'ping: => missing cap_net_raw+p capability or setuid?\n';
      return { stdout: '', stderr: `ping: socktype: SOCK_RAW\nping: socket: ${strerror(last.ok ? 'EACCES' : last.errno)}\n${hint}`, exitCode: 2 };
    }
    const resolved = resolveHost(inv, destination);
    if (!resolved.ok) {
      const why = resolved.reason === 'unknown' ? 'Name or service not known' : 'Temporary failure in name resolution';
      return { stdout: '', stderr: `ping: ${destination}: ${why}\n`, exitCode: 2 };
    }
    echo(destination, resolved.address, count, args.has('q'), output);
    return output.result();
  },
};

/**
 * What iputils' strtol_or_err adds after "invalid argument: 'TEXT'" for a `-c` count: nothing for text
 * strtoll cannot read whole, strerror(ERANGE) past 2^63-1, the range for other values below 1.
 */
function countProblem(text: string): string | undefined {
  const match = /^\s*([+-]?)(\d+)$/.exec(text);
  if (match === null) return '';
  const value = BigInt(`${match[1] === '-' ? '-' : ''}${match[2]}`);
  if (value > 9223372036854775807n || value < -9223372036854775808n) return ': Numerical result out of range';
  if (value < 1n) return ': out of range: 1 <= value <= 9223372036854775807';
  return undefined;
}

function echo(destination: string, address: string, count: number, isQuiet: boolean, output: Output): void {
  const isName = destination !== address;
  output.out(`PING ${destination} (${address}) 56(84) bytes of data.\n`);
  const answers = isReachable(address);
  const times: number[] = [];
  for (let seq = 1; seq <= Math.min(count, MAX_COUNT) && answers; seq++) {
    // deterministic round-trip times: loopback ~0.04 ms, the cluster network ~0.3 ms
    const time = (address.startsWith('127.') ? 0.031 : 0.287) + ((seq * 37) % 11) / 1000;
    times.push(time);
    const from = isName ? `${destination} (${address})` : address;
    if (!isQuiet) output.out(`64 bytes from ${from}: icmp_seq=${seq} ttl=64 time=${time.toFixed(3)} ms\n`);
  }
  const received = times.length;
  const sent = Math.min(count, MAX_COUNT);
  const elapsed = sent === 1 ? 0 : (sent - 1) * 1000 + sent;
  output.out(`\n--- ${destination} ping statistics ---\n`);
  output.out(`${sent} packets transmitted, ${received} received, ${received === 0 ? 100 : 0}% packet loss, time ${elapsed}ms\n`);
  if (received === 0) {
    output.out('\n');
    output.exitCode = 1;
    return;
  }
  const min = Math.min(...times);
  const max = Math.max(...times);
  const avg = times.reduce((a, b) => a + b, 0) / received;
  const mdev = Math.sqrt(times.reduce((a, t) => a + (t - avg) ** 2, 0) / received);
  output.out(`rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms\n`);
}

/**
 * busybox ping.c: resolve first, then a raw ICMP socket; only EPERM falls back to a datagram socket.
 * Replies count `seq` from 0 and the summary has busybox's wording.
 */
function busyboxPing(inv: Invocation, destination: string, count: number, isQuiet: boolean): ReturnType<CommandSpec['run']> {
  const fail = (message: string) => ({ stdout: '', stderr: `ping: ${message}\n`, exitCode: 1 });
  const resolved = resolveHost(inv, destination);
  if (!resolved.ok) return fail(`bad address '${destination}'`);
  const raw = inv.proc.socket('inet', 'raw', 'icmp');
  if (!raw.ok && raw.errno !== 'EPERM') return fail(`can't create raw socket: ${strerror(raw.errno)}`);
  if (!raw.ok) {
    const dgram = inv.proc.socket('inet', 'dgram', 'icmp');
    // the datagram socket passes AppArmor but ping_group_range ("1 0") refuses it
    if (dgram.ok) inv.proc.close(dgram.value);
    return fail('permission denied (are you root?)');
  }
  const address = resolved.address;
  let stdout = `PING ${destination} (${address}): 56 data bytes\n`;
  const times: number[] = [];
  for (let seq = 0; seq < count && isReachable(address); seq++) {
    const time = (address.startsWith('127.') ? 0.031 : 0.287) + ((seq * 37) % 11) / 1000;
    times.push(time);
    if (!isQuiet) stdout += `64 bytes from ${address}: seq=${seq} ttl=64 time=${time.toFixed(3)} ms\n`;
  }
  const loss = times.length === 0 ? 100 : 0;
  stdout += `\n--- ${destination} ping statistics ---\n${count} packets transmitted, ${times.length} packets received, ${loss}% packet loss\n`;
  if (times.length === 0) return { stdout, stderr: '', exitCode: 1 };
  const avg = times.reduce((a, b) => a + b, 0) / times.length;
  stdout += `round-trip min/avg/max = ${Math.min(...times).toFixed(3)}/${avg.toFixed(3)}/${Math.max(...times).toFixed(3)} ms\n`;
  return { stdout, stderr: '', exitCode: 0 };
}
