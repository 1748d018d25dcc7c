// `apparmor-lab parse` from the outside: spawns the CLI (node runs the .ts entry directly) and checks the
// public interface — caret diagnostics, apparmor_parser's first-error line, --json lines and exit statuses.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../src/cli/apparmor-lab.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'aa-parse-'));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function cli(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, 'parse', ...args], { input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('apparmor-lab parse', () => {
  it('exits 0 and prints nothing for a valid profile', () => {
    const file = write('good', 'profile good {\n  /tmp/** rw,\n  capability chown,\n}\n');
    expect(cli([file])).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('prints a caret diagnostic and the error as apparmor_parser words it, and exits 1', () => {
    const file = write('bad', 'profile bad {\n  /tmp/x r\n}\n');
    const { status, stderr } = cli([file]);
    expect(status).toBe(1);
    expect(stderr).toBe([
      `${file}:3:1: error UNEXPECTED_TOKEN: syntax error, unexpected TOK_CLOSE, expecting TOK_END_OF_RULE`,
      '}',
      '^',
      `AppArmor parser error for ${file} in profile ${file} at line 3: syntax error, unexpected TOK_CLOSE, expecting TOK_END_OF_RULE`,
      '',
    ].join('\n'));
  });

  it('reads standard input for "-" and words the error without a file name, as apparmor_parser does for stdin', () => {
    const { status, stderr } = cli(['-'], 'profile p {\n  capability CAP_CHOWN,\n}\n');
    expect(status).toBe(1);
    expect(stderr.trimEnd().split('\n').at(-1)).toBe('AppArmor parser error at line 2: Invalid capability CAP_CHOWN.');
  });

  it('prints exactly one JSON line per file with --json', () => {
    const good = write('json-good', 'profile g {\n  /usr/bin/helper ux,\n}\n');
    const bad = write('json-bad', 'profile b flags=(enforce, complain) {\n}\n');
    const { status, stdout } = cli(['--json', good, bad]);
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { file: string; ok: boolean; diagnostics: { code: string; parserMessage?: string }[] });
    expect(lines.map((l) => [l.file, l.ok])).toEqual([[good, true], [bad, false]]);
    expect(lines[0]?.diagnostics.map((d) => d.code)).toEqual(['DANGEROUS_UX']);
    expect(lines[1]?.diagnostics[0]?.parserMessage).toBe(
      `AppArmor parser error for ${bad} in profile ${bad} at line 1: Profile flag 'enforce' conflicts with 'complain'`);
  });

  it('skips a missing file with the real tool\'s words and exits 2', () => {
    const missing = join(dir, 'nope');
    expect(cli([missing])).toEqual({ status: 2, stdout: '', stderr: `File ${missing} not found, skipping...\n` });
    const json = cli(['--json', missing]);
    expect(JSON.parse(json.stdout)).toEqual({ file: missing, ok: false, diagnostics: [], error: `File ${missing} not found, skipping...` });
  });

  it('resolves includes from -I directories before the base directory', () => {
    const inc = join(dir, 'inc');
    mkdirSync(join(inc, 'local'), { recursive: true });
    writeFileSync(join(inc, 'local', 'extra'), '/srv/** r,\n');
    const file = write('with-include', 'profile p {\n  include <local/extra>\n  include <local/missing>\n}\n');
    const { status, stderr } = cli(['-I', inc, file]);
    expect(status).toBe(1);
    expect(stderr).toContain("Could not open 'local/missing'");
    expect(stderr).not.toContain('local/extra');
  });

  it('accepts 5.0 syntax only with --version 5.0', () => {
    const file = write('five', 'profile p {\n  userns,\n}\n');
    expect(cli([file]).status).toBe(1);
    expect(cli(['--version', '5.0', file]).status).toBe(0);
  });

  it('prints its help with --help', () => {
    const { status, stdout } = cli(['--help']);
    expect(status).toBe(0);
    expect(stdout).toContain('Usage: apparmor-lab parse [options] FILE...');
  });
});
