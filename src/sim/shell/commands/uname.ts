/** `uname` (GNU coreutils): kernel and machine facts from the node, in GNU's field order. */
import type { CommandSpec } from '../registry.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { programName, quote, usageError } from './support/output.ts';

const LONG = {
  all: { key: 'a' }, 'kernel-name': { key: 's' }, nodename: { key: 'n' }, 'kernel-release': { key: 'r' },
  'kernel-version': { key: 'v' }, machine: { key: 'm' }, processor: { key: 'p' }, 'hardware-platform': { key: 'i' },
  'operating-system': { key: 'o' },
};

/** The `uname` program. */
export const unameCommand: CommandSpec = {
  name: 'uname',
  summary: 'print system information',
  usage: 'uname [OPTION]...',
  options: [
    { flag: '-a, --all', summary: 'print all information, in the following order, except omit -p and -i if unknown' },
    { flag: '-s, --kernel-name', summary: 'print the kernel name' },
    { flag: '-n, --nodename', summary: 'print the network node hostname' },
    { flag: '-r, --kernel-release', summary: 'print the kernel release' },
    { flag: '-v, --kernel-version', summary: 'print the kernel version' },
    { flag: '-m, --machine', summary: 'print the machine hardware name' },
    { flag: '-p, --processor', summary: 'print the processor type (non-portable)' },
    { flag: '-i, --hardware-platform', summary: 'print the hardware platform (non-portable)' },
    { flag: '-o, --operating-system', summary: 'print the operating system' },
  ],
  run(inv) {
    const name = programName(inv, 'uname');
    const args = parseArgs(inv, name, { short: 'asnrvmpio', long: LONG });
    if (isFailure(args)) return args;
    if (args.operands.length > 0) return usageError(inv, name, `extra operand ${quote(args.operands[0] ?? '')}`);
    const all = args.has('a');
    const want = (key: string): boolean => all || args.has(key);
    const { node } = inv;
    const fields: string[] = [];
    if (want('s') || args.options.length === 0) fields.push('Linux');
    if (want('n')) fields.push(node.hostname);
    if (want('r')) fields.push(node.kernelRelease);
    if (want('v')) fields.push(node.kernelVersion);
    if (want('m')) fields.push(node.machine);
    // as uname.c: -a omits "unknown" processor and platform; asked for explicitly they print it
    if (args.has('p')) fields.push('unknown');
    if (args.has('i')) fields.push('unknown');
    if (want('o')) fields.push('GNU/Linux');
    return { stdout: `${fields.join(' ')}\n`, stderr: '', exitCode: 0 };
  },
};
