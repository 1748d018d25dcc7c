// Audit record rendering (kernel:audit.c audit_pre + lsm_audit.c + class callbacks) and the capability
// de-duplication cache (kernel:capability.c audit_caps).
import { describe, expect, it } from 'vitest';
import { AuditCache } from '../../src/apparmor/audit/cache.ts';
import { parseAuditLine } from '../../src/apparmor/audit/parse.ts';
import { renderAuditRecord, untrustedString } from '../../src/apparmor/audit/render.ts';

describe('untrusted strings', () => {
  it('quotes plain names and hex-encodes names with spaces, quotes or non-ASCII bytes', () => {
    expect(untrustedString('/tmp/a')).toBe('"/tmp/a"');
    expect(untrustedString('ok quoted')).toBe('6F6B2071756F746564');
    expect(untrustedString('a"b')).toBe('612262');
    expect(untrustedString('é')).toBe('C3A9');
  });
});

describe('record layout', () => {
  it('prints info and error before the profile, then name, pid and comm, then the class fields', () => {
    const record = renderAuditRecord(
      { type: 'DENIED', operation: 'exec', info: 'profile transition not found', error: -13, profile: 'p', name: '/x' },
      { pid: 7, comm: 'sh', stamp: '1795333803.048:60' },
      [['requested_mask', 'x', 'quoted'], ['fsuid', 0, 'raw']],
    );
    expect(record.line).toBe('type=1400 audit(1795333803.048:60): apparmor="DENIED" operation="exec" info="profile transition not found" error=-13 profile="p" name="/x" pid=7 comm="sh" requested_mask="x" fsuid=0');
    expect(record.fields[0]).toEqual(['apparmor', '"DENIED"']);
  });

  it('leaves error out when it is zero and prints the pid placeholder when the pid is unknown', () => {
    const record = renderAuditRecord({ type: 'AUDIT', operation: 'exec', info: 'ix fallback', error: 0, profile: 'p' }, { comm: 'x' }, []);
    expect(record.line).toBe('type=1400 apparmor="AUDIT" operation="exec" info="ix fallback" profile="p" pid=<pid> comm="x"');
  });

  it('prints two spaces before capname, as the kernel does', () => {
    const record = renderAuditRecord({ type: 'DENIED', operation: 'capable', profile: 'p' }, { pid: 1, comm: 'x' }, [['capname', 'chown', 'quoted']], 0);
    expect(record.line.endsWith('comm="x" capability=0  capname="chown"')).toBe(true);
  });
});

describe('the capability audit cache', () => {
  it('suppresses a repeated capability of the same profile only', () => {
    const cache = new AuditCache();
    const a = { name: 'a' };
    const b = { name: 'b' };
    expect(cache.isDuplicate(a, 13)).toBe(false);
    expect(cache.isDuplicate(a, 13)).toBe(true);
    expect(cache.isDuplicate(b, 13)).toBe(false);
    expect(cache.isDuplicate(a, 13)).toBe(false);
  });

  it('clears the capability set on a profile switch, as the 6.1 kernel the corpus ran on does', () => {
    const cache = new AuditCache();
    const a = { name: 'a' };
    const b = { name: 'b' };
    cache.isDuplicate(a, 1);
    cache.isDuplicate(b, 2);
    expect(cache.isDuplicate(b, 1)).toBe(false);
    expect(cache.isDuplicate(b, 1)).toBe(true);
    cache.clear();
    expect(cache.isDuplicate(b, 1)).toBe(false);
  });

  it('treats a replaced profile of the same name as a new profile', () => {
    const cache = new AuditCache();
    cache.isDuplicate({ name: 'p' }, 13);
    expect(cache.isDuplicate({ name: 'p' }, 13)).toBe(false);
  });
});

describe('rendering and parsing agree', () => {
  it('parses a rendered file record back into the same fields', () => {
    const record = renderAuditRecord(
      { type: 'ALLOWED', operation: 'open', profile: 'complain basic', name: '/tmp/c/ok' },
      { pid: 705, comm: 'aaop', stamp: '1795333828.344:1146' },
      [['requested_mask', 'w', 'quoted'], ['denied_mask', 'w', 'quoted'], ['fsuid', 0, 'raw'], ['ouid', 1000, 'raw']],
    );
    expect(parseAuditLine(record.line)).toEqual({
      'Event type': 'AA_RECORD_ALLOWED', 'Audit ID': '1795333828.344:1146', Epoch: '1795333828', 'Audit subid': '1146',
      Operation: 'open', Profile: 'complain basic', Name: '/tmp/c/ok', PID: '705', Command: 'aaop', Mask: 'w',
      'Denied Mask': 'w', fsuid: '0', ouid: '1000',
    });
  });
});
