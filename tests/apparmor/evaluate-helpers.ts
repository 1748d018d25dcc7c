// Shared by the evaluator's tests: text → parse → resolve (includes from the conformance apparmor.d, or the
// engine's bundle when the data is absent) → compile, plus request builders in the kernel's terms.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseProfile } from '../../src/apparmor/index.ts';
import { bundleReader } from '../../src/apparmor/bundle/index.ts';
import { compilePolicy, type CompiledPolicy, type CompiledProfile } from '../../src/apparmor/policy/compile.ts';
import { MAY, type FileOperation, type FileRequest } from '../../src/apparmor/policy/request.ts';
import { resolvePolicy } from '../../src/apparmor/policy/resolve.ts';
import type { IncludeReader } from '../../src/apparmor/policy/resolved-policy.ts';
import { CONFORMANCE_DIR, hasConformanceData } from '../conformance/dir.ts';

const APPARMOR_D = join(CONFORMANCE_DIR, 'apparmor.d');

/** Reads includes from conformance/apparmor.d; `tunables/xdg-user-dirs.d` is an empty folder git cannot hold. */
export const conformanceReader: IncludeReader = {
  readFile(path) {
    const full = join(APPARMOR_D, path.replace(/^\/etc\/apparmor\.d\/?/, ''));
    return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : undefined;
  },
  listDir(path) {
    const rel = path.replace(/^\/etc\/apparmor\.d\/?/, '');
    const full = join(APPARMOR_D, rel);
    if (existsSync(full) && statSync(full).isDirectory()) return readdirSync(full);
    return rel.replace(/\/$/, '') === 'tunables/xdg-user-dirs.d' ? [] : undefined;
  },
};

/** @returns the compiled policy of `text` (includes resolved), failing loudly on parse/resolve errors */
export function compileText(text: string): CompiledPolicy {
  const parsed = parseProfile(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`parse errors: ${errors.map((d) => d.message).join('; ')}`);
  const reader = hasConformanceData() ? conformanceReader : bundleReader;
  const resolved = resolvePolicy(parsed.ast, { reader, text });
  const resolveErrors = resolved.diagnostics.filter((d) => d.severity === 'error');
  if (resolveErrors.length) throw new Error(`resolve errors: ${resolveErrors.map((d) => d.message).join('; ')}`);
  return compilePolicy(resolved);
}

/** @returns the named profile of `text` */
export function profileOf(text: string, name: string): CompiledProfile {
  const profile = compileText(text).byName.get(name);
  if (!profile) throw new Error(`no profile ${name}`);
  return profile;
}

/** The kernel's request for each file operation the corpus helper performs (`kernel:lsm.c` hooks; opens as
 * `include/file.h aa_map_file_to_perms`, which asks for no separate open bit). */
export const FILE_MASKS = {
  read: MAY.READ,
  write: MAY.WRITE,
  rdwr: MAY.READ | MAY.WRITE,
  append: MAY.APPEND,
  create: MAY.CREATE,
  unlink: MAY.DELETE,
  mkdir: MAY.CREATE,
  rmdir: MAY.DELETE,
  lock: MAY.LOCK,
  mmapExec: MAY.EXEC_MMAP,
  truncate: MAY.WRITE,
  chmod: MAY.CHMOD,
  stat: MAY.GETATTR,
} as const;

/** @returns a file request as the corpus helper (`comm="aaop"`, root) makes it */
export function fileRequest(operation: FileOperation, path: string, mask: number, extra: Partial<FileRequest> = {}): FileRequest {
  return { class: 'file', operation, path, mask, fsuid: 0, ouid: 0, comm: 'aaop', ...extra };
}
