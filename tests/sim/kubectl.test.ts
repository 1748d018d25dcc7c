import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/sim/index.ts';
import { installCluster } from '../../src/sim/cluster/kubectl/install.ts';
import { parseKubectlArgs } from '../../src/sim/cluster/kubectl/args.ts';

function world(minor = 30): (line: string) => { stdout: string; stderr: string; exitCode: number } {
  const w = createWorld({ hostname: 'controlplane' });
  installCluster(w.node, { version: { major: 1, minor } });
  return (line) => {
    const r = w.run(line);
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  };
}

describe('kubectl argument parsing', () => {
  it('reads long, short, attached and combined flags and the words after --', () => {
    const parsed = parseKubectlArgs(['exec', '-it', 'web', '-nteam', '-c=main', '--', 'sh', '-c', 'id']);
    expect(parsed).toMatchObject({ verb: 'exec', positional: ['web'], afterDash: ['sh', '-c', 'id'], hasDash: true });
    if ('flags' in parsed) {
      expect(Object.fromEntries(parsed.flags)).toEqual({ stdin: ['true'], tty: ['true'], namespace: ['team'], container: ['main'] });
    }
  });

  it('reports unknown flags and missing values as pflag does', () => {
    expect(parseKubectlArgs(['get', 'pods', '--bogus'])).toEqual({ error: 'unknown flag: --bogus' });
    expect(parseKubectlArgs(['get', '-x'])).toEqual({ error: "unknown shorthand flag: 'x' in -x" });
    expect(parseKubectlArgs(['get', 'pods', '-n'])).toEqual({ error: "flag needs an argument: 'n' in -n" });
    expect(parseKubectlArgs(['get', 'pods', '--namespace'])).toEqual({ error: 'flag needs an argument: --namespace' });
  });
});

describe('kubectl in a cluster world', () => {
  it('prints kubectl\u2019s own errors for unknown commands, flags, resource types and output formats', () => {
    const run = world();
    expect(run('kubectl frobnicate')).toEqual({ stdout: '', stderr: 'error: unknown command "frobnicate" for "kubectl"\nRun \'kubectl --help\' for usage.\n', exitCode: 1 });
    expect(run('kubectl -n x get pods --bogus').stderr).toBe("error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n");
    expect(run('kubectl get widgets').stderr).toBe('error: the server doesn\'t have a resource type "widgets"\n');
    expect(run('kubectl get pods -o toml').stderr).toMatch(/^error: unable to match a printer suitable for the output format "toml", allowed formats are: custom-columns,/);
    expect(run('kubectl get pod ghost')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "ghost" not found\n', exitCode: 1 });
    expect(run('kubectl get').stderr).toContain('error: Required resource not specified.');
  });

  it('says when there is nothing to list, per namespace', () => {
    const run = world();
    expect(run('kubectl get pods')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(world(14)('kubectl get pods').stderr).toBe('No resources found.\n');
  });

  it('creates with run, prints names, JSON and YAML, then deletes', () => {
    const run = world();
    expect(run('kubectl run web --image=nginx').stdout).toBe('pod/web created\n');
    expect(run('kubectl get pods -o name').stdout).toBe('pod/web\n');
    expect(run('kubectl get pod web -o jsonpath={.spec.containers[0].image}').stdout).toBe('nginx');
    expect(JSON.parse(run('kubectl get pod web -o json').stdout)).toMatchObject({ kind: 'Pod', metadata: { name: 'web', labels: { run: 'web' } } });
    expect(run('kubectl get pods -o yaml').stdout).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Pod\n/);
    expect(run('kubectl delete pod web').stdout).toBe('pod "web" deleted\n');
    expect(run('kubectl get pod web').exitCode).toBe(1);
    const recent = world(34);
    recent('kubectl run web --image=nginx');
    expect(recent('kubectl delete pod web').stdout).toBe('pod "web" deleted from default namespace\n');
  });

  it('runs a Deployment before v1.18 (with the generator notice) whose controller makes the pods', () => {
    const run = world(14);
    expect(run('kubectl run web --image=nginx')).toEqual({
      stdout: 'deployment.apps/web created\n', exitCode: 0,
      stderr: 'kubectl run --generator=deployment/apps.v1 is DEPRECATED and will be removed in a future version. Use kubectl run --generator=run-pod/v1 or kubectl create instead.\n',
    });
    expect(run('kubectl get pods -l run=web -o name').stdout).toMatch(/^pod\/web-[b-z2-9]{10}-[b-z2-9]{5}\n$/);
    expect(run('kubectl get deploy web -o jsonpath={.status.readyReplicas}').stdout).toBe('1');
    expect(run('kubectl delete deployment web').stdout).toBe('deployment.apps "web" deleted\n');
    expect(run('kubectl get pods').stderr).toBe('No resources found.\n');
  });

  it('labels and annotates, refusing to overwrite without --overwrite', () => {
    const run = world();
    run('kubectl run web --image=nginx');
    expect(run('kubectl label pod web tier=front').stdout).toBe('pod/web labeled\n');
    expect(run('kubectl label pod web tier=back').stderr).toBe("error: 'tier' already has a value (front), and --overwrite is false\n");
    expect(run('kubectl label pod web tier=back --overwrite').stdout).toBe('pod/web labeled\n');
    expect(run('kubectl get pods -l tier=back -o name').stdout).toBe('pod/web\n');
    expect(run('kubectl get pods --show-labels').stdout).toMatch(/ {3}LABELS\nweb .* {3}run=web,tier=back\n$/);
    expect(run('kubectl annotate pod web note=hi').stdout).toBe('pod/web annotated\n');
  });

  it('applies a manifest: created, unchanged, configured when its labels change; deletes it by file', () => {
    const run = world();
    run("cat > p.yaml <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox:1.28\n    command: [sleep, 1h]\nEOF");
    expect(run('kubectl apply -f p.yaml').stdout).toBe('pod/p created\n');
    expect(run('kubectl apply -f p.yaml').stdout).toBe('pod/p unchanged\n');
    run("cat > p2.yaml <<'EOF'\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    tier: web\nspec:\n  containers:\n  - name: c\n    image: busybox:1.28\n    command: [sleep, 1h]\nEOF");
    expect(run('kubectl apply -f p2.yaml').stdout).toBe('pod/p configured\n');
    expect(run('kubectl get pod p -o jsonpath={.metadata.labels.tier}').stdout).toBe('web');
    expect(run('kubectl delete -f p.yaml').stdout).toBe('pod "p" deleted\n');
    expect(run('kubectl create -f missing.yaml').stderr).toBe('error: the path "missing.yaml" does not exist\n');
  });

  it('execs with -c, reports a bad container and a missing program, and prints logs', () => {
    const run = world();
    run('kubectl run box --image=busybox:1.28 -- sh -c "echo ready"');
    expect(run('kubectl logs box').stdout).toBe('ready\n');
    expect(run('kubectl exec box -c box -- hostname').stdout).toBe('box\n');
    expect(run('kubectl exec box -c other -- id').stderr).toBe('Error from server (BadRequest): container other is not valid for pod box\n');
    expect(run('kubectl exec box -- nope')).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('exec: "nope": executable file not found in $PATH') as unknown });
    expect(run('kubectl exec box -- sh -c "exit 3"')).toEqual({ stdout: '', stderr: 'command terminated with exit code 3\n', exitCode: 3 });
  });

  it('prints the help and the versions of the cluster', () => {
    const run = world(14);
    expect(run('kubectl --help').stdout).toMatch(/^kubectl controls the Kubernetes cluster manager\.\n/);
    expect(run('kubectl version').stdout).toContain('Server Version: v1.14.0\n');
  });
});

describe('ssh between the cluster\u2019s nodes', () => {
  it('runs a command on another node, by name, node/NAME or address, with a here-doc as its input', () => {
    const run = world();
    expect(run('ssh node01 hostname').stdout).toBe('node01\n');
    expect(run('ssh node/node02 hostname').stdout).toBe('node02\n');
    expect(run('ssh 192.168.1.12 hostname').stdout).toBe('node02\n');
    expect(run("ssh node02 'cat > /tmp/note' <<EOF\nhello\nEOF").exitCode).toBe(0);
    expect(run('ssh node02 cat /tmp/note').stdout).toBe('hello\n');
    expect(run('cat /tmp/note').stderr).toContain('No such file or directory');
  });

  it('passes the remote status back and leaves its own name and unknown hosts to the node\u2019s ssh', () => {
    const run = world();
    expect(run("ssh node01 'exit 7'").exitCode).toBe(7);
    expect(run('ssh controlplane hostname').stdout).toBe('controlplane\n');
    expect(run('ssh node09 hostname')).toEqual({ stdout: '', stderr: 'ssh: Could not resolve hostname node09: Name or service not known\n', exitCode: 255 });
  });
});
