/**
 * The kernel corpus runner: `runKernelCases(cases) → results` in the result format of the conformance
 * kernel README. Each case gets a fresh kernel (base image + the case's files), its profiles are compiled
 * and loaded through an injected `PolicyLoader` (the engine), then every op runs in order.
 */
import { dmesgLine, normaliseAuditLine } from '../audit-line.ts';
import { Kernel } from '../kernel.ts';
import { loadPolicyFile, type PolicyLoader } from '../policy-loader.ts';
import { resolveUser } from '../users.ts';
import { casesOf, type CaseFile, type CaseFileJson, type CaseResult, type KernelCase, type ParserResult, type ResultFileJson } from './case-format.ts';
import { octal } from './file-op.ts';
import { runOp } from './run-op.ts';

/** Makes a fresh policy loader (one per case, as each case boots its own kernel). */
export type PolicyLoaderFactory = () => PolicyLoader;

const PROBE_CONTENT = '\u007fELF\u0002\u0001\u0001 aaop-probe';

/**
 * Lays the case's files over the base image, as the corpus harness does (unconfined, as root).
 * @param kernel - a fresh kernel
 * @param files - the case's files
 */
export function layFiles(kernel: Kernel, files: readonly CaseFile[]): void {
  for (const file of files) {
    const type = file.type ?? 'file';
    const owner = resolveUser(file.owner) ?? { uid: 0, gid: 0 };
    const base = { uid: owner.uid, gid: owner.gid, content: file.content ?? '' };
    if (type === 'dir') kernel.fs.put(file.path, { type: 'dir', mode: octal(file.mode, 0o755), ...base });
    else if (type === 'symlink') kernel.fs.put(file.path, { type: 'symlink', mode: 0o777, ...base, target: file.target ?? '' });
    else if (type === 'probe') {
      kernel.fs.put(file.path, { type: 'file', mode: octal(file.mode, 0o755), ...base, content: PROBE_CONTENT, exec: { kind: 'static' } });
    } else kernel.fs.put(file.path, { type: type === 'fifo' ? 'fifo' : 'file', mode: octal(file.mode, 0o644), ...base });
  }
}

/**
 * Runs one case.
 * @param kase - the case
 * @param newLoader - makes the loader that compiles policy files
 * @param clock - dmesg stamp counter shared by a run
 * @returns the case's result
 */
export function runKernelCase(kase: KernelCase, newLoader: PolicyLoaderFactory, clock = { serial: 1 }): CaseResult {
  const kernel = new Kernel();
  const loader = newLoader();
  kernel.profiles.nullProfileFactory = (name) => loader.nullProfile(name);
  layFiles(kernel, kase.files ?? []);
  const isComplain = kase.mode === 'complain';
  const parser: ParserResult[] = [];
  const loadRecords: string[] = [];
  kase.profiles.forEach((text, index) => {
    const name = kase.profile_files?.[index] ?? (kase.profiles.length === 1 ? kase.id : `${kase.id}.${index}`);
    const file = `/etc/apparmor.d/${name}`;
    const loaded = loadPolicyFile(kernel, loader, text, file, { isComplain, parserPid: 90 + index });
    const rc = loaded.accepted ? 0 : 1;
    const flags = isComplain ? ' -C' : '';
    parser.push({
      file, rc, accepted: loaded.accepted, loaded: loaded.accepted, stderr: loaded.stderr,
      parser_cmd: `apparmor_parser -Q -K -S${flags} --kernel-features=/var/lib/oracle/kernel-features ${file}`,
    });
    loadRecords.push(...loaded.records);
  });
  const loadedProfiles = kernel.profiles.listing();
  // the harness (a python3 agent, pid 1) runs unconfined
  kernel.spawn({ exe: '/usr/bin/python3', pid: 1, comm: 'python3' });
  const ops = kase.ops.map((op) => {
    const withDefaults = { ...op, as: 'as' in op ? op.as : kase.as, user: op.user ?? kase.user };
    return { op, result: runOp(kernel, withDefaults, clock) };
  });
  return {
    id: kase.id, ...(kase.description === undefined ? {} : { description: kase.description }),
    mode: isComplain ? 'complain' : 'enforce', profiles: kase.profiles, files: kase.files ?? [], parser,
    loaded_profiles: loadedProfiles,
    load_audit: loadRecords.map((record) => dmesgLine(record, 9 + clock.serial / 1000, clock.serial++)),
    load_audit_norm: loadRecords.map(normaliseAuditLine),
    ops,
  };
}

/**
 * Runs a whole case file.
 * @param cases - the parsed case file (`{about, cases}` or a list)
 * @param newLoader - makes a policy loader per case, e.g. `() => createPolicyLoader({ reader })`
 * @param source - the file name for `meta.source`
 * @returns the results in the corpus' result format
 */
export function runKernelCases(cases: CaseFileJson, newLoader: PolicyLoaderFactory, source = 'cases.json'): ResultFileJson {
  const list = casesOf(cases);
  const clock = { serial: 1 };
  const results = list.map((kase) => runKernelCase(kase, newLoader, clock));
  return {
    meta: {
      tool: 'apparmor-lab kernel model', kernel: 'simulated (Linux 6.1 AppArmor semantics)',
      apparmor_parser: 'apparmor-lab engine (apparmor_parser 3.0.8 semantics)', status: 'ok',
      cases: list.length, ops: results.reduce((n, r) => n + r.ops.length, 0), source,
    },
    results,
  };
}
