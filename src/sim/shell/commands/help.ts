/**
 * `help`: the simulator's own list of commands, derived from the registry (name and summary), with
 * `help NAME` printing the summary derived from that command's spec (its options, one line each).
 * Node-level: not a program in `/usr/bin`.
 */
import type { CommandResult } from '../host.ts';
import { helpText, type CommandSpec, type Invocation } from '../registry.ts';

function run(invocation: Invocation): CommandResult {
  const { registry } = invocation;
  const wanted = invocation.argv.slice(1);
  if (wanted.length > 0) {
    let stdout = '';
    let stderr = '';
    for (const name of wanted) {
      const spec = registry.get(name);
      // bash's help builtin (help.def) names the shell in its error, as the other builtins do
      if (spec === undefined) stderr += `bash: help: no help topics match \`${name}'.  Try \`help help' or \`man -k ${name}' or \`info ${name}'.\n`;
      else stdout += helpText({ ...spec, help: '' });
    }
    return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
  }
  const specs = registry.list();
  const width = Math.max(...specs.map((s) => s.name.length)) + 2;
  const lines = specs.map((s) => `  ${s.name.padEnd(width)}${s.summary}`);
  return {
    stdout: `Commands on this node (type NAME --help for details):\n${lines.join('\n')}\n`,
    stderr: '',
    exitCode: 0,
  };
}

/** `help`. */
export const helpCommand: CommandSpec = {
  name: 'help',
  summary: 'list the commands of this node',
  usage: 'help [NAME]...',
  isNodeLevel: true,
  options: [],
  run,
};
