// seccompProfile beside appArmorProfile (issue 5, part 6): accepted, shown, and validated as the apiserver does.
import { describe, expect, it } from 'vitest';
import { createWorld, parseClusterVersion } from '../../src/sim/index.ts';

function world() {
  return createWorld({ cluster: { version: parseClusterVersion('1.30')! } });
}

function pod(name: string, podSeccomp: string, containerSeccomp = ''): string {
  return `kubectl create -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  securityContext:
${podSeccomp}
  containers:
  - name: c
    image: busybox
    command: ["sleep", "1h"]
${containerSeccomp}
EOF`;
}

describe('seccompProfile in a pod', () => {
  it('accepts RuntimeDefault, Unconfined and a relative Localhost profile and shows them', () => {
    const w = world();
    expect(w.run(pod('rd', '    seccompProfile:\n      type: RuntimeDefault')).stdout).toBe('pod/rd created\n');
    expect(w.run(pod('lh', '    seccompProfile:\n      type: Localhost\n      localhostProfile: profiles/audit.json')).stdout).toBe('pod/lh created\n');
    expect(w.run("kubectl get pod lh -o jsonpath='{.spec.securityContext.seccompProfile.localhostProfile}'").stdout).toBe('profiles/audit.json');
  });

  it('rejects an unknown type, a Localhost profile without a name, an absolute path and ..', () => {
    const w = world();
    expect(w.run(pod('bad', '    seccompProfile:\n      type: Bogus', '    securityContext:\n      seccompProfile:\n        type: Localhost')).stderr).toBe(
      'The Pod "bad" is invalid: \n'
      + '* spec.containers[0].securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost\n'
      + '* spec.securityContext.seccompProfile.type: Unsupported value: "Bogus": supported values: "Localhost", "RuntimeDefault", "Unconfined"\n',
    );
    expect(w.run(pod('abs', '    seccompProfile:\n      type: Localhost\n      localhostProfile: /etc/x/../y.json')).stderr).toBe(
      'The Pod "abs" is invalid: \n'
      + '* spec.securityContext.seccompProfile.localhostProfile: Invalid value: "/etc/x/../y.json": must be a relative path\n'
      + '* spec.securityContext.seccompProfile.localhostProfile: Invalid value: "/etc/x/../y.json": must not contain \'..\'\n',
    );
    expect(w.run(pod('none', '    seccompProfile: {}')).stderr).toBe(
      'The Pod "none" is invalid: spec.securityContext.seccompProfile.type: Required value: type is required when seccompProfile is set\n',
    );
  });
});
