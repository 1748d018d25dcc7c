// Issue 4, node side: what the simulated node printed where a real node prints something else — builtins
// that exec nothing under an allow-list profile, redirections the kernel mediates, lazy stdin through the
// node, process-substitution files, output order and dash's wording for `sh` scripts.
import { describe, expect, it } from 'vitest';
import { createWorld, DENY_WRITE_PROFILE } from '../../src/sim/index.ts';

const ALLOW_LIST = `#include <tunables/global>
profile proc-allow-list {
  #include <abstractions/base>
  /usr/bin/cat ix,
  /usr/bin/dash ix,
  /etc/** r,
}
`;

function worldWith(profile: string): ReturnType<typeof createWorld> {
  const world = createWorld();
  expect(world.run(`apparmor_parser -q <<'EOF'\n${profile}EOF`).exitCode).toBe(0);
  return world;
}

describe('the simulated node behaves as a real one (issue 4)', () => {
  it("runs dash's echo and printf as builtins under a process allow-list, while /usr/bin/echo is refused and logged", () => {
    const world = worldWith(ALLOW_LIST);
    const mark = world.node.log.length;
    const result = world.run("aa-exec -p proc-allow-list -- /bin/sh -c 'echo builtin-ok; printf \"%s\\n\" printf-ok; /usr/bin/echo no'");
    expect(result.stdout).toBe('builtin-ok\nprintf-ok\n');
    expect(result.stderr).toBe('/bin/sh: 1: /usr/bin/echo: Permission denied\n');
    expect(result.exitCode).toBe(126);
    const audit = world.node.log.slice(mark).map((entry) => entry.record);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toContain('operation="exec"');
    expect(audit[0]).toContain('name="/usr/bin/echo"');
  });

  it("sends kill's signal from the shell's own process, so the shell's profile judges it", () => {
    const world = worldWith(ALLOW_LIST);
    const mark = world.node.log.length;
    const result = world.run("aa-exec -p proc-allow-list -- /bin/sh -c 'kill -TERM 1; echo st=$?; kill -0 $$; echo st=$?'");
    expect(result.output).toEqual([{ fd: 2, text: '/bin/sh: 1: kill: Permission denied\n\n' }, { fd: 1, text: 'st=1\nst=0\n' }]);
    const audit = world.node.log.slice(mark).map((entry) => entry.record);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toContain('operation="signal" profile="proc-allow-list"');
    expect(audit[0]).toContain('comm="sh" requested_mask="send" denied_mask="send" signal=term peer="unconfined"');
    expect(world.run('su - user -c "kill 1"').exitCode).toBe(1);
  });

  it('has the shell open a redirection target through the kernel, so deny /** w refuses /dev/null', () => {
    const world = worldWith(DENY_WRITE_PROFILE);
    const result = world.run("aa-exec -p k8s-apparmor-example-deny-write -- sh -c 'echo hi > /dev/null'");
    expect(result.stderr).toBe('sh: 1: cannot create /dev/null: Permission denied\n');
    expect(result.exitCode).toBe(2);
    expect(world.run('echo hi > /dev/null; echo $?').stdout).toBe('0\n');
    const devNull = world.node.kernel.fs.get('/dev/null');
    expect(devNull?.type).toBe('chr');
    expect(devNull?.content).toBe('');
  });

  it('has /dev/tty, /dev/random, /dev/urandom and /dev/full as device files; /dev/tty shows what is written', () => {
    const world = createWorld();
    for (const device of ['/dev/tty', '/dev/random', '/dev/urandom', '/dev/full']) expect(world.node.kernel.fs.get(device)?.type).toBe('chr');
    const result = world.run('x=$(echo shown > /dev/tty; echo kept); echo "$x"');
    expect(result.output).toEqual([{ fd: 2, text: 'shown\n' }, { fd: 1, text: 'kept\n' }]);
    expect(world.node.kernel.fs.get('/dev/tty')?.content).toBe('');
  });

  it('gives a program the shell’s stdin only when it reads it, so a while-read loop sees every line', () => {
    const world = createWorld();
    const result = world.run('cat /etc/hostname /etc/hostname | while read l; do /usr/bin/echo "<$l>"; done');
    expect(result.stdout).toBe('<node01>\n<node01>\n');
  });

  it('lets a program read a process substitution through its /dev/fd path', () => {
    const world = createWorld();
    expect(world.run('cat <(echo from-substitution)').stdout).toBe('from-substitution\n');
  });

  it('prints aa-status\'s "module is loaded" line before its privilege error, as written', () => {
    const world = createWorld();
    const result = world.run('su - user -c aa-status');
    expect(result.output).toEqual([
      { fd: 1, text: 'apparmor module is loaded.\n' },
      { fd: 2, text: 'You do not have enough privilege to read the profile set.\n' },
    ]);
    expect(result.exitCode).toBe(4);
  });

  it('runs sh -c, sh SCRIPT and a #!/bin/sh script as dash, and bash -c or #!/bin/bash as bash', () => {
    const world = createWorld();
    world.run("printf '#!/bin/sh\\nfoo\\n' > /tmp/s.sh; printf '#!/bin/bash\\nfoo\\n' > /tmp/b.sh; chmod +x /tmp/s.sh /tmp/b.sh");
    expect(world.run('sh -c foo').stderr).toBe('sh: 1: foo: not found\n');
    expect(world.run('bash -c foo').stderr).toBe('bash: line 1: foo: command not found\n');
    expect(world.run('/tmp/s.sh').stderr).toBe('/tmp/s.sh: 2: foo: not found\n');
    expect(world.run('sh /tmp/s.sh').stderr).toBe('/tmp/s.sh: 2: foo: not found\n');
    expect(world.run('/tmp/b.sh').stderr).toBe('/tmp/b.sh: line 2: foo: command not found\n');
  });

  it("gives ssh commands sshd's PATH: the superuser one with the sbin dirs for root, the default one for users", () => {
    const world = createWorld();
    expect(world.run("ssh node01 'echo $PATH'").stdout).toBe('/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n');
    expect(world.run("ssh node01 'apparmor_parser --version'").exitCode).toBe(0);
    expect(world.run("ssh user@node01 'echo $PATH'").stdout).toBe('/usr/local/bin:/usr/bin:/bin:/usr/games\n');
  });
});
