/**
 * The corpus helper's `capability` op: for each capability, the one syscall that needs exactly it (kernel
 * README table), modelled with the checks the real syscall makes in order: file rules before CAP_CHOWN,
 * the network rule before CAP_NET_RAW, DAC overrides before AppArmor. `granted` says whether the
 * capability check passed (`cap_granted`).
 */
import { fail, ok, type Kernel, type SysResult } from '../kernel.ts';
import type { Task } from '../task.ts';
import { sysChmod, sysChown, sysMknod } from '../syscalls/file-ops.ts';
import { sysKill } from '../syscalls/ipc.ts';
import { sysBind, sysSetsockopt, sysSocket, sysSocketOp } from '../syscalls/net.ts';
import { sysClose, sysOpen } from '../syscalls/open.ts';
import { sysSetrlimit } from '../syscalls/mount.ts';
import type { StepLog } from './steps.ts';
import type { Errno } from '../errno.ts';

type Action = (kernel: Kernel, task: Task, log: StepLog) => boolean;

/** A syscall whose only check is `capable(cap)`, failing with `errno`. */
function plain(call: string, cap: string, errno: Errno = 'EPERM'): Action {
  return (kernel, task, log) => log.record(call, kernel.capable(task, cap) ? ok(undefined) : fail(errno));
}

/** setres[ug]id(1000): no capability needed when the task already has that id. */
function setId(call: string, cap: string): Action {
  return (kernel, task, log) => log.record(call, task.uid === 1000 || kernel.capable(task, cap) ? ok(undefined) : fail('EPERM'));
}

function openScratch(access: 'rdonly' | 'wronly'): Action {
  return (kernel, task, log) => {
    const opened = sysOpen(kernel, task, '/run/aaop/protected', { access });
    if (opened.ok) sysClose(task, opened.value);
    return log.record('open', opened, opened.ok ? opened.value : 0);
  };
}

function socketThen(family: string, type: string, protocol: number, label: string, then?: (fd: number) => [string, SysResult]): Action {
  return (kernel, task, log) => {
    const fd = sysSocket(kernel, task, family, type, protocol);
    if (!log.record(label, fd, fd.ok ? fd.value : 0) || !fd.ok || !then) return fd.ok;
    const [call, result] = then(fd.value);
    return log.record(call, result);
  };
}

const ACTIONS: Record<string, Action> = {
  chown: (kernel, task, log) => log.record('chown', sysChown(kernel, task, '/run/aaop/file', 1000, 1000)),
  dac_override: openScratch('wronly'),
  dac_read_search: openScratch('rdonly'),
  fowner: (kernel, task, log) => log.record('chmod', sysChmod(kernel, task, '/run/aaop/others', 0o644)),
  fsetid: (kernel, task, log) => {
    const changed = sysChmod(kernel, task, '/run/aaop/group-other', 0o2644);
    if (!log.record('chmod', changed) || !changed.ok) return false;
    // the helper reports the dropped bit as a failed pseudo-step (only when it was dropped)
    if ((changed.value & 0o2000) !== 0) return true;
    log.fail('setgid-bit-kept', 'EPERM');
    return false;
  },
  kill: (kernel, task, log) => {
    const target = kernel.spawn({ exe: '/usr/bin/sleep', user: 'other' });
    const result = sysKill(kernel, task, target, 0);
    kernel.exit(target);
    return log.record('kill', result);
  },
  setuid: setId('setresuid', 'setuid'),
  setgid: setId('setresgid', 'setgid'),
  setpcap: plain('prctl(PR_CAPBSET_DROP)', 'setpcap'),
  net_raw: (kernel, task, log) => socketThen('inet', 'raw', 1, 'socket(inet,raw,icmp)')(kernel, task, log),
  net_bind_service: (kernel, task, log) =>
    socketThen('inet', 'stream', 0, 'socket(inet,stream)', (fd) => ['bind(:80)', sysBind(kernel, task, fd, 80)])(kernel, task, log),
  net_admin: (kernel, task, log) =>
    socketThen('inet', 'dgram', 0, 'socket(inet,dgram)', (fd) =>
      ['setsockopt(SO_RCVBUFFORCE)', sysSetsockopt(kernel, task, fd, 'SO_RCVBUFFORCE')])(kernel, task, log),
  sys_admin: plain('sethostname', 'sys_admin'),
  sys_chroot: plain('chroot(/)', 'sys_chroot'),
  mknod: (kernel, task, log) => {
    const made = sysMknod(kernel, task, '/run/aaop/chr', 'chr');
    kernel.fs.remove('/run/aaop/chr'); // the helper cleans up after itself
    return log.record('mknod(chr 1,3)', made);
  },
  sys_nice: plain('setpriority(-5)', 'sys_nice', 'EACCES'),
  sys_resource: (kernel, task, log) => {
    const hard = task.rlimits.get('nofile')?.[1] ?? 1024;
    return log.record('setrlimit(NOFILE,hard+)', sysSetrlimit(kernel, task, 'nofile', hard + 1));
  },
  ipc_lock: plain('mlock', 'ipc_lock'),
  sys_time: plain('clock_settime', 'sys_time'),
  sys_boot: plain('reboot(CAD_ON)', 'sys_boot'),
  sys_rawio: plain('ioperm(0x80)', 'sys_rawio'),
  sys_tty_config: plain('vhangup', 'sys_tty_config'),
  syslog: (kernel, task, log) => {
    // check_syslog_permissions: CAP_SYSLOG, then the deprecated CAP_SYS_ADMIN fallback
    const granted = kernel.capable(task, 'syslog') || kernel.capable(task, 'sys_admin');
    return log.record('klogctl(READ_ALL)', granted ? ok(undefined) : fail('EPERM'));
  },
  audit_write: (kernel, task, log) => {
    const fd = sysSocket(kernel, task, 'netlink', 'raw', 9);
    if (!log.record('socket(netlink,raw,audit)', fd, fd.ok ? fd.value : 0) || !fd.ok) return false;
    if (!log.record('sendto(audit)', sysSocketOp(kernel, task, fd.value, 'sendmsg'), 48)) return false;
    log.record('recv(ack)', ok(undefined), 36);
    return log.record('ack', kernel.capable(task, 'audit_write') ? ok(undefined) : fail('EPERM'));
  },
};

/**
 * Runs the action for one capability.
 * @param kernel - the kernel
 * @param task - the helper task, already in its profile
 * @param capability - the capability name
 * @param log - where the steps go
 * @returns whether the capability check passed
 */
export function runCapabilityAction(kernel: Kernel, task: Task, capability: string, log: StepLog): boolean {
  if (capability === 'sys_module') {
    // init_module(NULL): with the capability the kernel gets as far as parsing and says ENOEXEC
    const granted = kernel.capable(task, 'sys_module');
    log.record('init_module(NULL)', fail(granted ? 'ENOEXEC' : 'EPERM'));
    return granted;
  }
  const action = ACTIONS[capability] ?? plain(`capable(${capability})`, capability);
  return action(kernel, task, log);
}
