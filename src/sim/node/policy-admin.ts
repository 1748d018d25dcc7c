/**
 * Policy administration on a node, as the kernel's `.load`/`.replace`/`.remove` interface sees it: the
 * parser's compile step (through the engine), the kernel's permission check, then the load or removal
 * with its STATUS records. Each change is remembered so a snapshot can replay it.
 */
import { checkPolicy, formatParserError, type IncludeReader } from '../../apparmor/index.ts';
import {
  createPolicyLoader, loadOrder, loadPolicyFile, removePolicyProfile,
  type Errno, type FileSystem, type Kernel, type PolicyLoader, type Task,
} from '../kernel/index.ts';
import type { PolicyLoadOptions, PolicyLoadOutcome, ProcResult } from './process-api.ts';

/** One change to the loaded policy, replayed when a snapshot is restored. */
export type PolicyOp =
  | { op: 'load'; text: string; file: string; isComplain: boolean }
  | { op: 'remove'; name: string };

/** What policy administration needs from the node. */
export type PolicyHost = { kernel: Kernel; loader: PolicyLoader; reader: IncludeReader; ops: PolicyOp[] };

/**
 * The include reader of a node: its own `/etc/apparmor.d` (relative paths) or any absolute path, so an
 * edited abstraction takes effect at the next load, as on a real node.
 * @param fs - the node's file system
 * @returns the reader the engine's resolver uses
 */
export function createIncludeReader(fs: FileSystem): IncludeReader {
  const at = (path: string): string => (path.startsWith('/') ? path : `/etc/apparmor.d/${path}`);
  return {
    readFile: (path) => {
      const found = fs.lookup(at(path));
      return found.ok && found.inode.type === 'file' ? found.inode.content : undefined;
    },
    listDir: (path) => {
      const found = fs.lookup(at(path));
      return found.ok && found.inode.type === 'dir' ? fs.list(found.path) : undefined;
    },
  };
}

/**
 * Compiles a policy file and (unless `isKernelLoad` is false) loads it as `task`.
 * @param host - the node's kernel, loader, include reader and change log
 * @param task - the loading task (apparmor_parser)
 * @param text - the policy text
 * @param file - its name for messages ('' for stdin)
 * @param options - add/replace, complain, kernel load, include dirs
 * @returns the parser's verdict and message, and per profile the kernel's refusal if any
 */
export function loadPolicyAs(host: PolicyHost, task: Task, text: string, file: string, options: PolicyLoadOptions): PolicyLoadOutcome {
  const includeDirs = options.includeDirs ? { includeDirs: options.includeDirs } : {};
  const probe = createPolicyLoader({ reader: host.reader, ...includeDirs }).load(text, file, { isComplain: options.isComplain });
  const names = loadOrder(probe.profiles).map((p) => p.name);
  if (!probe.accepted && file === '') return { accepted: false, stderr: stdinError(host, text, options), profiles: [] };
  if (!probe.accepted || !options.isKernelLoad) return { accepted: probe.accepted, stderr: probe.stderr, profiles: names.map((name) => ({ name })) };
  const refused = mayManagePolicy(host.kernel, task);
  if (refused !== undefined) return { accepted: true, stderr: '', profiles: names.map((name) => ({ name, errno: refused })) };
  // `.load` refuses the whole set when one profile exists already; the parser reports it per profile
  if (options.action === 'add' && names.some((name) => host.kernel.profiles.find(name) !== undefined)) {
    return { accepted: true, stderr: '', profiles: names.map((name) => ({ name, errno: 'EEXIST' as Errno })) };
  }
  loadPolicyFile(host.kernel, host.loader, text, file, { isComplain: options.isComplain, parserPid: task.pid });
  host.ops.push({ op: 'load', text, file, isComplain: options.isComplain });
  return { accepted: true, stderr: '', profiles: names.map((name) => ({ name })) };
}

/**
 * Removes a loaded profile (with its hats and children) as `task`.
 * @param host - the node's kernel, loader and change log
 * @param task - the removing task
 * @param name - the profile's full name
 * @returns ok, ENOENT (not loaded) or EACCES
 */
export function removeProfileAs(host: PolicyHost, task: Task, name: string): ProcResult {
  const refused = mayManagePolicy(host.kernel, task);
  if (refused !== undefined) return { ok: false, errno: refused };
  if (removePolicyProfile(host.kernel, host.loader, name, task.pid) === undefined) return { ok: false, errno: 'ENOENT' };
  host.ops.push({ op: 'remove', name });
  return { ok: true, value: undefined };
}

/** The parser's message for policy read from stdin: no file name (`AppArmor parser error at line N: …`). */
function stdinError(host: PolicyHost, text: string, options: PolicyLoadOptions): string {
  const checked = checkPolicy(text, { reader: host.reader, ...(options.includeDirs ? { includeDirs: options.includeDirs } : {}), text });
  const error = checked.diagnostics.find((d) => d.severity === 'error');
  return error ? `${formatParserError(error)}\n` : '';
}

/** `kernel:policy.c aa_may_manage_policy`: CAP_MAC_ADMIN, and a confined task is not a policy admin. */
function mayManagePolicy(kernel: Kernel, task: Task): Errno | undefined {
  if (!kernel.capable(task, 'mac_admin')) return 'EACCES';
  return task.label === undefined ? undefined : 'EACCES';
}
