/**
 * `mount`, `remount`, `umount` and `pivot_root` rules (`apparmor.d(5)` "Mount rules"; `yacc:mnt_rule`).
 */
import type { Conditional, MountRule, PivotRootRule, Qualifiers, RemountRule, UmountRule, Word } from '../ast.ts';
import type { Cursor } from '../cursor.ts';
import { MOUNT_OPTIONS } from '../../vocabulary.ts';
import { parseConditionals } from './conditionals.ts';

const MOUNT_CONDS = ['fstype', 'vfstype', 'options'];

function checkConds(c: Cursor, conds: Conditional[], line: number, allowed: readonly string[]): void {
  for (const cond of conds) {
    if (!allowed.includes(cond.name)) {
      c.report('INVALID_MOUNT_RULE', cond.range, `invalid mount conditional ${cond.name}${cond.operator === 'in' ? ' in' : '='}`, { line });
      continue;
    }
    if (cond.name !== 'options') continue;
    for (const value of cond.values) {
      for (const option of value.text.split(',').filter((s) => s !== '')) {
        if (!MOUNT_OPTIONS.includes(option)) {
          c.report('INVALID_MOUNT_RULE', value.range, `unsupported mount options`, { line });
        }
      }
    }
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
    const end = c.expect('TOK_END_OF_RULE', 'TOK_ARROW or TOK_END_OF_RULE');
    checkConds(c, conditionals, end.line, MOUNT_CONDS);
    return { kind: 'mount', qualifiers, conditionals, source: first, mountpoint, range: c.rangeFrom(start) };
  }
  if (keyword.kind === 'TOK_PIVOTROOT') {
    let targetProfile: Word | undefined;
    if (c.accept('TOK_ARROW')) targetProfile = c.word(c.expect('TOK_ID', 'TOK_ID or TOK_SET_VAR'));
    const end = c.expect('TOK_END_OF_RULE', 'TOK_ARROW or TOK_END_OF_RULE');
    checkConds(c, conditionals, end.line, ['oldroot']);
    return { kind: 'pivot_root', qualifiers, conditionals, newRoot: first, targetProfile, range: c.rangeFrom(start) };
  }
  const end = c.expect('TOK_END_OF_RULE', 'TOK_END_OF_RULE');
  checkConds(c, conditionals, end.line, MOUNT_CONDS);
  const kind = keyword.kind === 'TOK_REMOUNT' ? 'remount' : 'umount';
  return { kind, qualifiers, conditionals, mountpoint: first, range: c.rangeFrom(start) };
}
