// Property test over the whole node: random command lines built from the registry's commands, their
// options, AppArmor names and paths never throw and never print JavaScript artefacts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNodeRegistry, createWorld, type World } from '../../src/sim/index.ts';

const registry = createNodeRegistry();
const NAMES = registry.names().filter((name) => name !== 'sleep');
const FLAGS = [...new Set(registry.list().flatMap((spec) => spec.options.flatMap((o) => o.flag.split(/,\s*/))))];
const WORDS = [
  '/etc/apparmor.d/k8s-apparmor-example-deny-write', 'k8s-apparmor-example-deny-write', '/tmp/test', '/tmp', '/etc/passwd',
  '/proc/self/attr/current', '/sys/kernel/security/apparmor/profiles', '/etc/apparmor.d', '/nonexistent', 'user', 'root', '-p',
  '--', '-', '-r', '-R', '-Q', '-C', '-q', '-v', '""', "''", '0', '-1', '99999999999999999999', '*', 'x', 'profile', '{', '}', ',',
  '<<<', "'profile p { /tmp/** w, }'", '|', ';', '&&', '||', '>', '2>&1', '/dev/null', '$?', 'exit',
];
const FORBIDDEN = /undefined|NaN|\[object|simulator error|\n\s+at |Error:|function \(/;

const line = fc
  .tuple(
    fc.constantFrom(...NAMES),
    fc.array(fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 3, arbitrary: fc.constantFrom(...FLAGS) },
      { weight: 1, arbitrary: fc.constantFrom(...NAMES) },
      { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
    ), { maxLength: 6 }),
  )
  .map(([name, args]) => [name, ...args].join(' '))
  .filter((text) => !FORBIDDEN.test(text) && !/object|Error|at |\bsu\b|sudo -[is]|sudo (ba)?sh|exit/.test(text));

describe('fuzzing the node', () => {
  it('answers 10,000 random command lines with well-formed results and no JavaScript leaking', () => {
    let world: World = createWorld();
    let count = 0;
    fc.assert(
      fc.property(line, (text) => {
        if (count++ % 250 === 0) world = createWorld();
        const result = world.run(text);
        expect(Number.isInteger(result.exitCode) && result.exitCode >= 0 && result.exitCode <= 255).toBe(true);
        expect(result.stdout + result.stderr, text).not.toMatch(FORBIDDEN);
        expect(world.prompt()).not.toMatch(FORBIDDEN);
      }),
      { numRuns: 10_000, seed: 20261123 },
    );
  }, 120_000);
});
