/**
 * File input as the text tools see it: `-` is standard input, an open failure and a read failure (a
 * directory opens fine and then fails with EISDIR) are reported differently by each tool.
 */
import type { Errno } from '../../../node/process-api.ts';
import type { Invocation } from '../../registry.ts';

/** The content of one input, or where reading it failed. */
export type InputText = { ok: true; text: string } | { ok: false; errno: Errno; phase: 'open' | 'read' };

/**
 * Reads one input operand through the process API (open, read, close: AppArmor decides).
 * @param inv - the invocation (stdin, process)
 * @param operand - a path, `-` for standard input, or a `/dev/fd/NN` of a process substitution
 * @returns the text, or the errno and the failing phase
 */
export function readInput(inv: Invocation, operand: string): InputText {
  if (operand === '-') return { ok: true, text: inv.context.stdin };
  // process substitution: the shell hands `<(…)` output over as /dev/fd/NN contents
  const substituted = inv.context.files?.[operand];
  if (substituted !== undefined) return { ok: true, text: substituted };
  const read = inv.proc.readFile(operand);
  if (read.ok) return { ok: true, text: read.value };
  return { ok: false, errno: read.errno, phase: read.errno === 'EISDIR' ? 'read' : 'open' };
}

/**
 * Splits text into lines, keeping track of whether the last one ended with a newline.
 * @param text - file content
 * @returns the lines without their newlines
 * @example splitLines('a\nb') // → ['a', 'b']
 */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
