/**
 * The argument step every command starts with: GNU getopt, and on failure the tool's usage error.
 */
import type { CommandResult } from '../../host.ts';
import type { Invocation } from '../../registry.ts';
import { getopt, type GetoptSpec, type ParsedOption } from './getopt.ts';
import { usageError } from './output.ts';
import { versionText } from './version.ts';

const VERSION_KEY = '--version';

/** Parsed options with lookups by key. */
export type Args = {
  options: ParsedOption[];
  operands: string[];
  /** true when the option appeared */
  has(key: string): boolean;
  /** the last value given for the option */
  value(key: string): string | undefined;
};

/**
 * Parses the invocation's arguments.
 * @param invocation - the command's invocation
 * @param name - the program name for messages
 * @param spec - the accepted options
 * @param status - the exit status of a usage error (ls, sort, grep: 2)
 * @param usage - the busybox synopsis
 * @returns the parsed arguments, or the usage error to return
 */
export function parseArgs(invocation: Invocation, name: string, spec: GetoptSpec, status = 1, usage?: string): Args | CommandResult {
  const program = (invocation.argv[0] ?? '').split('/').pop() ?? '';
  const version = invocation.flavour === 'gnu' ? versionText(program) : undefined;
  // every coreutils program also takes --version (the registry handles --help)
  const withVersion = version === undefined ? spec : { ...spec, long: { ...spec.long, version: { key: VERSION_KEY } } };
  const parsed = getopt(invocation.argv.slice(1), withVersion);
  if (!parsed.ok) return usageError(invocation, name, parsed.message, status, usage);
  const { options, operands } = parsed;
  if (version !== undefined && options.some((o) => o.key === VERSION_KEY)) return { stdout: version, stderr: '', exitCode: 0 };
  return {
    options,
    operands,
    has: (key) => options.some((o) => o.key === key),
    value: (key) => options.findLast((o) => o.key === key && o.value !== undefined)?.value,
  };
}

/**
 * @param parsed - what `parseArgs` returned
 * @returns true when it is a usage error to return
 * @example isFailure({ stdout: '', stderr: 'x', exitCode: 1 }) // → true
 */
export function isFailure(parsed: Args | CommandResult): parsed is CommandResult {
  return 'exitCode' in parsed;
}

/**
 * A command's missing-operand error (`touch: missing file operand`).
 * @param invocation - the invocation
 * @param name - program name
 * @param message - e.g. `missing operand`
 * @param usage - busybox synopsis
 * @returns the usage error (busybox prints only its usage)
 * @example missingOperand(inv, 'mkdir', 'missing operand').exitCode // → 1
 */
export function missingOperand(invocation: Invocation, name: string, message: string, usage?: string): CommandResult {
  return usageError(invocation, name, invocation.flavour === 'busybox' ? '' : message, 1, usage);
}
