// parseAuditLine against libapparmor's own test_multi expectations (conformance/logs/index.json): every
// field of every case must match, except the disagreements listed (with reasons) in logs-disagreements.json.
import { describe, expect, it } from 'vitest';
import { parseAuditLine } from '../../src/apparmor/audit/parse.ts';
import { hasConformanceData, readConformanceJson, readConformanceText } from './dir.ts';
import disagreementFile from './logs-disagreements.json' with { type: 'json' };

type LogCase = { name: string; in: string; fields: Record<string, string> };

const listed = disagreementFile.disagreements as Record<string, string>;

function differences(logCase: LogCase): string[] {
  const got: Record<string, string | undefined> = { ...parseAuditLine(readConformanceText(`logs/test_multi/${logCase.in}`)) };
  const want: Record<string, string | undefined> = { ...logCase.fields };
  delete want['File'];
  const keys = new Set([...Object.keys(got), ...Object.keys(want)]);
  return [...keys].filter((k) => got[k] !== want[k]).map((k) => `${k}: got ${JSON.stringify(got[k])}, libapparmor ${JSON.stringify(want[k])}`);
}

describe.runIf(hasConformanceData())('audit log parsing against libapparmor test_multi', () => {
  const cases = readConformanceJson<{ cases: LogCase[] }>('logs/index.json').cases;
  const results = cases.map((c) => ({ name: c.name, diffs: differences(c) }));

  it('agrees with libapparmor on at least 95 % of the 179 samples', () => {
    const agreeing = results.filter((r) => r.diffs.length === 0).length;
    expect(cases.length).toBe(179);
    expect(agreeing / cases.length).toBeGreaterThanOrEqual(0.95);
  });

  it('disagrees exactly on the listed cases, so the list stays true', () => {
    const disagreeing = Object.fromEntries(results.filter((r) => r.diffs.length > 0).map((r) => [r.name, r.diffs.join('; ')]));
    expect(Object.keys(disagreeing).sort()).toEqual(Object.keys(listed).sort());
  });

  it('gives every listed disagreement a reason', () => {
    for (const [name, reason] of Object.entries(listed)) expect(reason.length, name).toBeGreaterThan(10);
  });
});

describe('parseAuditLine', () => {
  it('reads a kernel file denial into libapparmor fields', () => {
    const fields = parseAuditLine('[ 11.75] audit: type=1400 audit(1795333803.024:58): apparmor="DENIED" operation="mknod" profile="k8s" name="/tmp/test" pid=162 comm="touch" requested_mask="c" denied_mask="c" fsuid=0 ouid=0');
    expect(fields).toEqual({
      'Event type': 'AA_RECORD_DENIED', 'Audit ID': '1795333803.024:58', Epoch: '1795333803', 'Audit subid': '58',
      Operation: 'mknod', Profile: 'k8s', Name: '/tmp/test', PID: '162', Command: 'touch', Mask: 'c',
      'Denied Mask': 'c', fsuid: '0', ouid: '0',
    });
  });

  it('reports the capability name of a capable record as Name', () => {
    const fields = parseAuditLine('type=1400 audit(1.5:2): apparmor="DENIED" operation="capable" profile="p" pid=1 comm="x" capability=13  capname="net_raw"');
    expect(fields?.Name).toBe('net_raw');
  });

  it('decodes hex-encoded names as the kernel writes names with spaces', () => {
    expect(parseAuditLine('type=1400 audit(1.5:2): apparmor="DENIED" operation="open" profile="p" name=6F6B2071756F746564 pid=1 comm="x"')?.Name).toBe('ok quoted');
  });

  it('marks lines that are not AppArmor records as invalid', () => {
    expect(parseAuditLine('Oct 29 07:55:58 host syslogd 1.5.0: restart.')).toEqual({ 'Event type': 'AA_RECORD_INVALID' });
  });

  it('returns undefined for an empty line', () => {
    expect(parseAuditLine('   \n')).toBeUndefined();
  });
});

describe.runIf(hasConformanceData())('audit lines of the Linux 6.1 kernel corpus', () => {
  type Op = { result: { audit?: string[]; audit_fields?: Record<string, string | number>[] } };
  const lines: { raw: string; fields: Record<string, string | number> }[] = [];
  for (const file of ['01-k8s-example', '03-file-permissions', '04-exec', '05-capabilities', '06-network', '10-complain', '12-signal-ptrace-mount']) {
    for (const result of readConformanceJson<{ results: { ops: Op[] }[] }>(`kernel/results/${file}.json`).results) {
      for (const op of result.ops) {
        (op.result.audit ?? []).forEach((raw, i) => lines.push({ raw, fields: op.result.audit_fields?.[i] ?? {} }));
      }
    }
  }

  it('reads every line with the record type, operation, profile and pid the kernel wrote', () => {
    expect(lines.length).toBeGreaterThan(100);
    for (const { raw, fields } of lines) {
      const parsed = parseAuditLine(raw);
      expect(parsed?.['Event type'], raw).toBe(`AA_RECORD_${String(fields['apparmor'])}`);
      expect(parsed?.Operation, raw).toBe(fields['operation']);
      expect(parsed?.Profile, raw).toBe(fields['profile']);
      expect(parsed?.PID, raw).toBe(String(fields['pid']));
    }
  });
});
