// The kernel corpus' `op: cmd` operations (real programs started with `aa-exec -p PROFILE --` on a real
// kernel) replayed on the simulated node: exit status, stdout, stderr and the audit records must match
// what the real programs printed. Where we knowingly differ, corpus-cmd-disagreements.json says why; the
// test fails when a new difference appears and when a listed one starts agreeing.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { layFiles } from '../../../src/sim/kernel/index.ts';
import { hasConformanceData, readConformanceJson } from '../../conformance/dir.ts';
import { buildWorld } from '../../../src/sim/node/world.ts';
import { createNodeRegistry } from '../../../src/sim/node/commands.ts';
import { run } from './world.ts';

type CmdOp = { op: string; as?: string | null; user?: string; argv?: string[]; sh?: string };
type OpResult = { exit?: number; stdout?: string; stderr?: string; audit_norm?: string[] };
type CaseResult = {
  id: string; mode?: string; profiles?: string[]; files?: Parameters<typeof layFiles>[1] | null; user?: string;
  ops: { op: CmdOp; result: OpResult }[];
};

const FILES = ['01-k8s-example', '03-file-permissions', '05-capabilities', '07-cks-profile', '08-whitelist-docker', '10-complain'];

/** Normalises what differs between any two runs: pids, ping's times. */
function normalise(text: string): string {
  return text
    .replace(/^\[\d+\] aa-exec/gm, '[<pid>] aa-exec')
    .replace(/pid=\d+/g, 'pid=<pid>')
    .replace(/\/proc\/\d+\//g, '/proc/<pid>/')
    .replace(/time=[\d.]+ ms/g, 'time=<t> ms')
    .replace(/time \d+ms/g, 'time <t>ms')
    .replace(/mdev = [\d./]+ ms/g, 'mdev = <t> ms');
}

function quoteWord(word: string): string {
  return `'${word.replace(/'/g, "'\\''")}'`;
}

function commandLine(op: CmdOp): string {
  const program = op.sh !== undefined ? ['/bin/sh', '-c', op.sh] : (op.argv ?? []);
  const words = program.map(quoteWord).join(' ');
  return op.as === undefined || op.as === null || op.as === 'unconfined' ? words : `aa-exec -p ${quoteWord(op.as)} -- ${words}`;
}

type Outcome = { exit: number; stdout: string; stderr: string; audit: string[] };

function replay(kase: CaseResult, op: CmdOp): Outcome {
  // the corpus VM's hostname (meta.kernel: "Linux oracle 6.1.0-56-amd64 …")
  const world = buildWorld(createNodeRegistry(), { hostname: 'oracle' });
  layFiles(world.node.kernel, kase.files ?? []);
  const complain = kase.mode === 'complain' ? ' -C' : '';
  for (const profile of kase.profiles ?? []) run(world, `apparmor_parser -r${complain} <<'EOF'\n${profile}\nEOF`);
  // the corpus switched users with setpriv after loading the policy as root
  const user = op.user ?? kase.user ?? 'root';
  if (user !== 'root') run(world, `su - ${user}`);
  const mark = world.node.kernel.auditMark();
  const result = run(world, commandLine(op));
  const audit = world.node.kernel.auditSince(mark);
  return { exit: result.exitCode, stdout: normalise(result.stdout), stderr: normalise(result.stderr), audit: audit.map(normalise) };
}

function differences(expected: OpResult, actual: Outcome): string[] {
  const fields: string[] = [];
  if ((expected.exit ?? 0) !== actual.exit) fields.push('exit');
  if (normalise(expected.stdout ?? '') !== actual.stdout) fields.push('stdout');
  if (normalise(expected.stderr ?? '') !== actual.stderr) fields.push('stderr');
  if (JSON.stringify((expected.audit_norm ?? []).map(normalise)) !== JSON.stringify(actual.audit)) fields.push('audit');
  return fields;
}

const LISTED: Record<string, { fields: string[]; reason: string }> = JSON.parse(
  readFileSync(new URL('./corpus-cmd-disagreements.json', import.meta.url), 'utf8'),
);

describe.runIf(hasConformanceData())('the kernel corpus cmd ops on the simulated node', () => {
  it('agree with the real programs except for the listed, explained differences', () => {
    const found: Record<string, string[]> = {};
    let total = 0;
    for (const file of FILES) {
      const { results } = readConformanceJson<{ results: CaseResult[] }>(`kernel/results/${file}.json`);
      for (const kase of results) {
        kase.ops.forEach(({ op, result }, index) => {
          if (op.op !== 'cmd') return;
          total++;
          const fields = differences(result, replay(kase, op));
          if (fields.length > 0) found[`${kase.id}#${index}`] = fields;
        });
      }
    }
    expect(total).toBe(50);
    expect(found).toEqual(Object.fromEntries(Object.entries(LISTED).map(([key, entry]) => [key, entry.fields])));
  });
});
