#!/usr/bin/env node
/**
 * The `apparmor-lab` command: the engine and the simulator from a terminal, for instructors and CI.
 * Each subcommand lives in `src/cli/commands/<name>.ts`; this file only dispatches. Its options and output
 * formats are a public interface: keep them stable.
 */
import { CLI_COMMANDS } from './commands/index.ts';

const USAGE = `Usage: apparmor-lab <command> [options]

Commands:
${CLI_COMMANDS.map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`).join('\n')}

Run 'apparmor-lab <command> --help' for a command's options.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = CLI_COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`apparmor-lab: unknown command '${name}'\n${USAGE}\n`);
    return 2;
  }
  return command.run(rest, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
}

process.exitCode = await main(process.argv.slice(2));
