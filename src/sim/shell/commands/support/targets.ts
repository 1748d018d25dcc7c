/**
 * The operand shape cp, mv and ln share: `SOURCE DEST`, `SOURCE... DIRECTORY`, `-t DIRECTORY SOURCE...`
 * and `-T`, with coreutils' messages for a missing or unusable target.
 */
import type { Invocation } from '../../registry.ts';
import { quote, strerror, usageError } from './output.ts';
import type { CommandResult } from '../../host.ts';

/** One planned operation: the source operand and where it goes. */
export type Pair = { source: string; dest: string };

/**
 * @param path - a path operand
 * @returns its last component (trailing slashes ignored)
 * @example baseName('/a/b/') // → 'b'
 */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : (trimmed.split('/').pop() ?? trimmed);
}

/**
 * @param dir - a directory operand
 * @param name - a base name
 * @returns the joined path
 * @example joinUnder('d/', 'f') // → 'd/f'
 */
export function joinUnder(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

/**
 * Plans the operations of a cp/mv/ln command line.
 * @param inv - the invocation (to stat the target)
 * @param name - the program name
 * @param operands - the operands
 * @param targetDir - `-t DIRECTORY`
 * @param noTargetDir - `-T`
 * @param allowSingle - ln: one operand links into the working directory
 * @returns the pairs, or the usage error to return
 */
export function planTargets(
  inv: Invocation, name: string, operands: readonly string[], targetDir: string | undefined, noTargetDir: boolean, allowSingle = false,
): Pair[] | CommandResult {
  if (targetDir !== undefined) {
    const st = inv.proc.stat(targetDir);
    if (!st.ok) return fail(`${name}: target directory ${quote(targetDir)}: ${strerror(st.errno)}`);
    if (st.value.type !== 'dir') return fail(`${name}: target directory ${quote(targetDir)}: Not a directory`);
    if (operands.length === 0) return usageError(inv, name, 'missing file operand');
    return operands.map((source) => ({ source, dest: joinUnder(targetDir, baseName(source)) }));
  }
  if (operands.length === 0) return usageError(inv, name, 'missing file operand');
  if (operands.length === 1) {
    if (allowSingle) return [{ source: operands[0] ?? '', dest: baseName(operands[0] ?? '') }];
    return usageError(inv, name, `missing destination file operand after ${quote(operands[0] ?? '')}`);
  }
  const target = operands[operands.length - 1] ?? '';
  const sources = operands.slice(0, -1);
  if (noTargetDir) {
    if (sources.length > 1) return usageError(inv, name, `extra operand ${quote(operands[2] ?? '')}`);
    return [{ source: sources[0] ?? '', dest: target }];
  }
  const st = inv.proc.stat(target);
  const isDir = st.ok && st.value.type === 'dir';
  if (!isDir && sources.length > 1) {
    return fail(st.ok ? `${name}: target ${quote(target)} is not a directory` : `${name}: target ${quote(target)}: ${strerror(st.errno)}`);
  }
  return sources.map((source) => ({ source, dest: isDir ? joinUnder(target, baseName(source)) : target }));
}

function fail(line: string): CommandResult {
  return { stdout: '', stderr: `${line}\n`, exitCode: 1 };
}
