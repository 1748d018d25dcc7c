// Issue 5: every string of ../shared/KUBERNETES.md §1–§4 is produced by some golden transcript. The
// transcripts are replayed byte for byte (kubectl-transcripts.test.ts), so a string found in one is a string
// the simulated cluster printed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'transcripts');
const TRANSCRIPTS = readdirSync(DIR)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(DIR, name), 'utf8'))
  .join('\n');

/** The strings of KUBERNETES.md, by section, exactly as the real components print them. */
const STRINGS: Record<string, string[]> = {
  '§1 deprecation warning': ['Warning: metadata.annotations[container.apparmor.security.beta.kubernetes.io/hello]: deprecated since v1.30; use the "appArmorProfile" field instead'],
  '§2 API validation': [
    'appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost',
    'localhostProfile: Invalid value: " k8s-apparmor-example-deny-write": must not be padded with whitespace',
    'appArmorProfile.localhostProfile: Too long: may not be longer than 4095',
    'can only be set when AppArmor type is Localhost',
    'appArmorProfile.type: Required value: type is required when appArmorProfile is set',
    'Unsupported value: "runtime/default": supported values: "Localhost", "RuntimeDefault", "Unconfined"',
    'Invalid value: "helo": container not found',
    'invalid AppArmor profile name: "Unconfined"',
    'spec.containers[0].securityContext.appArmorProfile.type: Forbidden: apparmor type in annotation and field must match',
    'spec.containers[0].securityContext.appArmorProfile.localhostProfile: Forbidden: apparmor profile in annotation and field must match',
  ],
  '§3 node side': [
    'Cannot enforce AppArmor: AppArmor is not enabled on the host',
    'Cannot enforce AppArmor: invalid empty AppArmor profile name',
    'Error: failed to get container spec opts: failed to generate apparmor spec opts: apparmor profile not found k8s-apparmor-example-deny-write',
    'CreateContainerError',
    'Cannot enforce AppArmor: profile "k8s-apparmor-example-allow-write" is not loaded',
    'Blocked',
    'touch: /tmp/test: Permission denied',
    'command terminated with exit code 1',
    'k8s-apparmor-example-deny-write (enforce)',
    'cri-containerd.apparmor.d (enforce)',
    'docker-default (enforce)',
    'kubelet is posting ready status. AppArmor enabled',
    'Security:[seccomp=unconfined apparmor=k8s-apparmor-example-deny-write]',
  ],
  '§4 admission': [
    'violates PodSecurity "restricted:latest": forbidden AppArmor profiles',
    'must not set AppArmor profile type to "Unconfined"',
    'AppArmor is disabled by feature-gate',
    'apparmor.security.beta.kubernetes.io/defaultProfileName',
    'is not an allowed profile',
  ],
};

describe('KUBERNETES.md strings in the golden transcripts', () => {
  for (const [section, strings] of Object.entries(STRINGS)) {
    it(`produces every ${section} string`, () => {
      expect(strings.filter((s) => !TRANSCRIPTS.includes(s))).toEqual([]);
    });
  }
});
