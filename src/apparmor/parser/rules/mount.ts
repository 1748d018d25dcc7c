/**
 * `mount`, `remount`, `umount` and `pivot_root` rules (`apparmor.d(5)` "Mount rules"; `yacc:mnt_rule`).
 */
import type { Conditional, MountRule, PivotRootRule, Qualifiers, RemountRule, UmountRule, Word } from '../ast.ts';
import type { Cursor } from '../cursor.ts';
import { MOUNT_OPTIONS } from '../../vocabulary.ts';
import { parseConditionals } from './conditionals.ts';

const MOUNT_CONDS = ['fstype', 'vfstype', 'options', 'option'];
/** Options 3.0.8's table lacks (added in 3.1/4.x). */
const NEWER_OPTIONS = ['nostrictatime', 'lazytime', 'nolazytime', 'symfollow', 'nosymfollow'];
const PROPAGATION = [
  'unbindable', 'runbindable', 'private', 'rprivate', 'slave', 'rslave', 'shared', 'rshared', 'make-unbindable',
  'make-runbindable', 'make-private', 'make-rprivate', 'make-slave', 'make-rslave', 'make-shared', 'make-rshared',
];
const OPPOSITES: [string, string][] = [
  ['rw', 'ro'], ['suid', 'nosuid'], ['dev', 'nodev'], ['exec', 'noexec'], ['sync', 'async'], ['mand', 'nomand'],
  ['atime', 'noatime'], ['diratime', 'nodiratime'], ['acl', 'noacl'], ['relatime', 'norelatime'],
  ['iversion', 'noiversion'], ['strictatime', 'nostrictatime'], ['lazytime', 'nolazytime'], ['user', 'nouser'],
  ['symfollow', 'nosymfollow'], ['dirsync', 'nodirsync'],
];

function optionWords(conds: Conditional[]): string[] {
  return conds.filter((cond) => cond.name === 'options' || cond.name === 'option').flatMap((cond) => cond.values.map((v) => v.text));
}

/** `mount.cc`: unknown options fail; so do option sets the rule encoder cannot express (3.0.8). */
function checkConds(
  c: Cursor, conds: Conditional[], line: number, allowed: readonly string[], source: Word | undefined, isMount: boolean,
  mountpoint?: Word,
): void {
  for (const cond of conds) {
    if (!allowed.includes(cond.name)) {
      c.report('INVALID_MOUNT_RULE', cond.range, `invalid mount conditional ${cond.name}${cond.operator === 'in' ? ' in' : '='}`, { line });
      return;
    }
    if (cond.name !== 'options' && cond.name !== 'option') continue;
    for (const value of cond.values) {
      const known = MOUNT_OPTIONS.includes(value.text) && !(c.version === '3.0' && NEWER_OPTIONS.includes(value.text));
      if (!known) {
        c.report('INVALID_MOUNT_RULE', value.range, `unsupported mount options (unknown option '${value.text}')`, { line, upstream: 'unsupported mount options', isBare: true });
        return;
      }
    }
  }
  const words = optionWords(conds);
  if (c.version === '5.0') {
    for (const cond of conds) {
      if ((cond.name !== 'options' && cond.name !== 'option') || cond.operator !== '=') continue;
      const eq = cond.values.map((v) => v.text);
      if (OPPOSITES.some(([a, b]) => eq.includes(a) && eq.includes(b))) {
        c.report('INVALID_MOUNT_RULE', cond.range, 'conflicting flags in the rule', { line, isBare: true });
        return;
      }
    }
    if (isMount && source && mountpoint && words.some((w) => PROPAGATION.includes(w) || w === 'remount')) {
      c.report('INVALID_MOUNT_RULE', source.range, 'source and mount point cannot be used at the same time for propagation type flags', { line, isBare: true });
    }
    return;
  }
  const isEncodable = !isMount || !source || !(words.some((w) => PROPAGATION.includes(w)) || (words.includes('remount')));
  if (!isEncodable) {
    c.report('INVALID_MOUNT_RULE', source?.range ?? [0, 0],
      'Encoding of mount rule failed (apparmor_parser 3.0.8 cannot encode a propagation or remount option together with a source)',
      { line, isBare: true, upstream: 'Encoding of mount rule failed' });
  }
}

function optId(c: Cursor): Word | undefined {
  return c.at('TOK_ID') ? c.word(c.next()) : undefined;
}

/**
 * Parses a mount-family rule after its qualifiers.
 * `MOUNT RULE = 'mount' [ CONDS ] [ SOURCE ] [ '->' [ CONDS ] MOUNTPOINT ] ','`,
 * `REMOUNT RULE = 'remount' [ CONDS ] [ MOUNTPOINT ] ','`, `UMOUNT RULE = 'umount' [ CONDS ] [ MOUNTPOINT ] ','`,
 * `PIVOT ROOT RULE = 'pivot_root' [ oldroot=… ] [ NEWROOT ] [ '->' PROFILE ] ','`
 *
 * @param c - the cursor, at the keyword
 * @param qualifiers - the parsed prefix
 * @param start - offset where the rule starts
 * @returns the rule
 */
export function parseMountRule(c: Cursor, qualifiers: Qualifiers, start: number): MountRule | RemountRule | UmountRule | PivotRootRule {
  const keyword = c.next();
  const conditionals = parseConditionals(c);
  const first = optId(c);
  if (keyword.kind === 'TOK_MOUNT') {
    let mountpoint: Word | undefined;
    if (c.accept('TOK_ARROW')) {
      conditionals.push(...parseConditionals(c));
      mountpoint = c.word(c.expect('TOK_ID', 'TOK_CONDID or TOK_ID'));
    }
    const end = c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE or TOK_ARROW');
    checkConds(c, conditionals, end.line, MOUNT_CONDS, first, true, mountpoint);
    return { kind: 'mount', qualifiers, conditionals, source: first, mountpoint, range: c.rangeFrom(start) };
  }
  if (keyword.kind === 'TOK_PIVOTROOT') {
    let targetProfile: Word | undefined;
    if (c.accept('TOK_ARROW')) targetProfile = c.word(c.expect('TOK_ID', 'TOK_ID or TOK_SET_VAR'));
    const end = c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE or TOK_ARROW');
    checkConds(c, conditionals, end.line, ['oldroot'], undefined, false);
    return { kind: 'pivot_root', qualifiers, conditionals, newRoot: first, targetProfile, range: c.rangeFrom(start) };
  }
  const end = c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE');
  checkConds(c, conditionals, end.line, MOUNT_CONDS, undefined, false);
  const kind = keyword.kind === 'TOK_REMOUNT' ? 'remount' : 'umount';
  return { kind, qualifiers, conditionals, mountpoint: first, range: c.rangeFrom(start) };
}
