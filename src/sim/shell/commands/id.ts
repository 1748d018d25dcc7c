/** `id` (GNU coreutils): user and group ids of the process or of a named user. */
import type { CommandSpec } from '../registry.ts';
import { isFailure, parseArgs } from './support/args.ts';
import { programName, quote, usageError } from './support/output.ts';

const LONG = { context: { key: 'Z' }, group: { key: 'g' }, groups: { key: 'G' }, name: { key: 'n' }, real: { key: 'r' }, user: { key: 'u' }, zero: { key: 'z' } };

/** The `id` program. */
export const idCommand: CommandSpec = {
  name: 'id',
  summary: 'print real and effective user and group IDs',
  usage: 'id [OPTION]... [USER]...',
  options: [
    { flag: '-g, --group', summary: 'print only the effective group ID' },
    { flag: '-G, --groups', summary: 'print all group IDs' },
    { flag: '-n, --name', summary: 'print a name instead of a number, for -ugG' },
    { flag: '-r, --real', summary: 'print the real ID instead of the effective ID, with -ugG' },
    { flag: '-u, --user', summary: 'print only the effective user ID' },
  ],
  run(inv) {
    const name = programName(inv, 'id');
    const args = parseArgs(inv, name, { short: 'aZgGnruz', long: LONG });
    if (isFailure(args)) return args;
    const { proc } = inv;
    const only = ['u', 'g', 'G'].filter((k) => args.has(k));
    if (only.length > 1) return usageError(inv, name, 'cannot print "only" of more than one choice');
    if (only.length === 0 && (args.has('n') || args.has('r'))) return usageError(inv, name, 'cannot print only names or real IDs in default format');
    if (args.has('Z')) return { stdout: '', stderr: `${name}: --context (-Z) works only on an SELinux-enabled kernel\n`, exitCode: 1 };
    const users = args.operands.length === 0 ? [undefined] : args.operands;
    let stdout = '';
    let stderr = '';
    for (const user of users) {
      const uid = user === undefined ? proc.uid : (proc.uidOf(user) ?? (/^\d+$/.test(user) && proc.userName(Number(user)) !== undefined ? Number(user) : undefined));
      if (uid === undefined) {
        stderr += inv.flavour === 'busybox' ? `${name}: unknown user ${user ?? ''}\n` : `${name}: ${quote(user ?? '')}: no such user\n`;
        continue;
      }
      const gid = user === undefined ? proc.gid : (proc.gidOf(proc.userName(uid) ?? '') ?? uid);
      stdout += `${describe(inv, uid, gid, only[0], args.has('n'))}\n`;
    }
    return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
  },
};

function describe(inv: Parameters<CommandSpec['run']>[0], uid: number, gid: number, only: string | undefined, isName: boolean): string {
  const { proc } = inv;
  const userText = (id: number): string => (isName ? (proc.userName(id) ?? String(id)) : String(id));
  const groupText = (id: number): string => (isName ? (proc.groupName(id) ?? String(id)) : String(id));
  if (only === 'u') return userText(uid);
  if (only === 'g' || only === 'G') return groupText(gid);
  const named = (id: number, label: string | undefined): string => (label === undefined ? String(id) : `${id}(${label})`);
  return `uid=${named(uid, proc.userName(uid))} gid=${named(gid, proc.groupName(gid))} groups=${named(gid, proc.groupName(gid))}`;
}
