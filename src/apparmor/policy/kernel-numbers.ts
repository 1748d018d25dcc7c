/**
 * The kernel's numbers for names policy uses: capability numbers (`linux/capability.h`), address families
 * (`linux/socket.h` `AF_*`, as `kernel:net.c address_family_names`) and socket types (`SOCK_*`). The audit
 * line prints the capability number and the family/type names; the evaluator indexes masks by number.
 */
import { CAPABILITIES } from '../vocabulary.ts';

/** Capability names in kernel number order: index = `CAP_*` value (the vocabulary keeps them in that order). */
export const CAPABILITY_NAMES: readonly string[] = CAPABILITIES;

/**
 * @param name - a capability name without `CAP_`, lower case
 * @returns its kernel number, or -1 when unknown
 * @example capabilityNumber('net_raw') // → 13
 */
export function capabilityNumber(name: string): number {
  return CAPABILITY_NAMES.indexOf(name);
}

/** Address family names by `AF_*` number (index 0 is `unspec`; `local` is spelled `unix`). */
export const FAMILY_NAMES: readonly string[] = [
  'unspec', 'unix', 'inet', 'ax25', 'ipx', 'appletalk', 'netrom', 'bridge', 'atmpvc', 'x25', 'inet6', 'rose',
  'decnet', 'netbeui', 'security', 'key', 'netlink', 'packet', 'ash', 'econet', 'atmsvc', 'rds', 'sna', 'irda',
  'pppox', 'wanpipe', 'llc', 'ib', 'mpls', 'can', 'tipc', 'bluetooth', 'iucv', 'rxrpc', 'isdn', 'phonet',
  'ieee802154', 'caif', 'alg', 'nfc', 'vsock', 'kcm', 'qipcrtr', 'smc', 'xdp', 'mctp',
];

/** Socket type names by `SOCK_*` number (gaps are unused numbers). */
export const SOCK_TYPE_NAMES: readonly (string | undefined)[] = [
  undefined, 'stream', 'dgram', 'raw', 'rdm', 'seqpacket', 'dccp', undefined, undefined, undefined, 'packet',
];

/**
 * @param name - a family name as policy spells it (`inet`, `unix`, `local`)
 * @returns the `AF_*` number, or -1 when unknown
 * @example familyNumber('inet6') // → 10
 */
export function familyNumber(name: string): number {
  return FAMILY_NAMES.indexOf(name === 'local' ? 'unix' : name);
}

/**
 * @param name - a socket type name (`stream`, `raw` …)
 * @returns the `SOCK_*` number, or -1 when unknown
 * @example sockTypeNumber('raw') // → 3
 */
export function sockTypeNumber(name: string): number {
  return SOCK_TYPE_NAMES.indexOf(name);
}

/** Signal names as the kernel prints them (`kernel:include/sig_names.h`), by signal number. */
export const SIGNAL_NAMES: readonly string[] = [
  'exists', 'hup', 'int', 'quit', 'ill', 'trap', 'abrt', 'bus', 'fpe', 'kill', 'usr1', 'segv', 'usr2', 'pipe',
  'alrm', 'term', 'stkflt', 'chld', 'cont', 'stop', 'stp', 'ttin', 'ttou', 'urg', 'xcpu', 'xfsz', 'vtalrm',
  'prof', 'winch', 'io', 'pwr', 'sys', 'emt', 'lost',
];
