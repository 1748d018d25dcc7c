/**
 * The "Try an access" subjects as one line of text — `write /tmp/test`, `exec /bin/sh`, `capability net_raw`,
 * `network inet stream`, `signal send term unconfined` — and their translation into engine requests, as the
 * kernel would ask (`open(O_WRONLY)` → `operation=open`, `mask=w`). Labs write access tests in this form.
 */
import { MAY, type AccessRequest, type FileOperation } from '../../apparmor/index.ts';

/** The file operations the panel offers, with the kernel operation and permission bits they ask for. */
export const FILE_OPERATIONS: Readonly<Record<string, { operation: FileOperation; mask: number; label: string }>> = {
  read: { operation: 'open', mask: MAY.READ, label: 'open for reading' },
  write: { operation: 'open', mask: MAY.WRITE, label: 'open for writing' },
  append: { operation: 'open', mask: MAY.APPEND, label: 'open with O_APPEND' },
  create: { operation: 'mknod', mask: MAY.CREATE, label: 'create the file' },
  delete: { operation: 'unlink', mask: MAY.DELETE, label: 'unlink' },
  lock: { operation: 'file_lock', mask: MAY.LOCK, label: 'flock' },
  mmap: { operation: 'file_mmap', mask: MAY.EXEC_MMAP | MAY.READ, label: 'mmap with PROT_EXEC' },
  link: { operation: 'link', mask: MAY.LINK, label: 'hard link to this name' },
};

/** Every verb a subject line may start with. */
export const SUBJECT_VERBS: readonly string[] = [...Object.keys(FILE_OPERATIONS), 'exec', 'capability', 'network', 'signal'];

/** A parsed subject line or why it could not be read. */
export type ParsedSubject = { request: AccessRequest; text: string } | { error: string };

const SOCKET_TYPES = ['stream', 'dgram', 'seqpacket', 'rdm', 'raw', 'packet'];

/**
 * Reads one subject line.
 *
 * @param line - e.g. `write /tmp/test`, `exec /usr/bin/curl`, `capability net_admin`, `network inet stream`,
 *   `signal send term unconfined`
 * @returns the engine request (root task, root-owned file) or an error message for the learner
 * @example parseSubject('write /tmp/test') // → { request: { class: 'file', operation: 'open', mask: 2, … }, … }
 */
export function parseSubject(line: string): ParsedSubject {
  const [verb = '', ...args] = line.trim().split(/\s+/);
  const text = [verb, ...args].join(' ');
  const file = FILE_OPERATIONS[verb];
  const target = args[0] ?? '';
  if (file || verb === 'exec') {
    if (!target.startsWith('/')) return { error: `${verb} needs an absolute path, e.g. "${verb} /tmp/test"` };
    if (verb === 'exec') return { text, request: { class: 'exec', path: target, fsuid: 0, ouid: 0 } };
    return { text, request: { class: 'file', operation: file?.operation ?? 'open', path: target, mask: file?.mask ?? 0, fsuid: 0, ouid: 0 } };
  }
  switch (verb) {
    case 'capability':
      if (!/^[a-z_]+$/.test(target)) return { error: 'capability needs a name, e.g. "capability net_admin"' };
      return { text, request: { class: 'capability', capability: target } };
    case 'network': {
      const type = args[1] ?? 'stream';
      if (!/^[a-z0-9]+$/.test(target) || !SOCKET_TYPES.includes(type)) return { error: 'network needs a family and a type, e.g. "network inet stream"' };
      return { text, request: { class: 'network', operation: 'create', family: target, type, protocol: 0 } };
    }
    case 'signal': {
      const [access = 'send', signal = 'term', peer = 'unconfined'] = args;
      if (access !== 'send' && access !== 'receive') return { error: 'signal needs send or receive, e.g. "signal send term unconfined"' };
      return { text, request: { class: 'signal', access, signal, peer } };
    }
    default:
      return { error: `start with one of: ${SUBJECT_VERBS.join(', ')}` };
  }
}

/** An access test line: a subject and the verdict it should get. */
export type AccessTest = { subject: string; expected: 'allow' | 'deny'; line: number };

/**
 * Reads an access test list: one `subject -> allow|deny` per line; blank lines and `#` comments are skipped.
 *
 * @param text - the list
 * @returns the tests and the 1-based numbers of lines that could not be read
 * @example parseAccessTests('write /tmp/test -> deny').tests[0] // → { subject: 'write /tmp/test', expected: 'deny', line: 1 }
 */
export function parseAccessTests(text: string): { tests: AccessTest[]; badLines: number[] } {
  const tests: AccessTest[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = /^(.*?)\s*(?:->|=>|→)\s*(allow|deny)$/i.exec(line);
    if (match) tests.push({ subject: match[1] ?? '', expected: (match[2] ?? '').toLowerCase() === 'allow' ? 'allow' : 'deny', line: i + 1 });
    else badLines.push(i + 1);
  });
  return { tests, badLines };
}
