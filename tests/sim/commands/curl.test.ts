import { describe, expect, test } from 'vitest';
import { NGINX_WELCOME } from '../../../src/sim/shell/commands/support/services.ts';
import { NO_NETWORK } from './profiles.ts';
import { loadProfile, makeWorld, run } from './world.ts';

describe('curl', () => {
  test('prints the body, or the headers with -I', () => {
    const world = makeWorld();
    expect(run(world, 'curl http://example.com')).toEqual({ stdout: NGINX_WELCOME, stderr: '', exitCode: 0 });
    expect(run(world, 'curl -sI example.com').stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx\/1\.27\.3\r\nContent-Type: text\/html\r\nContent-Length: 615\r\n.*\r\n\r\n$/s);
  });

  test('writes to a file with -o, showing the progress meter unless -s', () => {
    const world = makeWorld();
    const result = run(world, 'curl -o /tmp/page http://example.com');
    expect(result.stderr).toMatch(/^  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n/);
    expect(run(world, 'cat /tmp/page').stdout).toBe(NGINX_WELCOME);
    expect(run(world, 'curl -s -o /tmp/page2 http://example.com')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  test('reports its numbered errors', () => {
    const world = makeWorld();
    expect(run(world, 'curl http://nosuch.example')).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: nosuch.example\n', exitCode: 6 });
    expect(run(world, 'curl http://127.0.0.1')).toEqual({ stdout: '', stderr: "curl: (7) Failed to connect to 127.0.0.1 port 80 after 0 ms: Couldn't connect to server\n", exitCode: 7 });
    expect(run(world, 'curl -s http://127.0.0.1')).toEqual({ stdout: '', stderr: '', exitCode: 7 });
    expect(run(world, 'curl https://kubernetes.default.svc').stderr).toMatch(/^curl: \(60\) SSL certificate problem: unable to get local issuer certificate\n/);
    expect(run(world, 'curl -fs http://example.com/nope')).toEqual({ stdout: '', stderr: '', exitCode: 22 });
    expect(run(world, 'curl')).toEqual({ stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
  });

  test('reaches the API server with -k and gets the anonymous 403', () => {
    expect(run(makeWorld(), 'curl -k https://kubernetes.default.svc/api').stdout).toContain('"message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/api\\""');
  });

  test('cannot connect when the profile has no network rule', () => {
    const world = makeWorld();
    loadProfile(world, NO_NETWORK);
    expect(run(world, 'aa-exec -p no-network -- curl -sS http://10.0.0.10/')).toEqual({ stdout: '', stderr: "curl: (7) Failed to connect to 10.0.0.10 port 80 after 0 ms: Couldn't connect to server\n", exitCode: 7 });
  });
});
