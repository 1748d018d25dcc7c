// apparmor_parser on the simulated node: streams, exit codes and kernel effects, as 3.0.8 prints them.
import { describe, expect, it } from 'vitest';
import { createWorld, DENY_WRITE_PATH } from '../../../src/sim/index.ts';

const NAME = 'k8s-apparmor-example-deny-write';

function loaded(world: ReturnType<typeof createWorld>): string {
  return world.run('cat /sys/kernel/security/apparmor/profiles').stdout;
}

describe('apparmor_parser', () => {
  it('adds a profile silently by default and logs a profile_load STATUS record with its own pid', () => {
    const world = createWorld();
    expect(world.run(`apparmor_parser ${DENY_WRITE_PATH}`)).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(loaded(world)).toBe(`${NAME} (enforce)\n`);
    const record = world.node.log.at(-1)?.record ?? '';
    expect(record).toMatch(new RegExp(`^type=1400 apparmor="STATUS" operation="profile_load" profile="unconfined" name="${NAME}" pid=\\d+ comm="apparmor_parser"$`));
  });

  it('prints Addition/Replacement/Removal succeeded on stdout with -v', () => {
    const world = createWorld();
    expect(world.run(`apparmor_parser -v ${DENY_WRITE_PATH}`).stdout).toBe(`Addition succeeded for "${NAME}".\n`);
    expect(world.run(`apparmor_parser -r -v ${DENY_WRITE_PATH}`).stdout).toBe(`Replacement succeeded for "${NAME}".\n`);
    expect(world.run(`apparmor_parser --remove --verbose ${DENY_WRITE_PATH}`).stdout).toBe(`Removal succeeded for "${NAME}".\n`);
    expect(loaded(world)).toBe('');
  });

  it('refuses to add a profile that is already loaded and leaves it in place', () => {
    const world = createWorld();
    world.run(`apparmor_parser ${DENY_WRITE_PATH}`);
    expect(world.run(`apparmor_parser -a ${DENY_WRITE_PATH}`)).toEqual({
      stdout: '', stderr: `apparmor_parser: Unable to add "${NAME}".  Profile already exists\n`, exitCode: 1, output: expect.anything(),
    });
    expect(loaded(world)).toBe(`${NAME} (enforce)\n`);
  });

  it('loads in complain mode with -C and replaces the mode with a later -r', () => {
    const world = createWorld();
    world.run(`apparmor_parser -C ${DENY_WRITE_PATH}`);
    expect(loaded(world)).toBe(`${NAME} (complain)\n`);
    world.run(`apparmor_parser -r ${DENY_WRITE_PATH}`);
    expect(loaded(world)).toBe(`${NAME} (enforce)\n`);
    expect(world.node.log.at(-1)?.record).toContain('operation="profile_replace"');
  });

  it('compiles without loading with -Q, and -N only names the profiles', () => {
    const world = createWorld();
    expect(world.run(`apparmor_parser -Q ${DENY_WRITE_PATH}`).exitCode).toBe(0);
    expect(world.run(`apparmor_parser -N ${DENY_WRITE_PATH}`).stdout).toBe(`${NAME}\n`);
    expect(loaded(world)).toBe('');
    expect(world.node.log).toHaveLength(0);
  });

  it('names the file in parse errors, and only the line for stdin', () => {
    const world = createWorld();
    world.run("echo 'profile p { /x rw, bogus }' > /tmp/p");
    expect(world.run('apparmor_parser -Q /tmp/p')).toMatchObject({
      stderr: 'AppArmor parser error for /tmp/p in profile /tmp/p at line 1: syntax error, unexpected TOK_CLOSE, expecting TOK_MODE\n', exitCode: 1,
    });
    expect(world.run('apparmor_parser -Q < /tmp/p').stderr).toBe('AppArmor parser error at line 1: syntax error, unexpected TOK_CLOSE, expecting TOK_MODE\n');
  });

  it('resolves includes from the node, so an edited abstraction takes effect', () => {
    const world = createWorld();
    world.run("echo 'bogus' > /etc/apparmor.d/abstractions/base");
    const result = world.run(`apparmor_parser -Q ${DENY_WRITE_PATH}`);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('/etc/apparmor.d/abstractions/base');
  });

  it('skips missing files with exit status 2 and loads every regular file of a directory', () => {
    const world = createWorld();
    expect(world.run('apparmor_parser -r /nope')).toMatchObject({ stderr: 'File /nope not found, skipping...\n', exitCode: 2 });
    expect(world.run('apparmor_parser -r /etc/apparmor.d/')).toMatchObject({ stderr: '', exitCode: 0 });
    expect(loaded(world)).toBe(`${NAME} (enforce)\n`);
  });

  it('prints getopt errors twice, as 3.0.8 parses its arguments twice', () => {
    expect(createWorld().run('apparmor_parser --bogus')).toMatchObject({
      stdout: '', stderr: "apparmor_parser: unrecognized option '--bogus'\napparmor_parser: unrecognized option '--bogus'\n", exitCode: 1,
    });
  });

  it('names itself as typed in messages', () => {
    expect(createWorld().run('/sbin/apparmor_parser -x').stderr).toBe("/sbin/apparmor_parser: invalid option -- 'x'\n/sbin/apparmor_parser: invalid option -- 'x'\n");
  });

  it('prints its help on stdout with the program name', () => {
    const help = createWorld().run('apparmor_parser --help');
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^AppArmor parser version 3\.0\.8\n.*\n.*\n\nUsage: apparmor_parser \[options\] \[profile\]\n\nOptions:\n--------\n-a, --add\t\tAdd apparmor definitions \[default\]\n/);
  });

  it('needs root to load but not to compile', () => {
    const world = createWorld({ user: 'user' });
    expect(world.run(`apparmor_parser -r ${DENY_WRITE_PATH}`)).toMatchObject({
      stderr: 'apparmor_parser: Sorry. You need root privileges to run this program.\n\n', exitCode: 1,
    });
    expect(world.run(`apparmor_parser -Q ${DENY_WRITE_PATH}`).exitCode).toBe(0);
    expect(world.run(`sudo apparmor_parser -r ${DENY_WRITE_PATH}`).exitCode).toBe(0);
  });

  it('cannot load policy from a confined task', () => {
    const world = createWorld();
    world.run(`apparmor_parser ${DENY_WRITE_PATH}`);
    world.run("echo 'profile other { file, }' > /tmp/other");
    const result = world.run(`aa-exec -p ${NAME} -- apparmor_parser /tmp/other`);
    expect(result).toMatchObject({ stderr: 'apparmor_parser: Unable to add "other".  Permission denied; attempted to load a profile while confined?\n', exitCode: 1 });
    expect(world.node.log.map((e) => e.record).join('\n')).toContain('capname="mac_admin"');
  });
});
