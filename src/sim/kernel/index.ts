/**
 * The kernel model's public entry: what the node simulator, the CLI and tests use. A minimal, pure-TS
 * model of what Linux does around AppArmor (file system, tasks, syscalls in the kernel's order, audit
 * log); AppArmor's decisions come from the engine through `createPolicyLoader`.
 */
export { Kernel, ok, fail, type SysResult, type SpawnOptions } from './kernel.ts';
export { FileSystem, joinPath, parentOf, splitPath, type ExecInfo, type FileType, type Inode, type Lookup } from './fs.ts';
export { createBaseFileSystem, BASE_PROGRAMS, HELPER_PATH, LD_SO_CACHE, LIBC } from './base-image.ts';
export { ProfileSet, attachmentScore, loadOrder, type LoadedMode, type LoadedProfile } from './profile-set.ts';
export { createPolicyLoader, loadPolicyFile, removePolicyProfile, type PolicyLoader, type PolicyLoaderOptions, type PolicyLoadResult } from './policy-loader.ts';
export { commOf, labelName, labelText, type OpenFile, type Task } from './task.ts';
export { USERS, resolveUser, type User } from './users.ts';
export { ERRNO, ERRNO_TEXT, type Errno } from './errno.ts';
export { dmesgLine, normaliseAuditLine } from './audit-line.ts';
export { statusRecord, labelNotFoundRecord } from './kernel-records.ts';
export { inodePermission, mayCreate, mayDelete, modeAllows } from './dac.ts';
export { parseOpenFlags, openRequestMask, sysOpen, sysRead, sysWrite, sysClose, installInheritedFd, type OpenFlags } from './syscalls/open.ts';
export {
  sysChmod, sysChown, sysLink, sysLock, sysMkdir, sysMknod, sysMmap, sysReaddir, sysReadlink, sysRemove, sysRename,
  sysStat, sysTruncate, type LockHow,
} from './syscalls/file-ops.ts';
export { sysExecve, execTransition, type ExecOutcome } from './syscalls/exec.ts';
export { sysSocket, sysBind, sysSocketOp, sysSetsockopt, protocolNumber } from './syscalls/net.ts';
export { sysKill, sysPtraceAttach, sysReadEnviron, signalName } from './syscalls/ipc.ts';
export { sysMount, sysSetrlimit, type MountArgs } from './syscalls/mount.ts';
export { sysChangeProfile, sysChangeHat } from './syscalls/procattr.ts';
export { runKernelCases, runKernelCase, layFiles, type PolicyLoaderFactory } from './corpus/run-cases.ts';
export { CMD_UNSUPPORTED } from './corpus/run-op.ts';
export type * from './corpus/case-format.ts';
