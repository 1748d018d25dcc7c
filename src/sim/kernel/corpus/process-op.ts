/**
 * The corpus' process and non-file ops: exec and probe (a fork of the helper execs the path), capability,
 * socket, signal and ptrace (against a child in `target_profile`), mount/umount, setrlimit, and the label
 * changes through `/proc/self/attr`.
 */
import { HELPER_PATH } from '../base-image.ts';
import type { Kernel } from '../kernel.ts';
import type { Task } from '../task.ts';
import { labelText } from '../task.ts';
import { sysExecve } from '../syscalls/exec.ts';
import { sysKill, sysPtraceAttach, sysReadEnviron } from '../syscalls/ipc.ts';
import { sysMount, sysSetrlimit } from '../syscalls/mount.ts';
import { protocolNumber, sysBind, sysSetsockopt, sysSocket, sysSocketOp } from '../syscalls/net.ts';
import { sysChangeHat, sysChangeProfile } from '../syscalls/procattr.ts';
import { runCapabilityAction } from './capability-actions.ts';
import { runProgram } from './programs.ts';
import type { OpContext, OpExtras } from './run-op.ts';

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/** A child of the helper: same user and label (what fork gives). */
function forkOf(kernel: Kernel, task: Task): Task {
  const child = kernel.spawn({ exe: task.exe, user: task.uid, ...(task.label ? { label: task.label } : {}), comm: task.comm });
  child.hatParent = task.hatParent;
  child.onexec = task.onexec;
  return child;
}

/** A process to signal or trace: unconfined, or in `target_profile`. */
function targetOf(context: OpContext): Task {
  const { kernel, task, op } = context;
  const profile = typeof op.target_profile === 'string' ? kernel.profiles.find(op.target_profile) : undefined;
  const user = op.target_uid ?? task.uid;
  return kernel.spawn({ exe: HELPER_PATH, user: user as string | number, ...(profile ? { label: profile } : {}) });
}

function portOf(address: unknown): number {
  const match = /:(\d+)$/.exec(str(address));
  return match ? Number(match[1]) : 0;
}

function runExec(context: OpContext): OpExtras {
  const { kernel, task, op, log } = context;
  const child = forkOf(kernel, task);
  const argv = Array.isArray(op.argv) ? op.argv.map(String) : [str(op.path)];
  const executed = sysExecve(kernel, child, str(op.path), argv[0]);
  if (!log.record('execve', executed) || !executed.ok) return {};
  const outcome = executed.value;
  if (op.op === 'probe') {
    const label = labelText(child.label);
    return outcome.signal === undefined ? { exit: 0, at_secure: outcome.isSecure, label } : { signal: outcome.signal, label };
  }
  if (outcome.signal !== undefined) return { signal: outcome.signal };
  if (outcome.exit !== 0) return { exit: outcome.exit ?? 0, ...(outcome.stderr ? { stderr: outcome.stderr } : {}) };
  return runProgram(kernel, child, outcome.path, argv);
}

function runSocket(context: OpContext): OpExtras {
  const { kernel, task, op, log } = context;
  const fd = sysSocket(kernel, task, str(op.domain, 'inet'), str(op.type, 'stream'), protocolNumber(op.protocol as string | number | undefined));
  if (!log.record('socket', fd, fd.ok ? fd.value : 0) || !fd.ok) return {};
  if (op.bind !== undefined && !log.record('bind', sysBind(kernel, task, fd.value, portOf(op.bind)))) return {};
  if (op.listen && !log.record('listen', sysSocketOp(kernel, task, fd.value, 'listen'))) return {};
  if (op.connect !== undefined && !log.record('connect', sysSocketOp(kernel, task, fd.value, 'connect'))) return {};
  if (op.sendto !== undefined && !log.record('sendto', sysSocketOp(kernel, task, fd.value, 'sendmsg'))) return {};
  if (op.setsockopt !== undefined) log.record('setsockopt', sysSetsockopt(kernel, task, fd.value, str(op.setsockopt)));
  return {};
}

/**
 * Runs a non-file op.
 * @param context - the op context
 * @returns the extras, or undefined when the op is unknown
 */
export function runProcessOp(context: OpContext): OpExtras | undefined {
  const { kernel, task, op, log } = context;
  switch (op.op) {
    case 'exec':
    case 'probe': return runExec(context);
    case 'capability': return { cap_granted: runCapabilityAction(kernel, task, str(op.cap), log) };
    case 'socket': return runSocket(context);
    case 'signal': {
      log.record('kill', sysKill(kernel, task, targetOf(context), (op.signal as string | number | undefined) ?? 'term'));
      return {};
    }
    case 'ptrace': {
      const target = targetOf(context);
      if (op.how === 'read') {
        if (log.record('open', sysReadEnviron(kernel, task, target))) log.steps.push({ call: 'read', ret: 0 });
      } else {
        log.record('ptrace(ATTACH)', sysPtraceAttach(kernel, task, target));
      }
      return {};
    }
    case 'mount':
    case 'umount': {
      const flags = str(op.flags).split(',').map((f) => f.trim()).filter(Boolean);
      const args = {
        source: str(op.source, 'none'), fstype: str(op.fstype, 'tmpfs'),
        ...(flags.length > 0 ? { flags } : {}), ...(typeof op.options === 'string' ? { data: op.options } : {}),
      };
      log.record(op.op, sysMount(kernel, task, op.op, str(op.path), op.op === 'mount' ? args : {}));
      return {};
    }
    case 'setrlimit': {
      log.record('setrlimit', sysSetrlimit(kernel, task, str(op.resource, 'nofile'), Number(op.value ?? 0)));
      return {};
    }
    case 'change_profile':
    case 'change_onexec': {
      log.record(op.op, sysChangeProfile(kernel, task, str(op.target), op.op));
      return {};
    }
    case 'change_hat': {
      log.record('change_hat', sysChangeHat(kernel, task, str(op.target)));
      return {};
    }
    default: return undefined;
  }
}
