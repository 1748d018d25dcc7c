/**
 * Reads one AppArmor audit/syslog/journal/dbus-daemon line into the fields libapparmor's `aa_log_parse()`
 * extracts (its test_multi `.out` names: Operation, Mask, Denied Mask, Profile, Name …), so the simulator
 * and the editor can explain a log line to a learner. It follows libapparmor's grammar loosely, not its code.
 */

/** The event types libapparmor reports (`aa_record_event_type`). */
export type AuditEventType =
  | 'AA_RECORD_INVALID' | 'AA_RECORD_ERROR' | 'AA_RECORD_AUDIT' | 'AA_RECORD_ALLOWED' | 'AA_RECORD_DENIED'
  | 'AA_RECORD_HINT' | 'AA_RECORD_STATUS';

/** The fields of one parsed line, keyed by libapparmor's printed names (as in its `.out` test files). */
export type AuditLogFields = { 'Event type': AuditEventType } & Partial<Record<AuditFieldName, string>>;

/** Every field name libapparmor prints besides the event type. */
export type AuditFieldName =
  | 'Audit ID' | 'Epoch' | 'Audit subid' | 'Operation' | 'Mask' | 'Denied Mask' | 'fsuid' | 'ouid' | 'Profile'
  | 'Peer profile' | 'Name' | 'Name2' | 'Command' | 'Parent' | 'PID' | 'Peer PID' | 'Task' | 'Info' | 'ErrorCode'
  | 'Attribute' | 'Token' | 'Network family' | 'Socket type' | 'Protocol' | 'Local addr' | 'Local port'
  | 'Foreign addr' | 'Foreign port' | 'Net Addr' | 'Peer Addr' | 'Peer' | 'Signal' | 'FS Type' | 'Src name'
  | 'Flags' | 'DBus bus' | 'DBus path' | 'DBus interface' | 'DBus member' | 'Namespace' | 'Class' | 'Execpath';

/** Log keys → libapparmor field names. Keys not listed are read but not reported. */
const KEY_FIELDS: Record<string, AuditFieldName> = {
  operation: 'Operation', requested_mask: 'Mask', requested: 'Mask', denied_mask: 'Denied Mask', denied: 'Denied Mask',
  mask: 'Denied Mask', fsuid: 'fsuid', ouid: 'ouid', profile: 'Profile', label: 'Profile', name: 'Name',
  capname: 'Name', comm: 'Command', exe: 'Command', parent: 'Parent', pid: 'PID', task: 'Task', info: 'Info',
  error: 'ErrorCode', name2: 'Name2', target: 'Name2', attribute: 'Attribute', magic_token: 'Token',
  family: 'Network family', sock_type: 'Socket type', protocol: 'Protocol', laddr: 'Local addr',
  lport: 'Local port', faddr: 'Foreign addr', fport: 'Foreign port', addr: 'Net Addr', peer_addr: 'Peer Addr',
  peer: 'Peer', peer_profile: 'Peer profile', peer_label: 'Peer profile', peer_pid: 'Peer PID', signal: 'Signal',
  fstype: 'FS Type', srcname: 'Src name', flags: 'Flags', bus: 'DBus bus', path: 'DBus path',
  interface: 'DBus interface', member: 'DBus member', method: 'DBus member', namespace: 'Namespace', class: 'Class',
  execpath: 'Execpath', tcontext: 'Peer profile', saddr: 'Local addr', src: 'Local port', daddr: 'Foreign addr',
  dest: 'Foreign port',
};

/** Keys libapparmor reads as numbers (so leading zeros go). */
const NUMERIC_KEYS = new Set(['pid', 'parent', 'task', 'peer_pid', 'fsuid', 'ouid']);

/** Keys whose bare (unquoted) values are hex-encoded strings (`audit_log_untrustedstring`). */
const HEX_KEYS = new Set(['name', 'name2', 'target', 'profile', 'label', 'comm', 'peer', 'peer_profile', 'peer_label', 'srcname', 'exe', 'execpath']);

/** IP protocol numbers libapparmor names (`getprotobynumber`). */
const PROTOCOLS: Record<string, string> = { '0': 'ip', '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'ipv6-icmp', '255': 'raw' };

/** The numeric audit types of AppArmor records and the old `APPARMOR_*` names. */
const TYPE_EVENTS: Record<string, AuditEventType> = {
  '1501': 'AA_RECORD_AUDIT', '1502': 'AA_RECORD_ALLOWED', '1503': 'AA_RECORD_DENIED', '1504': 'AA_RECORD_HINT',
  '1505': 'AA_RECORD_STATUS', '1506': 'AA_RECORD_ERROR', APPARMOR_AUDIT: 'AA_RECORD_AUDIT',
  APPARMOR_ALLOWED: 'AA_RECORD_ALLOWED', APPARMOR_DENIED: 'AA_RECORD_DENIED', APPARMOR_HINT: 'AA_RECORD_HINT',
  APPARMOR_STATUS: 'AA_RECORD_STATUS', APPARMOR_ERROR: 'AA_RECORD_ERROR',
};

const APPARMOR_EVENTS: Record<string, AuditEventType> = {
  AUDIT: 'AA_RECORD_AUDIT', ALLOWED: 'AA_RECORD_ALLOWED', DENIED: 'AA_RECORD_DENIED', HINT: 'AA_RECORD_HINT',
  STATUS: 'AA_RECORD_STATUS', ERROR: 'AA_RECORD_ERROR', KILLED: 'AA_RECORD_DENIED',
};

type Pair = [key: string, value: string, isQuoted: boolean];

/** Splits `key=value key="value" key='…'` text into pairs; words without `=` are skipped. */
function readPairs(text: string): Pair[] {
  const pairs: Pair[] = [];
  // \x1d: auditd's separator before its interpreted fields (FSUID="otis" …), which libapparmor ignores
  const re = /([A-Za-z_][\w-]*)=("([^"]*)"|'([^']*)'?|([^\s\x1d]*))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[3] !== undefined) pairs.push([m[1] ?? '', m[3], true]);
    else if (m[4] !== undefined) pairs.push([m[1] ?? '', m[4], true]);
    else pairs.push([m[1] ?? '', m[5] ?? '', false]);
  }
  return pairs;
}

/** @returns the decoded string, or undefined when `hex` is not even-length hex */
function decodeHex(hex: string): string | undefined {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9A-Fa-f]+$/.test(hex)) return undefined;
  let out = '';
  for (let i = 0; i < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return out;
}

function applyPair(fields: AuditLogFields, [key, value, isQuoted]: Pair): boolean {
  const field = KEY_FIELDS[key];
  if (field === undefined) return true;
  let text = value;
  if (!isQuoted && HEX_KEYS.has(key) && value !== '' && value !== '?') {
    const decoded = decodeHex(value);
    if (decoded === undefined || /[\x00-\x08\x0e-\x1f\x7f-\xff]/.test(decoded)) return false;
    text = decoded;
  }
  if (key === 'error') text = text.replace(/^-/, '');
  if (key === 'protocol') text = PROTOCOLS[text] ?? (/^\d+$/.test(text) ? `unknown(${text})` : text);
  if ((key === 'addr' || key === 'peer_addr') && (text === 'none' || text === '?')) return true;
  if (NUMERIC_KEYS.has(key) && /^\d+$/.test(text)) text = String(Number(text));
  fields[field] = text;
  return true;
}

/** The first record of `text`: its first line, joined with the next ones while a `'…'` quote is open. */
function firstRecord(text: string): string {
  const lines = text.replace(/\r/g, '').split('\n');
  let out = (lines[0] ?? '').trimStart();
  for (let i = 1; i < lines.length && (out.split("'").length - 1) % 2 === 1; i++) out += ` ${lines[i]?.trim()}`;
  return out;
}

/**
 * Parses one log line (the first line of `line` when it holds several).
 *
 * @param line - a raw line: auditd (`type=AVC msg=audit(…)`), kernel syslog/dmesg, journald or dbus-daemon
 * @returns libapparmor's fields (`Event type` AA_RECORD_INVALID for lines that are not AppArmor records), or
 *   undefined for an empty line
 * @example parseAuditLine('type=AVC msg=audit(1.2:3): apparmor="DENIED" operation="open" profile="p" name="/x" pid=1 comm="c" requested_mask="r" denied_mask="r" fsuid=0 ouid=0')?.['Denied Mask']
 *   // → 'r'
 */
export function parseAuditLine(line: string): AuditLogFields | undefined {
  const text = firstRecord(line);
  if (text.trim() === '') return undefined;
  const invalid: AuditLogFields = { 'Event type': 'AA_RECORD_INVALID' };
  const typeMatch = /(?:^|\s)type=(\S+)/.exec(text);
  const stamp = /audit\(([^)]*)\)/.exec(text);
  const fields: AuditLogFields = { 'Event type': 'AA_RECORD_INVALID' };
  if (stamp) {
    const id = /^(\d+)\.(\d+):(\d+)$/.exec(stamp[1] ?? '');
    if (!id) return invalid;
    fields['Audit ID'] = stamp[1];
    fields.Epoch = id[1];
    fields['Audit subid'] = id[3];
  }
  const rest = stamp ? text.slice(stamp.index + stamp[0].length).replace(/^:\s*/, '') : text;
  const type = typeMatch?.[1]?.replace(/^UNKNOWN\[(\d+)\]$/, '$1');
  if (type === 'APPARMOR' || type === '1500' || (type !== undefined && !/^(AVC|USER_AVC|1400|1107|15\d\d|APPARMOR_\w+)$/.test(type))) {
    if (!stamp) return invalid;
    if (type !== '1500') fields.Operation = type;
    fields.Info = rest.replace(/^type=\S+\s+/, '');
    return fields;
  }
  if (!/\b(apparmor|operation)=/.test(text) || (stamp && !typeMatch)) return invalid;
  let isValid = true;
  const pairs = readPairs(stamp ? rest : text);
  // a USER_AVC (dbus) record carries the AppArmor fields inside msg='…'; the outer ones are the daemon's
  const inner = pairs.find(([key]) => key === 'msg');
  for (const pair of inner ? readPairs(inner[1]) : pairs) isValid = applyPair(fields, pair) && isValid;
  const verdict = /\bapparmor="?(\w+)/.exec(text)?.[1];
  const event = (verdict === undefined ? undefined : APPARMOR_EVENTS[verdict]) ?? (type ? TYPE_EVENTS[type] : undefined);
  if (event === undefined) return invalid;
  if (isValid) fields['Event type'] = event;
  return fields;
}
