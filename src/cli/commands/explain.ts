/**
 * `apparmor-lab explain PROFILE --op write --path /tmp/test`: one access decision explained for a human —
 * the verdict, the rule that decided (file:line and its text), every other matching rule and why it
 * matched, the implicit deny when nothing matched, what complain mode would change, and the exact audit
 * line (or that the kernel stays quiet). The request is built as the kernel model builds it.
 */
import { readFileSync } from 'node:fs';
import {
  checkPolicy, compilePolicy, evaluate, formatParserError, LineCounter, MAY,
  type AccessRequest, type CompiledProfile, type Decision, type IncludeReader, type RuleRef,
} from '../../apparmor/index.ts';
import { createBaseFileSystem } from '../../sim/kernel/base-image.ts';
import { protocolNumber } from '../../sim/kernel/syscalls/net.ts';
import { resolveUser } from '../../sim/kernel/users.ts';
import { createIncludeReader, parseKernelArgs } from './eval.ts';
import type { CliCommand, CliIo } from './types.ts';

const HELP = `Usage: apparmor-lab explain PROFILE --op OP [subject options] [options]

Explains how the kernel decides one access for a profile: the verdict, the rule that decided it, every
other matching rule and why it matched, what complain mode would change, and the audit line.

Operations and their subjects:
  --op read|write|append|create|mkdir|rmdir|unlink|truncate|chmod|chown|lock|mmap|link --path PATH
       (link also takes --target PATH, the existing file)
  --op exec --path PATH
  --op capability --cap NAME                      e.g. --cap net_raw
  --op network --family inet --type raw [--protocol icmp]
  --op signal --signal term [--peer LABEL] [--access send|receive]

Options:
  --profile NAME         which profile of the file (default: the first)
  --user root|user|UID   who asks (default root)
  --owner root|user|UID  who owns the file (default: the user, i.e. an own file)
  --mode enforce|complain  load the profile in this mode (default: as written)
  -I, --include DIR      look for #include files in DIR before the bundled /etc/apparmor.d
  -h, --help             show this help
`;

const FILE_OPS: Record<string, { operation: string; mask: number; isDir?: boolean }> = {
  read: { operation: 'open', mask: MAY.READ },
  write: { operation: 'open', mask: MAY.WRITE },
  append: { operation: 'open', mask: MAY.APPEND },
  create: { operation: 'mknod', mask: MAY.CREATE },
  mkdir: { operation: 'mkdir', mask: MAY.CREATE, isDir: true },
  rmdir: { operation: 'rmdir', mask: MAY.DELETE, isDir: true },
  unlink: { operation: 'unlink', mask: MAY.DELETE },
  truncate: { operation: 'truncate', mask: MAY.WRITE | MAY.SETATTR },
  chmod: { operation: 'chmod', mask: MAY.CHMOD },
  chown: { operation: 'chown', mask: MAY.CHOWN },
  lock: { operation: 'file_lock', mask: MAY.LOCK | MAY.WRITE },
  mmap: { operation: 'file_mmap', mask: MAY.READ | MAY.EXEC_MMAP },
  link: { operation: 'link', mask: MAY.LINK },
};

type Built = { request: AccessRequest; describe: string; note?: string };

/** Resolves symlinks as the kernel does before mediation, with the trailing `/` of directories. */
function mediated(path: string, isDir: boolean): { path: string; note?: string } {
  const found = createBaseFileSystem().lookup(path);
  const canonical = found.path;
  const withSlash = (isDir || (found.ok && found.inode.type === 'dir')) && !canonical.endsWith('/') ? `${canonical}/` : canonical;
  return withSlash === path ? { path } : { path: withSlash, note: `mediated as ${withSlash} (symlinks resolved, directories end in /)` };
}

function buildRequest(flags: Map<string, string | true>): Built | string {
  const get = (name: string): string | undefined => {
    const value = flags.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const op = get('op');
  const user = resolveUser(get('user'));
  if (!user) return `unknown user ${get('user')}`;
  const owner = get('owner') === undefined ? user : resolveUser(get('owner'));
  if (!owner) return `unknown owner ${get('owner')}`;
  const ctx = { pid: 4242, comm: 'aaop' };
  if (op !== undefined && op in FILE_OPS) {
    const spec = FILE_OPS[op]!;
    const raw = get('path');
    if (!raw) return `--op ${op} needs --path`;
    const target = get('target');
    const { path, note } = mediated(raw, spec.isDir === true);
    const isCreate = spec.operation === 'mknod' || spec.operation === 'mkdir';
    const request = {
      class: 'file', operation: spec.operation, path, mask: spec.mask, fsuid: user.uid, ouid: isCreate ? user.uid : owner.uid,
      ...(target ? { target: mediated(target, false).path } : {}), ...ctx,
    } as AccessRequest;
    return { request, describe: `${op} ${path} as ${user.name} (fsuid ${user.uid}, file owner ${isCreate ? user.uid : owner.uid})`, ...(note ? { note } : {}) };
  }
  switch (op) {
    case 'exec': {
      const raw = get('path');
      if (!raw) return '--op exec needs --path';
      const { path, note } = mediated(raw, false);
      return { request: { class: 'exec', path, fsuid: user.uid, ouid: owner.uid, ...ctx }, describe: `exec ${path} as ${user.name}`, ...(note ? { note } : {}) };
    }
    case 'capability': {
      const cap = get('cap');
      if (!cap) return '--op capability needs --cap NAME';
      return { request: { class: 'capability', capability: cap.replace(/^cap_/i, '').toLowerCase(), ...ctx }, describe: `capability ${cap}` };
    }
    case 'network': {
      const family = get('family') ?? 'inet';
      const type = get('type') ?? 'stream';
      const protocol = protocolNumber(get('protocol'));
      return { request: { class: 'network', operation: 'create', family, type, protocol, ...ctx }, describe: `socket(${family}, ${type}, ${protocol})` };
    }
    case 'signal': {
      const access = get('access') === 'receive' ? 'receive' : 'send';
      const signal = get('signal') ?? 'term';
      const peer = get('peer') ?? 'unconfined';
      return { request: { class: 'signal', access, signal, peer, ...ctx }, describe: `signal ${signal} (${access}) with peer ${peer}` };
    }
    default:
      return `unknown --op ${op ?? '(none)'}; see --help`;
  }
}

/** `file:line  rule text` for a rule reference. */
function ruleLocation(ref: RuleRef, mainFile: string, mainText: string, reader: IncludeReader): string {
  if (ref.implicitReason) return `(implicit rule) ${ref.implicitReason}`;
  const text = ref.file === mainFile ? mainText : (reader.readFile(ref.file) ?? '');
  const line = new LineCounter(text).linePos(ref.range[0]).line;
  const ruleText = text.slice(ref.range[0], ref.range[1]).replace(/\s+/g, ' ').trim();
  return `${ref.file}:${line}  ${ruleText}`;
}

function renderDecision(decision: Decision, location: (ref: RuleRef) => string): string[] {
  const lines: string[] = [];
  const verdict = decision.verdict === 'allow' ? 'ALLOWED' : `DENIED (${decision.errno ?? 'EACCES'})`;
  lines.push(`Verdict: ${verdict} — ${decision.reason}`, `Why: ${decision.summary}`);
  if (decision.decidedBy) lines.push(`Decided by: ${location(decision.decidedBy)}`);
  const others = decision.matches.filter((m) => !decision.decidedBy || m.rule.index !== decision.decidedBy.index || m.rule.file !== decision.decidedBy.file);
  if (decision.matches.length === 0) {
    lines.push('Matching rules: none. Nothing in the profile grants this, so it is an implicit deny (AppArmor denies what no rule allows).');
  } else if (others.length > 0) {
    lines.push('Other matching rules:');
    for (const m of others) {
      const qualifiers = `${m.isAudit ? 'audit ' : ''}${m.effect}${m.owner ? ` ${m.owner}` : ''}`;
      const applies = m.applies ? '' : ' (does not apply: owner condition not met)';
      lines.push(`  ${location(m.rule)}\n    ${qualifiers} ${m.perms}: ${m.why}${applies}`);
    }
  }
  if (decision.transition) lines.push(`Exec transition: ${decision.transition.label} (${decision.transition.mode}${decision.transition.isSecure ? ', environment scrubbed' : ''})`);
  return lines;
}

function complainNote(enforce: Decision, complain: Decision | undefined): string {
  if (!complain) return 'Complain mode: (could not evaluate)';
  if (enforce.verdict === complain.verdict) {
    return enforce.verdict === 'allow'
      ? 'Complain mode: no change (already allowed).'
      : 'Complain mode: still denied — explicit deny rules are enforced in complain mode too.';
  }
  return `Complain mode: allowed, and logged as ${complain.record ? `apparmor="${complain.record.type}"` : 'nothing'}.`;
}

function compile(text: string, file: string, reader: IncludeReader, mode: string | undefined): CompiledProfile[] | string {
  const checked = checkPolicy(text, { reader, fileName: file, text });
  const error = checked.diagnostics.find((d) => d.severity === 'error');
  if (error) return formatParserError(error, { fileName: file });
  const compiled = compilePolicy(checked.policy);
  const profiles = [...compiled.byName.values()];
  if (mode === 'complain' || mode === 'enforce') for (const p of profiles) p.mode = mode;
  return profiles;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseKernelArgs(args, []);
  if (parsed.flags.has('help')) {
    io.stdout.write(HELP);
    return 0;
  }
  const file = parsed.positional[0];
  if (parsed.error || file === undefined) {
    io.stderr.write(`apparmor-lab explain: ${parsed.error ?? 'give a profile file'}\n${HELP}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr.write(`apparmor-lab explain: cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const built = buildRequest(parsed.flags);
  if (typeof built === 'string') {
    io.stderr.write(`apparmor-lab explain: ${built}\n`);
    return 2;
  }
  const reader = createIncludeReader(parsed.includeDirs);
  const mode = parsed.flags.get('mode');
  const profiles = compile(text, file, reader, typeof mode === 'string' ? mode : undefined);
  if (typeof profiles === 'string') {
    io.stderr.write(`${profiles}\n`);
    return 1;
  }
  const wanted = parsed.flags.get('profile');
  const profile = typeof wanted === 'string' ? profiles.find((p) => p.name === wanted) : profiles[0];
  if (!profile) {
    io.stderr.write(`apparmor-lab explain: no profile ${typeof wanted === 'string' ? wanted : ''} in ${file} (has: ${profiles.map((p) => p.name).join(', ') || 'none'})\n`);
    return 1;
  }
  const policy = { profiles: profiles.filter((p) => p.parent === undefined), byName: new Map(profiles.map((p) => [p.name, p])), diagnostics: [] };
  const decision = evaluate(profile, built.request, { policy });
  const complainProfiles = profile.mode === 'complain' ? undefined : compile(text, file, reader, 'complain');
  const complainProfile = Array.isArray(complainProfiles) ? complainProfiles.find((p) => p.name === profile.name) : undefined;
  const complain = complainProfile ? evaluate(complainProfile, built.request) : undefined;
  const location = (ref: RuleRef): string => ruleLocation(ref, file, text, reader);
  const lines = [
    `Profile: ${profile.name} (${profile.mode}) from ${file}`,
    `Request: ${built.describe}`,
    ...(built.note ? [`Note: ${built.note}`] : []),
    ...renderDecision(decision, location),
    profile.mode === 'complain' ? 'Complain mode: this profile is already in complain mode.' : complainNote(decision, complain),
    decision.record ? `Audit line: ${decision.record.line}` : `Audit line: none — ${decision.verdict === 'deny' ? 'no audit line (quiet deny)' : 'allowed accesses are not logged without an audit rule'}`,
    ...(built.request.class === 'file' ? ['Note: only AppArmor is explained; for an existing file the kernel checks Unix permissions (DAC) first.'] : []),
  ];
  io.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** The `explain` command. */
export const explainCommand: CliCommand = {
  name: 'explain',
  usage: 'explain PROFILE --op OP [--path P|--cap C|…]',
  summary: 'explain one access decision: verdict, deciding rule, matches, audit line',
  run,
};
