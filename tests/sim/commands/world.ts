// The world the command tests run in (the node with every installed command) and helpers to run a line,
// load a profile, collect the audit records of a line and invoke one command spec directly.
import { buildWorld, type World } from '../../../src/sim/node/world.ts';
import { createNodeRegistry } from '../../../src/sim/node/commands.ts';
import type { CommandSpec } from '../../../src/sim/shell/registry.ts';
import { createProcessApi } from '../../../src/sim/node/process.ts';

/** What a test compares: the three streams of one line. */
export type Run = { stdout: string; stderr: string; exitCode: number };

/**
 * @param user - who is logged in (default root)
 * @returns a fresh world with every node command installed
 */
export function makeWorld(user = 'root'): World {
  return buildWorld(createNodeRegistry(), { user });
}

/**
 * Runs one line and keeps only stdout, stderr and the status.
 * @param world - the world
 * @param line - the command line
 * @returns its result
 */
export function run(world: World, line: string): Run {
  const { stdout, stderr, exitCode } = world.run(line);
  return { stdout, stderr, exitCode };
}

/**
 * Loads a profile into the world's kernel (as `apparmor_parser -r` would).
 * @param world - the world
 * @param text - the profile text
 * @returns the load's result
 */
export function loadProfile(world: World, text: string): Run {
  return run(world, `apparmor_parser -r <<'EOF'\n${text}\nEOF`);
}

/**
 * The kernel's audit records logged while running a line, normalised as `dmesg` prints them.
 * @param world - the world
 * @param line - the command line
 * @returns the result and the bare records
 */
export function runAudited(world: World, line: string): Run & { audit: string[] } {
  const mark = world.node.kernel.auditMark();
  const result = run(world, line);
  return { ...result, audit: world.node.kernel.auditSince(mark) };
}

/**
 * Runs a command spec directly as a fresh root task, e.g. with the busybox flavour a busybox container
 * would give it.
 * @param world - the world
 * @param spec - the command
 * @param argv - its argv
 * @param options - flavour, stdin, working directory, process-substitution files
 * @returns its result
 */
export function invoke(world: World, spec: CommandSpec, argv: readonly string[], options: { flavour?: 'gnu' | 'busybox'; stdin?: string; cwd?: string; files?: Record<string, string> } = {}): Run {
  const cwd = options.cwd ?? '/root';
  const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: '/root' };
  const context = { stdin: options.stdin ?? '', env, cwd, runScript: () => ({ stdout: '', stderr: '', exitCode: 0 }), ...(options.files ? { files: options.files } : {}) };
  const task = world.node.kernel.spawn({ exe: `/usr/bin/${spec.name}`, user: 'root' });
  try {
    const proc = createProcessApi(world.node.processHost(context), task, cwd, env);
    return world.node.registry.invoke(spec, { argv, context, proc, node: world.node.info, flavour: options.flavour ?? 'gnu', registry: world.node.registry });
  } finally {
    world.node.kernel.exit(task);
  }
}
