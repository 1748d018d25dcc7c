// Fuzz: 100,000 random and mutated profiles through parse → resolve → compile → evaluate. Whatever the
// input, no exception may escape (the engine reports problems as diagnostics). Timing is reported by
// `npm run bench`, never asserted here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideFile, evaluate } from '../../src/apparmor/policy/evaluate.ts';
import { MAY, type AccessRequest } from '../../src/apparmor/policy/request.ts';
import { createRandom, loadSeeds, mutate, runPipeline } from './fuzz-corpus.ts';
import { compileText } from './evaluate-helpers.ts';

const seeds = loadSeeds();
const PIECES = ['profile p {', '}', ' /tmp/** rw,', ' deny /x w,', ' capability,', ' network tcp,', ' file,', ' ^h {', ' @{V}', '\n', ' x -> y,', ' signal peer=@{p},', '"', '[', '{a,', ' audit owner /a/*/ r,'];

describe('fuzzing the whole pipeline', () => {
  it('survives 90,000 mutated seed profiles without an exception', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.integer(), (index, seed) => {
        const text = mutate(seeds[index] ?? '', createRandom(seed));
        expect(() => runPipeline(text)).not.toThrow();
      }),
      { numRuns: 90_000, seed: 20261123 },
    );
  });

  it('survives 10,000 profiles built from random pieces and characters without an exception', () => {
    const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        expect(() => runPipeline(parts.join(''))).not.toThrow();
      }),
      { numRuns: 10_000, seed: 11232026 },
    );
  });

  it('decides something for the unmutated seeds, so the pipeline is really exercised', () => {
    const decided = seeds.reduce((sum, text) => sum + runPipeline(text), 0);
    expect(decided).toBeGreaterThan(seeds.length);
  });

  const policy = compileText(`#include <tunables/global>
profile d flags=(attach_disconnected) { #include <abstractions/base>
  file, capability, network, deny @{PROC}/sys/[^k]** w, deny /sys/[^f]*/** wklx, audit deny /etc/shadow r,
  owner /home/*/** rwl, link /tmp/l -> /tmp/**, signal (receive) peer=unconfined, mount fstype=tmpfs -> /mnt/,
  ^hat { /tmp/h r, } profile child { /tmp/c/** r, }
}
profile c flags=(complain) { /tmp/ok r, deny /tmp/no w, }`);
  const segment = fc.constantFrom('tmp', 'etc', 'proc', 'sys', 'home', 'user', 'kernel', 'shadow', 'l', 'h', '.x', '1', 'sysrq-trigger', 'a b', 'é', '');
  const path = fc.tuple(fc.array(segment, { maxLength: 6 }), fc.boolean()).map(([parts, isDir]) => `/${parts.join('/')}${isDir ? '/' : ''}`);
  const mask = fc.integer({ min: 0, max: 0x7ffff });

  it('gives decideFile the verdict of evaluate for 20,000 random file requests', () => {
    fc.assert(
      fc.property(fc.constantFrom('d', 'c', 'd//hat', 'd//child'), path, mask, fc.nat(2), fc.nat(2), (name, p, m, fsuid, ouid) => {
        const profile = policy.byName.get(name);
        const decision = evaluate(profile, { class: 'file', operation: 'open', path: p, mask: m, fsuid, ouid });
        expect(decideFile(profile, p, m, fsuid, ouid)).toBe(decision.verdict === 'allow');
      }),
      { numRuns: 20_000, seed: 4242 },
    );
  });

  it('decides 20,000 random requests of every class without an exception', () => {
    const request: fc.Arbitrary<AccessRequest> = fc.oneof(
      fc.record({ class: fc.constant('file' as const), operation: fc.constantFrom('open' as const, 'link' as const, 'mkdir' as const), path, mask, fsuid: fc.nat(2), ouid: fc.nat(2), target: path }),
      fc.record({ class: fc.constant('exec' as const), path, fsuid: fc.nat(2), ouid: fc.nat(2) }),
      fc.record({ class: fc.constant('capability' as const), capability: fc.constantFrom('chown', 'net_raw', 'nope', '') }),
      fc.record({ class: fc.constant('network' as const), operation: fc.constant('create' as const), family: fc.constantFrom('inet', 'unix', 'nope'), type: fc.constantFrom('stream', 'raw', 'x'), protocol: fc.nat(300) }),
      fc.record({ class: fc.constant('signal' as const), access: fc.constantFrom('send' as const, 'receive' as const), signal: fc.constantFrom('term', 'rtmin+3', ''), peer: fc.string({ maxLength: 8 }) }),
      fc.record({ class: fc.constant('ptrace' as const), access: fc.constantFrom('trace' as const, 'readby' as const), peer: fc.string({ maxLength: 8 }) }),
      fc.record({ class: fc.constant('mount' as const), operation: fc.constantFrom('mount' as const, 'umount' as const), path, fstype: fc.constantFrom('tmpfs', 'ext4'), flags: fc.array(fc.constantFrom('ro', 'bind', 'rw')) }),
      fc.record({ class: fc.constant('change_profile' as const), operation: fc.constant('change_profile' as const), target: fc.constantFrom('d', 'c', 'nope', 'unconfined') }),
      fc.record({ class: fc.constant('rlimit' as const), resource: fc.constantFrom('nofile', 'cpu'), value: fc.integer() }),
    );
    fc.assert(
      fc.property(fc.constantFrom(undefined, 'd', 'c', 'd//hat'), request, (name, r) => {
        const decision = evaluate(name === undefined ? undefined : policy.byName.get(name), r, { policy });
        expect(['allow', 'deny']).toContain(decision.verdict);
        expect(decision.audit).toBe(decision.record !== undefined);
      }),
      { numRuns: 20_000, seed: 777 },
    );
  });
});
