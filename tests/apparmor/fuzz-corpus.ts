// The fuzz corpus shared by tests/apparmor/fuzz.test.ts and the benchmark: seed profiles (the conformance
// profiles, a sample of parser simple_tests, and hand-written ones) and a seeded mutator that deletes,
// inserts and duplicates characters and tokens, plus the whole pipeline the fuzz test drives.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProfile } from '../../src/apparmor/index.ts';
import { compilePolicy } from '../../src/apparmor/policy/compile.ts';
import { evaluate } from '../../src/apparmor/policy/evaluate.ts';
import { PatternCache } from '../../src/apparmor/policy/matchers.ts';
import { MAY, type AccessRequest } from '../../src/apparmor/policy/request.ts';
import { resolvePolicy } from '../../src/apparmor/policy/resolve.ts';
import { AuditCache } from '../../src/apparmor/audit/cache.ts';
import { IncludeCache } from '../../src/apparmor/policy/include-cache.ts';
import type { IncludeReader } from '../../src/apparmor/policy/resolved-policy.ts';
import { CONFORMANCE_DIR, hasConformanceData } from '../conformance/dir.ts';
import { conformanceReader } from './evaluate-helpers.ts';

const HAND_WRITTEN = [
  'profile p { /tmp/** rw, deny /tmp/x w, audit /etc/* r, owner /home/*/** rwl, }',
  'profile q flags=(complain) { capability net_raw, network inet stream, signal (send) peer=q, ptrace (read), }',
  'profile e /usr/bin/e { /usr/bin/* Pix, /bin/sh cx -> kid, profile kid { /bin/sh rm, } ^hat { /tmp/h r, } }',
  'profile m { mount fstype=tmpfs options=(ro,nosuid) /dev/x -> /mnt/, umount /mnt/, set rlimit nofile <= 1024, }',
  'profile l { link subset /tmp/l -> /tmp/**, /tmp/t rl, change_profile -> other, unix (create) type=stream, }',
  '@{X}=/a /b\nprofile v { @{X}/** r, /{a,b,c{d,e}}/[^x]?* w, }',
];

/** Token-ish pieces the mutator inserts: keywords, punctuation and glob syntax. */
const TOKENS = [
  ',', '{', '}', '(', ')', '/', '**', '*', '?', '[', ']', '[^', '^', '@{HOME}', '@{', '->', '"', '#', '\n', ' ',
  'deny ', 'audit ', 'owner ', 'allow ', 'profile ', 'file,', 'capability ', 'network ', 'signal ', 'ptrace ',
  'mount ', 'umount ', 'link ', 'subset ', 'rw', 'ix', 'Px', 'cux', 'x', 'l', 'k', 'm', 'peer=', 'set=(', 'flags=(',
  'complain', 'kill', 'unconfined', '#include <abstractions/base>\n', 'include if exists <nope>\n', '\\', '=', '+=',
];

/** @returns the seed profiles (the conformance ones only when the data is present) */
export function loadSeeds(): string[] {
  const seeds = [...HAND_WRITTEN];
  if (!hasConformanceData()) return seeds;
  const dir = join(CONFORMANCE_DIR, 'profiles');
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) seeds.push(readFileSync(join(dir, name), 'utf8'));
  }
  const simple = join(CONFORMANCE_DIR, 'parser/simple_tests/file');
  for (const name of readdirSync(simple).filter((n) => n.endsWith('.sd')).slice(0, 60)) {
    seeds.push(readFileSync(join(simple, name), 'utf8'));
  }
  return seeds;
}

/** A small seeded PRNG (mulberry32) so every fuzz run is reproducible from its seed. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @returns `text` after 1–4 random edits: delete/insert/duplicate a character, a token or a span */
export function mutate(text: string, random: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = Math.floor(random() * 6);
    const span = 1 + Math.floor(random() * 12);
    if (kind === 0) out = out.slice(0, at) + out.slice(at + 1);
    else if (kind === 1) out = out.slice(0, at) + String.fromCharCode(32 + Math.floor(random() * 95)) + out.slice(at);
    else if (kind === 2) out = out.slice(0, at) + out.slice(at, at + span) + out.slice(at);
    else if (kind === 3) out = out.slice(0, at) + TOKENS[Math.floor(random() * TOKENS.length)] + out.slice(at);
    else if (kind === 4) out = out.slice(0, at) + out.slice(at + span);
    else out = out.slice(0, at) + out.slice(0, span) + out.slice(at);
  }
  return out;
}

const REQUESTS: AccessRequest[] = [
  { class: 'file', operation: 'open', path: '/tmp/x', mask: MAY.READ | MAY.WRITE, fsuid: 0, ouid: 0 },
  { class: 'file', operation: 'mkdir', path: '/etc/new/', mask: MAY.CREATE, fsuid: 1000, ouid: 1000 },
  { class: 'file', operation: 'link', path: '/tmp/l', mask: MAY.LINK, fsuid: 0, ouid: 0, target: '/tmp/t' },
  { class: 'exec', path: '/usr/bin/e', fsuid: 0, ouid: 0 },
  { class: 'capability', capability: 'net_raw' },
  { class: 'network', operation: 'create', family: 'inet', type: 'raw', protocol: 1 },
  { class: 'signal', access: 'send', signal: 'term', peer: 'unconfined' },
  { class: 'mount', operation: 'mount', path: '/mnt/', fstype: 'tmpfs', flags: ['ro'] },
];

const patterns = new PatternCache();
const auditCache = new AuditCache();
const includes = new IncludeCache();
// the conformance apparmor.d is read-only: read each file from disk once, as the simulated node and the editor
// read theirs from memory, so the pipeline's figures measure the engine and not the disk
const texts = new Map<string, string | undefined>();
const listings = new Map<string, string[] | undefined>();
const reader: IncludeReader = {
  readFile: (path) => (texts.has(path) ? texts.get(path) : texts.set(path, conformanceReader.readFile(path)).get(path)),
  listDir: (path) => (listings.has(path) ? listings.get(path) : listings.set(path, conformanceReader.listDir(path)).get(path)),
};

/**
 * Drives one text through parse → resolve → compile → evaluate of a few requests for every profile.
 *
 * @returns how many decisions were made
 */
export function runPipeline(text: string): number {
  const parsed = parseProfile(text);
  const resolved = resolvePolicy(parsed.ast, { reader, text, includes });
  const policy = compilePolicy(resolved, patterns);
  let decisions = 0;
  for (const profile of policy.byName.values()) {
    for (const request of REQUESTS) {
      evaluate(profile, request, { policy, auditCache });
      decisions++;
    }
  }
  evaluate(undefined, REQUESTS[3] as AccessRequest, { policy });
  return decisions;
}
