/**
 * Sockets: socket(2) is mediated at creation (`operation="create"`, `kernel:net.c`) before the family's own
 * checks (raw and packet sockets need CAP_NET_RAW, so the network rule is asked first); bind, listen,
 * connect, sendto and setsockopt are mediated per operation, then ports below 1024 need
 * CAP_NET_BIND_SERVICE and SO_RCVBUFFORCE CAP_NET_ADMIN.
 */
import type { NetworkOperation } from '../../../apparmor/index.ts';
import { fail, ok, type Kernel, type SysResult } from '../kernel.ts';
import type { Task } from '../task.ts';

/** An open socket. */
export type Socket = { family: string; type: string; protocol: number };

const sockets = new WeakMap<Task, Map<number, Socket>>();

/** Protocol names the corpus uses, by family (`protocol=` prints the number passed to socket()). */
const PROTOCOLS: Record<string, number> = { ip: 0, icmp: 1, tcp: 6, udp: 17, icmpv6: 58, route: 0, audit: 9, all: 768 };

/**
 * @param protocol - a protocol name or number (undefined = 0)
 * @returns the number socket() receives (`all` is htons(ETH_P_ALL) = 768)
 * @example protocolNumber('icmp') // → 1
 */
export function protocolNumber(protocol: string | number | undefined): number {
  if (protocol === undefined) return 0;
  if (typeof protocol === 'number') return protocol;
  return PROTOCOLS[protocol] ?? (Number.isInteger(Number(protocol)) ? Number(protocol) : 0);
}

function socketOf(task: Task, fd: number): Socket | undefined {
  return sockets.get(task)?.get(fd);
}

function ask(kernel: Kernel, task: Task, socket: Socket, operation: NetworkOperation): SysResult {
  return kernel.check(task, { class: 'network', operation, family: socket.family, type: socket.type, protocol: socket.protocol });
}

/**
 * socket(2).
 * @param kernel - the kernel
 * @param task - the task
 * @param family - `inet`, `inet6`, `unix`, `netlink`, `packet`, …
 * @param type - `stream`, `dgram`, `raw`, `seqpacket`
 * @param protocol - the protocol number
 * @returns the socket fd, or EACCES (policy) / EPERM (capability)
 */
export function sysSocket(kernel: Kernel, task: Task, family: string, type: string, protocol: number): SysResult<number> {
  const socket: Socket = { family, type, protocol };
  const checked = ask(kernel, task, socket, 'create');
  if (!checked.ok) return fail(checked.errno);
  const needsRaw = ((family === 'inet' || family === 'inet6') && type === 'raw') || family === 'packet';
  if (needsRaw && !kernel.capable(task, 'net_raw')) return fail('EPERM');
  const table = sockets.get(task) ?? new Map<number, Socket>();
  sockets.set(task, table);
  let fd = 3;
  while (task.fds.has(fd) || table.has(fd)) fd++;
  table.set(fd, socket);
  return ok(fd);
}

/**
 * bind(2) to a port.
 * @param kernel - the kernel
 * @param task - the task
 * @param fd - a socket
 * @param port - the port (below 1024 needs CAP_NET_BIND_SERVICE: EACCES)
 * @returns ok or the errno
 */
export function sysBind(kernel: Kernel, task: Task, fd: number, port: number): SysResult {
  const socket = socketOf(task, fd);
  if (!socket) return fail('EBADF');
  const checked = ask(kernel, task, socket, 'bind');
  if (!checked.ok) return checked;
  if (port > 0 && port < 1024 && !kernel.capable(task, 'net_bind_service')) return fail('EACCES');
  return ok(undefined);
}

/**
 * listen(2), connect(2), sendto(2): mediated per operation.
 * @param kernel - the kernel
 * @param task - the task
 * @param fd - a socket
 * @param operation - `listen`, `connect` or `sendmsg`
 * @returns ok or the errno
 */
export function sysSocketOp(kernel: Kernel, task: Task, fd: number, operation: 'listen' | 'connect' | 'sendmsg'): SysResult {
  const socket = socketOf(task, fd);
  if (!socket) return fail('EBADF');
  return ask(kernel, task, socket, operation);
}

/**
 * setsockopt(2); SO_RCVBUFFORCE/SO_SNDBUFFORCE need CAP_NET_ADMIN.
 * @param kernel - the kernel
 * @param task - the task
 * @param fd - a socket
 * @param option - e.g. `SO_RCVBUFFORCE`
 * @returns ok or the errno
 */
export function sysSetsockopt(kernel: Kernel, task: Task, fd: number, option: string): SysResult {
  const socket = socketOf(task, fd);
  if (!socket) return fail('EBADF');
  const checked = ask(kernel, task, socket, 'setsockopt');
  if (!checked.ok) return checked;
  if (/FORCE$/.test(option) && !kernel.capable(task, 'net_admin')) return fail('EPERM');
  return ok(undefined);
}
