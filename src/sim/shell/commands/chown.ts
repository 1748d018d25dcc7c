/** `chown` (GNU coreutils): `OWNER`, `OWNER:GROUP`, `OWNER:`, `:GROUP`, numeric ids, `-R`, `-v`, `-c`. */
import type { CommandSpec, Invocation } from '../registry.ts';
import { isFailure, missingOperand, parseArgs } from './support/args.ts';
import { Output, programName, quote, strerror } from './support/output.ts';
import { joinUnder } from './support/targets.ts';

const LONG = { recursive: { key: 'R' }, verbose: { key: 'v' }, changes: { key: 'c' }, silent: { key: 'f' }, quiet: { key: 'f' }, dereference: { key: 'D' }, 'no-dereference': { key: 'h' } };

type Owner = { uid: number; gid: number };
type Settings = { name: string; owner: Owner; recursive: boolean; verbose: boolean; changes: boolean; quiet: boolean };

/** The `chown` program. */
export const chownCommand: CommandSpec = {
  name: 'chown',
  summary: 'change file owner and group',
  usage: 'chown [OPTION]... [OWNER][:[GROUP]] FILE...',
  options: [
    { flag: '-c, --changes', summary: 'like verbose but report only when a change is made' },
    { flag: '-f, --silent, --quiet', summary: 'suppress most error messages' },
    { flag: '-v, --verbose', summary: 'output a diagnostic for every file processed' },
    { flag: '-R, --recursive', summary: 'operate on files and directories recursively' },
  ],
  run(inv) {
    const name = programName(inv, 'chown');
    const args = parseArgs(inv, name, { short: 'cfhvRHLP', long: LONG });
    if (isFailure(args)) return args;
    if (args.operands.length === 0) return missingOperand(inv, name, 'missing operand');
    if (args.operands.length === 1) return missingOperand(inv, name, `missing operand after ${quote(args.operands[0] ?? '')}`);
    const spec = args.operands[0] ?? '';
    const owner = parseOwner(inv, spec);
    if (typeof owner === 'string') return { stdout: '', stderr: `${name}: ${owner}\n`, exitCode: 1 };
    const settings: Settings = { name, owner, recursive: args.has('R'), verbose: args.has('v'), changes: args.has('c'), quiet: args.has('f') };
    const output = new Output();
    for (const file of args.operands.slice(1)) change(inv, file, settings, output);
    return output.result();
  },
};

function idOf(text: string, lookup: (name: string) => number | undefined): number | undefined {
  return lookup(text) ?? (/^\d+$/.test(text) ? Number(text) : undefined);
}

/** `OWNER[:[GROUP]]` as chown's parse_user_spec; -1 keeps the current value. */
function parseOwner(inv: Invocation, spec: string): Owner | string {
  const cut = spec.search(/[:.]/);
  const userPart = cut === -1 ? spec : spec.slice(0, cut);
  const groupPart = cut === -1 ? undefined : spec.slice(cut + 1);
  let uid = -1;
  let gid = -1;
  if (userPart !== '') {
    const found = idOf(userPart, (n) => inv.proc.uidOf(n));
    if (found === undefined) return `invalid user: ${quote(spec)}`;
    uid = found;
    // `user:` takes the user's login group
    if (groupPart === '') gid = inv.proc.gidOf(inv.proc.userName(uid) ?? '') ?? uid;
  }
  if (groupPart !== undefined && groupPart !== '') {
    const found = idOf(groupPart, (n) => inv.proc.gidOf(n));
    if (found === undefined) return `invalid group: ${quote(spec)}`;
    gid = found;
  }
  return { uid, gid };
}

function ownerText(inv: Invocation, uid: number, gid: number): string {
  return `${inv.proc.userName(uid) ?? uid}:${inv.proc.groupName(gid) ?? gid}`;
}

function change(inv: Invocation, file: string, settings: Settings, output: Output): void {
  const { name, owner } = settings;
  const st = inv.proc.stat(file);
  if (!st.ok) {
    if (!settings.quiet) output.fail(inv.flavour === 'busybox' ? `${name}: ${file}: ${strerror(st.errno)}` : `${name}: cannot access ${quote(file)}: ${strerror(st.errno)}`);
    else output.exitCode = 1;
    return;
  }
  const changed = inv.proc.chown(file, owner.uid, owner.gid);
  const after = { uid: owner.uid === -1 ? st.value.uid : owner.uid, gid: owner.gid === -1 ? st.value.gid : owner.gid };
  const before = ownerText(inv, st.value.uid, st.value.gid);
  if (!changed.ok) {
    if (!settings.quiet) output.fail(inv.flavour === 'busybox' ? `${name}: ${file}: ${strerror(changed.errno)}` : `${name}: changing ownership of ${quote(file)}: ${strerror(changed.errno)}`);
    else output.exitCode = 1;
  } else if (before !== ownerText(inv, after.uid, after.gid)) {
    if (settings.verbose || settings.changes) output.out(`changed ownership of ${quote(file)} from ${before} to ${ownerText(inv, after.uid, after.gid)}\n`);
  } else if (settings.verbose) output.out(`ownership of ${quote(file)} retained as ${before}\n`);
  if (!settings.recursive || st.value.type !== 'dir') return;
  const entries = inv.proc.readdir(file);
  if (!entries.ok) return output.fail(`${name}: cannot read directory ${quote(file)}: ${strerror(entries.errno)}`);
  for (const entry of entries.value) change(inv, joinUnder(file, entry), settings, output);
}
