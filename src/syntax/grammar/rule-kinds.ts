/**
 * The grammar's rules for the non-file rule kinds (capability, network, signal, ptrace, mount, unix, dbus,
 * change_profile, rlimit and the 4.x kinds), each running from its keyword to its terminating comma.
 * Word lists come from the engine's vocabulary, so the editor and the parser agree on what a name is.
 */
import {
  CAPABILITIES, MOUNT_OPTIONS, NETWORK_FAMILIES, NETWORK_PROTOCOLS, NETWORK_TYPES, RLIMITS, SIGNALS,
} from '../../apparmor/vocabulary.ts';
import { ACCESS_WORDS, EDGE, include, terminated, WORD_END, words, type Rule } from './parts.ts';

const R = String.raw;

const NETWORK_WORDS = [...NETWORK_FAMILIES, ...NETWORK_TYPES, ...NETWORK_PROTOCOLS];

const access: Rule = { match: words(ACCESS_WORDS), name: 'constant.character.permission.apparmor' };
const network: Rule = { match: words(NETWORK_WORDS), name: 'constant.language.network.apparmor' };
const mountOption: Rule = { match: words(MOUNT_OPTIONS), name: 'constant.language.mount-option.apparmor' };
const realtimeSignal: Rule = { match: R`${EDGE}rtmin\+\d+(?![\w.-])`, name: 'support.constant.signal.apparmor' };
const signal: Rule = { match: words(SIGNALS), name: 'support.constant.signal.apparmor' };
const keyword = (list: string): string => R`${EDGE}(${list})${WORD_END}`;

/** @returns the repository entries for every non-file rule kind, plus the parenthesised lists they use. */
export function ruleKinds(): Record<string, Rule> {
  const conditionals = [include('comment'), include('conditional-key'), include('conditional-value')];
  return {
    'capability-rule': terminated('meta.rule.capability.apparmor', keyword('capability'), 1, [
      include('comment'),
      { match: words(CAPABILITIES), name: 'constant.language.capability.apparmor' },
    ]),
    'network-rule': terminated('meta.rule.network.apparmor', keyword('network'), 1, [
      ...conditionals, include('parens'), network, access,
    ]),
    'signal-rule': terminated('meta.rule.signal.apparmor', keyword('signal'), 1, [
      include('comment'), include('conditional-key'), realtimeSignal, signal, include('conditional-value'),
      include('parens'), access,
    ]),
    'ptrace-rule': terminated('meta.rule.ptrace.apparmor', keyword('ptrace'), 1, [
      ...conditionals, include('parens'), access,
    ]),
    'mount-rule': terminated('meta.rule.mount.apparmor', keyword('mount|remount|umount|unmount|pivot_root'), 1, [
      include('comment'),
      { match: R`${EDGE}(in)${WORD_END}`, name: 'keyword.operator.word.apparmor' },
      include('conditional-key'), mountOption, include('conditional-value'), include('mount-parens'),
      include('arrow-target'), include('quoted-string'), include('path'), include('variable'),
    ]),
    'unix-rule': terminated('meta.rule.unix.apparmor', keyword('unix'), 1, [
      include('comment'), include('conditional-key'), network, include('conditional-value'), include('parens'),
      access,
    ]),
    'dbus-rule': terminated('meta.rule.dbus.apparmor', keyword('dbus'), 1, [...conditionals, include('parens'), access]),
    'change-profile-rule': terminated('meta.rule.change-profile.apparmor', keyword('change_profile'), 1, [
      include('comment'),
      { match: R`${EDGE}(safe|unsafe)${WORD_END}`, name: 'storage.modifier.qualifier.apparmor' },
      include('arrow-target'), include('quoted-string'), include('path'), include('variable'),
    ]),
    'rlimit-rule': terminated('meta.rule.rlimit.apparmor', R`${EDGE}(set)\s+(rlimit)${WORD_END}`, 2, [
      include('comment'),
      { match: words(RLIMITS), name: 'constant.language.rlimit.apparmor' },
      { match: '<=', name: 'keyword.operator.assignment.apparmor' },
      { match: R`${EDGE}infinity(?![\w.-])`, name: 'constant.language.infinity.apparmor' },
      include('number'),
    ]),
    'generic-rule': terminated('meta.rule.apparmor', keyword('userns|mqueue|io_uring|all'), 1, [
      ...conditionals, include('parens'), access,
    ]),
    parens: parenthesised([
      include('comment'), include('conditional-key'), include('conditional-value'), include('quoted-string'),
      realtimeSignal, signal, access, network,
    ]),
    'mount-parens': {
      comment: 'Mount option lists, where `bind` is an option rather than an access.',
      ...parenthesised([include('comment'), mountOption, include('quoted-string'),
        { match: R`[^\s,()"]+`, name: 'string.unquoted.value.apparmor' }]),
    },
  };
}

/**
 * @param patterns - what a list may hold
 * @returns a `( … )` rule whose commas separate items instead of ending the enclosing rule
 */
function parenthesised(patterns: Rule[]): Rule {
  return {
    begin: R`\(`,
    beginCaptures: { 0: { name: 'punctuation.section.parens.begin.apparmor' } },
    end: R`\)`,
    endCaptures: { 0: { name: 'punctuation.section.parens.end.apparmor' } },
    patterns: [...patterns, { match: ',', name: 'punctuation.separator.apparmor' }],
  };
}
