import { describe, expect, test } from 'vitest';
import { NGINX_WELCOME } from '../../../src/sim/shell/commands/support/services.ts';
import { WGET_VERSION } from '../../../src/sim/shell/commands/wget.ts';
import { DENY_WRITE, INET_ONLY, NO_NETWORK } from './profiles.ts';
import { loadProfile, makeWorld, run, runAudited } from './world.ts';

describe('wget', () => {
  test('prints its version as the corpus VM did', () => {
    expect(run(makeWorld(), 'wget --version')).toEqual({ stdout: WGET_VERSION, stderr: '', exitCode: 0 });
    expect(WGET_VERSION.startsWith('GNU Wget 1.21.3 built on linux-gnu.\n\n-cares +digest')).toBe(true);
  });

  test('downloads the in-world nginx page to index.html, then index.html.1', () => {
    const world = makeWorld();
    const result = run(world, 'cd /tmp && wget http://example.com');
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toMatch(/^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--  http:\/\/example\.com\/\nResolving example\.com \(example\.com\)\.\.\. 10\.0\.0\.10\nConnecting to example\.com \(example\.com\)\|10\.0\.0\.10\|:80\.\.\. connected\.\nHTTP request sent, awaiting response\.\.\. 200 OK\nLength: 615 \[text\/html\]\nSaving to: 'index\.html'\n/);
    expect(run(world, 'cat /tmp/index.html').stdout).toBe(NGINX_WELCOME);
    expect(run(world, 'cd /tmp && wget -q example.com && ls /tmp').stdout).toBe('index.html\nindex.html.1\n');
  });

  test('writes to stdout with -O - and stays quiet with -q', () => {
    expect(run(makeWorld(), 'wget -qO- http://10.0.0.10/')).toEqual({ stdout: NGINX_WELCOME, stderr: '', exitCode: 0 });
  });

  test('reports HTTP errors, unknown hosts and refused connections', () => {
    const world = makeWorld();
    expect(run(world, 'wget -q http://example.com/nope')).toMatchObject({ exitCode: 8 });
    expect(run(world, 'wget http://nosuch.example/').stderr).toMatch(/Resolving nosuch\.example \(nosuch\.example\)\.\.\. failed: Name or service not known\.\nwget: unable to resolve host address 'nosuch\.example'\n$/);
    expect(run(world, 'wget http://127.0.0.1/')).toMatchObject({ exitCode: 4, stderr: expect.stringContaining('Connecting to 127.0.0.1:80... failed: Connection refused.\n') });
  });

  test('under a profile without network rules it cannot even resolve, and AppArmor logs the socket', () => {
    const world = makeWorld();
    loadProfile(world, NO_NETWORK);
    const result = runAudited(world, 'aa-exec -p no-network -- wget -q -O - http://example.com');
    expect(result).toMatchObject({ stdout: '', stderr: "wget: unable to resolve host address 'example.com'\n", exitCode: 4 });
    expect(result.audit[0]).toMatch(/apparmor="DENIED" operation="create" profile="no-network" pid=\d+ comm="wget" family="inet" sock_type="dgram" protocol=17 requested_mask="create" denied_mask="create"/);
  });

  test('retries a refused socket up to --tries times, then gives up', () => {
    const world = makeWorld();
    loadProfile(world, NO_NETWORK);
    const result = run(world, 'aa-exec -p no-network -- wget -t 2 http://10.0.0.10/');
    expect(result.exitCode).toBe(4);
    expect(result.stderr.replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, 'DATE')).toBe(
      '--DATE--  http://10.0.0.10/\nConnecting to 10.0.0.10:80... failed: Permission denied.\nRetrying.\n\n'
      + '--DATE--  (try: 2)  http://10.0.0.10/\nConnecting to 10.0.0.10:80... failed: Permission denied.\nGiving up.\n\n',
    );
  });

  test('fetches under inet-only but cannot save under deny-write', () => {
    const world = makeWorld();
    loadProfile(world, INET_ONLY);
    expect(run(world, 'aa-exec -p inet-only -- wget -qO- http://example.com').stdout).toBe(NGINX_WELCOME);
    loadProfile(world, DENY_WRITE.replace('file,', 'file,\n  network inet,'));
    expect(run(world, 'cd /tmp && aa-exec -p k8s-apparmor-example-deny-write -- wget -q http://example.com')).toEqual({ stdout: '', stderr: 'index.html: Permission denied\n', exitCode: 3 });
  });
});
