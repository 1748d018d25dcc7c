// aa-status, aa-enabled, aa-exec, aa-enforce/aa-complain/aa-disable on the simulated node.
import { describe, expect, it } from 'vitest';
import { createWorld, DENY_WRITE_PATH } from '../../../src/sim/index.ts';

const NAME = 'k8s-apparmor-example-deny-write';

function withProfile(): ReturnType<typeof createWorld> {
  const world = createWorld();
  world.run(`apparmor_parser ${DENY_WRITE_PATH}`);
  return world;
}

describe('aa-status', () => {
  it('lists loaded profiles by mode and the counts of confined processes', () => {
    const world = withProfile();
    world.run("echo 'profile b-complain flags=(complain) { file, }' | apparmor_parser");
    expect(world.run('aa-status').stdout).toBe([
      'apparmor module is loaded.', '2 profiles are loaded.', '1 profiles are in enforce mode.', `   ${NAME}`,
      '1 profiles are in complain mode.', '   b-complain', '0 profiles are in kill mode.', '0 profiles are in unconfined mode.',
      '0 processes have profiles defined.', '0 processes are in enforce mode.', '0 processes are in complain mode.',
      '0 processes are unconfined but have a profile defined.', '0 processes are in mixed mode.', '0 processes are in kill mode.', '',
    ].join('\n'));
  });

  it('lists a confined process with its executable, pid and profile', () => {
    const world = withProfile();
    const out = world.run(`aa-exec -p ${NAME} -- aa-status`).stdout;
    expect(out).toMatch(new RegExp(`1 processes have profiles defined\\.\\n1 processes are in enforce mode\\.\\n   /usr/sbin/aa-status \\(\\d+\\) ${NAME}\\n`));
  });

  it('answers the one-number options and is installed as apparmor_status too', () => {
    const world = withProfile();
    expect(world.run('aa-status --profiled').stdout).toBe('1\n');
    expect(world.run('apparmor_status --enforced').stdout).toBe('1\n');
    expect(world.run('aa-status --complaining').stdout).toBe('0\n');
    expect(world.run('aa-status --enabled')).toMatchObject({ stdout: '', exitCode: 0 });
    expect(world.run('aa-status --json').stdout).toBe(`{"version": "2", "profiles": {"${NAME}": "enforce"}, "processes": {}}\n`);
  });

  it('formats --pretty-json as cJSON_Print does', () => {
    const world = withProfile();
    expect(world.run('aa-status --pretty-json').stdout).toBe(`{\n\t"version":\t"2",\n\t"profiles":\t{\n\t\t"${NAME}":\t"enforce"\n\t},\n\t"processes":\t{\n\t}\n}\n`);
  });

  it('prints its usage on stdout and fails for unknown options or several options', () => {
    const world = createWorld();
    const bad = world.run('aa-status --nope');
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(/^Usage: aa-status \[OPTIONS\]\nDisplays various information/);
    expect(world.run('aa-status --profiled --enforced').exitCode).toBe(1);
    expect(world.run('aa-status --help').exitCode).toBe(0);
  });

  it('needs privilege to read the profile set', () => {
    expect(createWorld({ user: 'user' }).run('aa-status')).toMatchObject({
      stdout: 'apparmor module is loaded.\n', stderr: 'You do not have enough privilege to read the profile set.\n', exitCode: 4,
    });
  });
});

describe('aa-enabled', () => {
  it('says Yes, or nothing with -q', () => {
    const world = createWorld({ user: 'user' });
    expect(world.run('aa-enabled')).toMatchObject({ stdout: 'Yes\n', exitCode: 0 });
    expect(world.run('aa-enabled -q')).toMatchObject({ stdout: '', exitCode: 0 });
  });

  it('reports No when the module is disabled', () => {
    const world = createWorld();
    world.run('echo N > /sys/module/apparmor/parameters/enabled');
    expect(world.run('aa-enabled')).toMatchObject({ stdout: 'No - disabled at boot.\n', exitCode: 1 });
  });

  it('rejects unknown options with its own usage', () => {
    expect(createWorld().run('aa-enabled --bogus').stdout).toMatch(/^unknown option '--bogus'\naa-enabled: \[options\]\n/);
  });
});

describe('aa-exec', () => {
  it('runs the program under the profile from its first instruction', () => {
    const world = withProfile();
    expect(world.run(`aa-exec -p ${NAME} cat /proc/self/attr/current`).stdout).toBe(`${NAME} (enforce)\n`);
    expect(world.run(`aa-exec --profile=${NAME} -- cat /proc/self/attr/current`).stdout).toBe(`${NAME} (enforce)\n`);
  });

  it('reports a missing profile with its pid and logs the label-not-found record', () => {
    const world = createWorld();
    const result = world.run('aa-exec -p nope -- true');
    expect(result.stderr).toMatch(/^\[(\d+)\] aa-exec: ERROR: profile 'nope' does not exist\n$/);
    const pid = /^\[(\d+)\]/.exec(result.stderr)?.[1];
    expect(world.node.log.at(-1)?.record).toBe(`type=1400 apparmor="DENIED" operation="change_onexec" info="label not found" error=-2 profile="unconfined" name="nope" pid=${pid} comm="aa-exec"`);
  });

  it('reports a missing program and prints its usage without one', () => {
    const world = withProfile();
    expect(world.run(`aa-exec -p ${NAME} -- nosuch`)).toMatchObject({ stderr: expect.stringMatching(/aa-exec: ERROR: Failed to execute "nosuch": No such file or directory\n$/), exitCode: 1 });
    expect(world.run('aa-exec')).toMatchObject({ stdout: '', stderr: expect.stringMatching(/^USAGE: aa-exec \[OPTIONS\] <prog> <args>\n/), exitCode: 1 });
    expect(world.run('aa-exec -h')).toMatchObject({ stdout: expect.stringMatching(/^USAGE: aa-exec/), exitCode: 0 });
  });

  it('passes the program exit status through', () => {
    const world = withProfile();
    expect(world.run(`aa-exec -p ${NAME} -- false`).exitCode).toBe(1);
  });
});

describe('aa-enforce, aa-complain and aa-disable', () => {
  it('switches a loaded profile by name, rewriting its file and reloading it', () => {
    const world = withProfile();
    expect(world.run(`aa-complain ${NAME}`).stdout).toBe(`Setting ${NAME} to complain mode.\n`);
    expect(world.run(`grep flags ${DENY_WRITE_PATH}`).stdout).toBe(`profile ${NAME} flags=(attach_disconnected, complain) {\n`);
    expect(world.run('cat /sys/kernel/security/apparmor/profiles').stdout).toBe(`${NAME} (complain)\n`);
    expect(world.run(`aa-enforce ${DENY_WRITE_PATH}`).stdout).toBe(`Setting ${DENY_WRITE_PATH} to enforce mode.\n`);
    expect(world.run('cat /sys/kernel/security/apparmor/profiles').stdout).toBe(`${NAME} (enforce)\n`);
  });

  it('disables a profile: a link in disable/ and the profile unloaded', () => {
    const world = withProfile();
    expect(world.run(`aa-disable ${NAME}`).stdout).toBe(`Disabling ${NAME}.\n`);
    expect(world.node.kernel.fs.get(`/etc/apparmor.d/disable/${NAME}`)?.target).toBe(DENY_WRITE_PATH);
    expect(world.run('cat /sys/kernel/security/apparmor/profiles').stdout).toBe('');
  });

  it('explains names and paths it cannot find, and needs root', () => {
    const world = createWorld();
    expect(world.run('aa-complain /no/such').stdout).toBe('Profile for /no/such not found, skipping\n');
    expect(world.run('aa-complain no/such').stdout).toBe('no/such does not exist, please double-check the path.\n');
    expect(world.run('aa-enforce nosuch').stdout).toMatch(/^Can't find nosuch in the system path list\./);
    expect(world.run('aa-complain')).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/the following arguments are required: program\n$/) });
    expect(createWorld({ user: 'user' }).run(`aa-complain ${NAME}`)).toMatchObject({ exitCode: 1, stderr: '\nERROR: Cannot write to profile directory: /etc/apparmor.d\n' });
  });
});
