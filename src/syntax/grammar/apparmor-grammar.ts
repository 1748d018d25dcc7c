/**
 * The AppArmor TextMate grammar as data: preamble (comments, includes, abi, variables, alias), profile and
 * hat headers, blocks, qualifiers and file rules; the other rule kinds are in `rule-kinds.ts`. Semantics
 * follow APPARMOR.md; scopes are the standard TextMate ones so any theme colours them. Not a validator.
 */
import { PROFILE_FLAGS_3_0, PROFILE_FLAGS_NEWER, PROFILE_MODES_3_0 } from '../../apparmor/vocabulary.ts';
import {
  BRACE, EDGE, FLAGS_AHEAD, include, NAME, PATH, QUOTED, VAR, WORD_END, words, type Grammar, type Rule,
} from './parts.ts';
import { ruleKinds } from './rule-kinds.ts';

const R = String.raw;

const FLAG_WORDS = [...PROFILE_MODES_3_0, ...PROFILE_FLAGS_3_0, ...Object.keys(PROFILE_FLAGS_NEWER)];
const TERMINATOR = 'punctuation.terminator.rule.apparmor';
const ASSIGN = 'keyword.operator.assignment.apparmor';
const INCLUDE = 'keyword.control.directive.include.apparmor';

/** Order matters: at one position the first rule that matches wins. */
const STATEMENTS = [
  'include', 'comment', 'abi', 'variable-assignment', 'boolean-assignment', 'alias', 'conditional',
  'profile-header', 'hat-header', 'path-profile-header', 'block', 'priority', 'qualifier', 'capability-rule', 'network-rule',
  'signal-rule', 'ptrace-rule', 'mount-rule', 'unix-rule', 'dbus-rule', 'change-profile-rule', 'rlimit-rule',
  'generic-rule', 'file-keyword', 'arrow-target', 'quoted-string', 'path', 'permission', 'variable', 'terminator',
];

/**
 * @returns the grammar written to `src/syntax/apparmor.tmLanguage.json`
 * @example createApparmorGrammar().scopeName // → 'source.apparmor'
 */
export function createApparmorGrammar(): Grammar {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'apparmor',
    scopeName: 'source.apparmor',
    displayName: 'AppArmor',
    aliases: ['aa'],
    patterns: [include('statements')],
    repository: {
      statements: { patterns: STATEMENTS.map(include) },
      ...preamble(),
      ...headers(),
      ...ruleKinds(),
      ...fileRules(),
    },
  };
}

function preamble(): Record<string, Rule> {
  return {
    comment: {
      comment: 'From `#` to the end of the line; `#include` is a directive, and a `#` inside a path is not a comment.',
      match: '#.*$',
      name: 'comment.line.number-sign.apparmor',
    },
    include: {
      comment: '`#include` or `include`, optionally `if exists`, then <magic/path> or "/quoted/path" (apparmor.d(5)).',
      match: R`${EDGE}(#include|include)(?:\s+(if\s+exists))?(?![\w-])\s*(?:(<[^>\s]*>)|(${QUOTED}))?`,
      captures: {
        1: { name: INCLUDE },
        2: { name: INCLUDE },
        3: { name: 'string.quoted.other.lt-gt.include.apparmor' },
        4: { name: 'string.quoted.double.apparmor' },
      },
    },
    abi: {
      match: R`${EDGE}(abi)(?![\w-])\s*(?:(<[^>\s]*>)|(${QUOTED}))?\s*(,)?`,
      captures: {
        1: { name: INCLUDE },
        2: { name: 'string.quoted.other.lt-gt.include.apparmor' },
        3: { name: 'string.quoted.double.apparmor' },
        4: { name: TERMINATOR },
      },
    },
    'variable-assignment': {
      comment: '`@{NAME} = v1 v2` and `@{NAME} += v3`: a line rule without a comma (apparmor.d(5) Variables).',
      begin: R`(${VAR}|@[A-Za-z]\w*)\s*(\+?=)`,
      beginCaptures: { 1: { name: 'variable.other.apparmor' }, 2: { name: ASSIGN } },
      end: '$',
      patterns: [
        include('comment'), include('quoted-string'), include('path'), include('variable'),
        { match: R`[^\s#"]+`, name: 'string.unquoted.value.apparmor', captures: { 0: { patterns: [include('glob')] } } },
      ],
    },
    'boolean-assignment': {
      match: R`(\$\{[A-Za-z]\w*\}|\$[A-Za-z]\w*)\s*(=)\s*(true|false)?`,
      captures: {
        1: { name: 'variable.other.apparmor' },
        2: { name: ASSIGN },
        3: { name: 'constant.language.boolean.apparmor' },
      },
    },
    alias: { match: R`${EDGE}(alias)(?![\w-])`, name: 'keyword.other.alias.apparmor' },
    conditional: { match: R`${EDGE}(if|else|defined|not)${WORD_END}`, name: 'keyword.control.conditional.apparmor' },
  };
}

function headers(): Record<string, Rule> {
  const headerEnd = R`(?=[{},])`;
  const name = { name: 'entity.name.function.profile.apparmor' };
  const kind = { name: 'storage.type.profile.apparmor' };
  return {
    'profile-header': {
      comment: '`profile NAME [ATTACHMENT] [flags=(…)] {`: the header ends where the block opens.',
      begin: R`${EDGE}(profile)\s+(${NAME})`,
      beginCaptures: { 1: kind, 2: name },
      end: headerEnd,
      patterns: [include('header-parts')],
    },
    'hat-header': {
      comment: '`^name {` (no space after the caret) and `hat name {`.',
      begin: R`(?:(\^)|${EDGE}(hat)\s+)(${NAME})`,
      beginCaptures: { 1: kind, 2: kind, 3: name },
      end: headerEnd,
      patterns: [include('header-parts')],
    },
    'path-profile-header': {
      comment: 'A bare path as profile name, `/usr/bin/foo [flags=(…)] {`: only when a block opens after it.',
      begin: R`(?<![^\s{}])(${PATH}|"/(?:[^"\\]|\\.)*")(?=\s+${FLAGS_AHEAD}\{|\s*\(|\s+flags\s*=)`,
      beginCaptures: { 1: name },
      end: headerEnd,
      patterns: [include('header-parts')],
    },
    'header-parts': {
      patterns: [
        include('comment'),
        { match: R`${EDGE}(flags)\s*(=)`, captures: { 1: { name: 'keyword.other.flags.apparmor' }, 2: { name: ASSIGN } } },
        { match: R`${EDGE}(xattrs)\s*(=)`, captures: { 1: { name: 'variable.parameter.apparmor' }, 2: { name: ASSIGN } } },
        {
          begin: R`\(`,
          beginCaptures: { 0: { name: 'punctuation.section.parens.begin.apparmor' } },
          end: R`\)`,
          endCaptures: { 0: { name: 'punctuation.section.parens.end.apparmor' } },
          patterns: [
            include('comment'), include('conditional-key'), include('conditional-value'),
            { match: words(FLAG_WORDS), name: 'constant.language.flag.apparmor' },
            { match: ',', name: 'punctuation.separator.apparmor' },
          ],
        },
        include('quoted-string'), include('path'), include('variable'),
      ],
    },
    block: {
      begin: R`\{`,
      beginCaptures: { 0: { name: 'punctuation.section.block.begin.apparmor' } },
      end: R`\}`,
      endCaptures: { 0: { name: 'punctuation.section.block.end.apparmor' } },
      patterns: [include('statements')],
    },
  };
}

function fileRules(): Record<string, Rule> {
  return {
    priority: {
      comment: 'The 4.x `priority=N` rule prefix.',
      match: R`${EDGE}(priority)\s*(=)\s*([+-]?\d+)`,
      captures: {
        1: { name: 'storage.modifier.qualifier.apparmor' },
        2: { name: ASSIGN },
        3: { name: 'constant.numeric.apparmor' },
      },
    },
    qualifier: {
      match: R`${EDGE}(audit|allow|deny|owner|other|safe|unsafe)${WORD_END}`,
      name: 'storage.modifier.qualifier.apparmor',
    },
    'file-keyword': {
      match: R`${EDGE}(file|link)(?:\s+(subset))?${WORD_END}`,
      captures: { 1: { name: 'keyword.other.rule.apparmor' }, 2: { name: 'keyword.other.subset.apparmor' } },
    },
    'arrow-target': {
      comment: '`->` then a profile name; a path target is left to #path.',
      match: R`(->)\s*([^\s,/"@{}()][^\s,{}()]*)?`,
      captures: { 1: { name: ASSIGN }, 2: { name: 'entity.name.function.profile.apparmor' } },
    },
    'conditional-key': {
      comment: '`peer=`, `set=`, `fstype=`, `options=`, `bus=`, `path=`, `interface=`, `member=`, `name=`, `label=`, `addr=` …',
      match: R`${EDGE}([a-z_][\w.]*)\s*(=)`,
      captures: { 1: { name: 'variable.parameter.apparmor' }, 2: { name: ASSIGN } },
    },
    'conditional-value': {
      match: R`(?<==)\s*(?:(${QUOTED})|((?:${BRACE}|[^\s,()"={}])+))`,
      captures: {
        1: { name: 'string.quoted.double.apparmor', patterns: [include('glob'), include('variable')] },
        2: { name: 'string.unquoted.value.apparmor', patterns: [include('glob'), include('variable')] },
      },
    },
    'quoted-string': {
      begin: '"',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.apparmor' } },
      end: '"',
      endCaptures: { 0: { name: 'punctuation.definition.string.end.apparmor' } },
      name: 'string.quoted.double.apparmor',
      patterns: [{ match: R`\\.`, name: 'constant.character.escape.apparmor' }, include('variable'), include('glob')],
    },
    path: {
      comment: 'An unquoted file glob; `{a,b}` alternations keep their commas.',
      match: R`(?<![\w/@.+=-])${PATH}`,
      name: 'string.unquoted.path.apparmor',
      captures: { 0: { patterns: [include('variable'), include('glob')] } },
    },
    glob: {
      patterns: [
        { match: R`\\.`, name: 'constant.character.escape.apparmor' },
        { match: R`\*\*|\*|\?`, name: 'keyword.operator.glob.apparmor' },
        { match: R`\[\^?\]?[^\]]*\]`, name: 'keyword.operator.glob.apparmor' },
        { match: R`[{},]`, name: 'keyword.operator.glob.apparmor' },
      ],
    },
    permission: {
      comment: 'File modes and exec transitions (r w a l k m x, ix px Px cx Cx ux Ux pix cix pux PUx …), before or after the path.',
      match: R`(?<![\w/@.+=-])[rwaklmxiupcRWALIMXUPC]+(?![\w/@.+=-])`,
      name: 'constant.character.permission.apparmor',
    },
    variable: {
      match: R`@\{[A-Za-z_]\w*\}|\$\{[A-Za-z_]\w*\}|\$[A-Za-z_]\w*`,
      name: 'variable.other.apparmor',
    },
    number: {
      match: R`(?<![\w.-])(-?\d+)([A-Za-z]*)(?![\w.])`,
      captures: { 1: { name: 'constant.numeric.apparmor' }, 2: { name: 'keyword.other.unit.apparmor' } },
    },
    terminator: { match: ',', name: TERMINATOR },
  };
}
