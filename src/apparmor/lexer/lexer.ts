/**
 * The mode-based lexer: a TypeScript re-statement of the start conditions of apparmor's `parser_lex.l`
 * (behaviour only; no code copied). Emits `Token`s whose kinds are the parser's bison token names. Includes are
 * emitted as one `INCLUDE` token (the resolver follows them); characters no state accepts become `LEX_ERROR`
 * tokens carrying the real parser's message, after which lexing resumes in INITIAL.
 * Longer than 300 lines on purpose: one state method per flex start condition, kept side by side so they can be
 * read against `parser_lex.l`'s state table (the house allows lexer states to be long).
 */
import type { LanguageVersion } from '../parser/ast.ts';
import { CONDITIONAL_MODES, keywordToken, MODE_WORDS, RULE_MODES, type LexMode } from './modes.ts';
import type { Token, TokenKind } from './tokens.ts';

// Character classes of parser_lex.l, as JavaScript regex sources.
const ID_UNIT = String.raw`(?:\\[ \t"!,]|,[^ \t\r\n"!,]|[^ \t\r\n"!,])`;
const IDS = `${ID_UNIT}+`;
const QUOTED_ID = String.raw`"(?:\\"|[^\0"])*"`;
const VAR_NAME = '[A-Za-z][A-Za-z0-9_]*';
const SET_VARIABLE = `@(?:\\{${VAR_NAME}\\}|${VAR_NAME})`;
const POST_VAR_ID = String.raw`(?:\\[ \t"!,()]|,[^ \t\n"!,=+]|[^ \t\n"!,=+])`;
const LABEL = `(?:/|${SET_VARIABLE}${POST_VAR_ID}|:|&)${ID_UNIT}*`;
// 5.x also keeps `?` out of the first character after a variable (for `@{X}?=`)
const LABEL_5 = LABEL.replaceAll('=+]', '=+?]');
const QUOTED_LABEL = String.raw`"(?:/|@|:|&)(?:\\"|[^\0"])*"`;
const MODE_CHARS = '(?:[RrWwaLlMmkXx]|[PpCc][Xx]|[PpCc]?[IiUu][Xx])';
const ID_NOEQ = String.raw`(?:,[^ \t\n"!,=)]|[^ \t\n"!,=)])`;
const IDS_NOEQ = String.raw`[^ \t\n"!,=()+&]${ID_NOEQ}*`;
const LIST_VALUE_ID = String.raw`(?:\\[ \t"!,()]|[^ \t\n"!,()])+`;
const QUOTED_LIST_VALUE_ID = String.raw`"(?:\\"|[^\0"])+"`;

function sticky(source: string): RegExp {
  return new RegExp(source, 'y');
}

const RE = {
  ws: /[ \t]+/y,
  newline: /\r?\n/y,
  comment: /#[^\n]*(?:\n|$)/y,
  hashIncludeExists: /#include[ \t]+if[ \t]+exists(?=[ \t])/y,
  includeExists: /include[ \t]+if[ \t]+exists(?=[ \t])/y,
  hashInclude: /#include/y,
  include: /include(?=[ \t])/y,
  includeTarget: sticky(String.raw`<(?:[^"\>\t\r\n]+|${QUOTED_ID})>|${QUOTED_ID}|(?:[^ \t\r\n"!,<>]|,[^ \t\r\n"!,<>])+`),
  condListId: /(?:peer|xattrs)(?=[ \t]*=[ \t]*\()/y,
  condId: sticky(`${VAR_NAME}(?=[ \\t]*=)`),
  condIdIn: sticky(`${VAR_NAME}(?=[ \\t]+in[ \\t]*\\()`),
  priority: /priority(?=[ \t]*=)/y,
  setVariable: sticky(SET_VARIABLE),
  boolVariable: sticky(`\\$(?:\\{${VAR_NAME}\\}|${VAR_NAME})`),
  label: sticky(`${QUOTED_LABEL}|${LABEL}`),
  label5: sticky(`${QUOTED_LABEL}|${LABEL_5}`),
  modes: sticky(`${MODE_CHARS}+(?=[\\s,])`),
  hat: /hat[ \t]*/y,
  profile: /profile[ \t]*/y,
  varName: sticky(VAR_NAME),
  all: /all(?=[^A-Za-z0-9_]|$)/y,
  ids: sticky(`${QUOTED_ID}|${IDS}`),
  idsUnquoted: sticky(IDS),
  idsNoeq: sticky(`${QUOTED_ID}|${LABEL}|${IDS_NOEQ}`),
  listValue: sticky(`${QUOTED_ID}|${LIST_VALUE_ID}`),
  listCondValue: sticky(`${QUOTED_LIST_VALUE_ID}|${LIST_VALUE_ID}`),
  condName: /[^ \t\n"!,=)]+/y,
  equalsThenValue: /=[ \t]*(?=[^(\n \t])/y,
  equalsParen: /=[ \t]*(?=\()/y,
  number: /-?[0-9]+/y,
  keyword: /[A-Za-z_]+/y,
  integer: /[+-]?[0-9]+/y,
  rwMode: /(?:rw|wr|r|w)(?=[\s,])/y,
  word: /[A-Za-z_]+/y,
  compare: /==|!=|>=|<=|>|</y,
};

/** The first characters a label (`/x`, `@{V}x`, `:ns:`, `&x`, `"…"`) can start with. */
const LABEL_STARTS = '/@:&"';
/** Mode strings and names (keywords, variable names) start with a letter. */
const WORD_STARTS = /^[A-Za-z]$/;

type Scan = { kind: TokenKind; length: number; text?: string; push?: LexMode; pop?: boolean; begin?: LexMode };

/**
 * Splits policy text into tokens exactly as apparmor_parser's flex scanner would.
 *
 * @param text - the policy text
 * @param version - the language level (5.0 adds `?=`, `:=`, `priority=`, `all`, userns, mqueue, io_uring…)
 * @returns every token, ending with one `EOF` token
 * @example tokenize('/x r,', '3.0').map((t) => t.kind) // → ['TOK_ID', 'TOK_MODE', 'TOK_END_OF_RULE', 'EOF']
 */
export function tokenize(text: string, version: LanguageVersion = '3.0'): Token[] {
  return new Lexer(text, version).run();
}

class Lexer {
  readonly #text: string;
  readonly #version: LanguageVersion;
  #pos = 0;
  #line = 1;
  #stack: LexMode[] = ['INITIAL'];
  readonly #tokens: Token[] = [];

  constructor(text: string, version: LanguageVersion) {
    this.#text = text;
    this.#version = version;
  }

  get #mode(): LexMode {
    return this.#stack[this.#stack.length - 1] ?? 'INITIAL';
  }

  run(): Token[] {
    while (this.#pos < this.#text.length) this.#step();
    this.#emit('EOF', this.#pos, this.#pos, '');
    return this.#tokens;
  }

  #match(re: RegExp): string | undefined {
    re.lastIndex = this.#pos;
    const m = re.exec(this.#text);
    return m ? m[0] : undefined;
  }

  #emit(kind: TokenKind, start: number, end: number, value: string, line = this.#line): void {
    this.#tokens.push({ kind, text: value, raw: this.#text.slice(start, end), range: [start, end], line });
  }

  #advance(length: number): void {
    const text = this.#text;
    const end = Math.min(this.#pos + length, text.length);
    for (let i = this.#pos; i < end; i++) if (text.charCodeAt(i) === 10) this.#line++;
    this.#pos += length;
  }

  #step(): void {
    const mode = this.#mode;
    const skipsWs = mode !== 'SUB_ID' && mode !== 'SUB_VALUE';
    // the first character rules most patterns out: test it before running a regex
    const code = this.#text.charCodeAt(this.#pos);
    const ws = skipsWs && (code === 32 || code === 9) ? this.#match(RE.ws) : undefined;
    if (ws) return this.#advance(ws.length);
    const nl = code === 10 || code === 13 ? this.#match(RE.newline) : undefined;
    if (nl && mode === 'ASSIGN_MODE') {
      this.#pop();
      return this.#advance(nl.length);
    }
    if (nl && mode !== 'SUB_ID' && mode !== 'SUB_VALUE') return this.#advance(nl.length);
    if (mode === 'INITIAL' && this.#scanDirective()) return;
    const scan = this.#scan(mode);
    if (!scan) return this.#lexError(mode);
    const start = this.#pos;
    const raw = this.#text.slice(start, start + scan.length);
    if (scan.kind !== ('SKIP' as TokenKind)) this.#emit(scan.kind, start, start + scan.length, scan.text ?? raw);
    if (scan.pop) this.#pop();
    if (scan.begin) this.#stack[this.#stack.length - 1] = scan.begin;
    if (scan.push) this.#stack.push(scan.push);
    this.#advance(scan.length);
  }

  #pop(): void {
    if (this.#stack.length > 1) this.#stack.pop();
  }

  #lexError(mode: LexMode): void {
    const ch = this.#text[this.#pos] ?? '';
    const code = ch.charCodeAt(0);
    // as parser_lex.l's default rule; a signed char prints non-ASCII bytes as 0xffffffXX
    const hex = code > 0x7f ? `ffffff${(0xc0 | (code >> 6)).toString(16)}` : code.toString(16);
    const shown = ch === '\n' ? '\n' : ch;
    const start = this.#pos;
    this.#emit('LEX_ERROR', start, start + ch.length, `Lexer found unexpected character: '${shown}' (0x${hex}) in state: ${mode}`);
    this.#stack = ['INITIAL'];
    this.#advance(ch.length);
  }

  /** `#include`, `include`, `include if exists` and comments: INITIAL-only rules. */
  #scanDirective(): boolean {
    const start = this.#pos;
    const line = this.#line;
    let m: string | undefined;
    let ifExists = false;
    let keyword: '#include' | 'include' = 'include';
    const first = this.#text[start];
    if (first !== '#' && first !== 'i') return false;
    if ((m = this.#match(RE.hashIncludeExists))) [ifExists, keyword] = [true, '#include'];
    else if ((m = this.#match(RE.includeExists))) ifExists = true;
    else if ((m = this.#match(RE.hashInclude))) keyword = '#include';
    else if ((m = this.#match(RE.include))) keyword = 'include';
    else {
      const comment = this.#match(RE.comment);
      if (!comment) return false;
      this.#advance(comment.length);
      return true;
    }
    this.#advance(m.length);
    const ws = this.#match(RE.ws);
    if (ws) this.#advance(ws.length);
    const target = this.#match(RE.includeTarget);
    if (!target) {
      this.#lexError(ifExists ? 'INCLUDE_EXISTS' : 'INCLUDE');
      return true;
    }
    this.#advance(target.length);
    const isMagic = target.startsWith('<');
    let path = isMagic ? target.slice(1, -1).trim() : target.trim();
    if (path.startsWith('"') && path.endsWith('"') && path.length >= 2) path = path.slice(1, -1);
    this.#tokens.push({
      kind: 'INCLUDE', text: path, raw: this.#text.slice(start, this.#pos), range: [start, this.#pos], line,
      include: { path, isMagic, ifExists, keyword },
    });
    return true;
  }

  #scan(mode: LexMode): Scan | undefined {
    switch (mode) {
      case 'INITIAL': return this.#scanInitial();
      case 'SUB_ID': case 'SUB_ID_WS': return this.#scanWord(RE.ids, 'TOK_ID', true);
      case 'SUB_VALUE': return this.#scanWord(RE.ids, 'TOK_VALUE', true);
      case 'LIST_VAL_MODE': return this.#scanListVal();
      case 'EXTCOND_MODE': return this.#scanExtCond();
      case 'EXTCONDLIST_MODE': return this.#scanExtCondList();
      case 'LIST_COND_MODE': return this.#scanListCond();
      case 'LIST_COND_VAL': return this.#scanWord(RE.listCondValue, 'TOK_VALUE', true);
      case 'LIST_COND_PAREN_VAL': return this.#scanListCondParenVal();
      case 'ASSIGN_MODE': return this.#scanAssign();
      case 'INTEGER_MODE': return this.#scanInteger();
      case 'EXPR_MODE': return this.#scanExpr();
      default: return this.#scanRuleMode(mode);
    }
  }

  #scanWord(re: RegExp, kind: TokenKind, pop: boolean): Scan | undefined {
    const m = this.#match(re);
    return m ? { kind, length: m.length, text: processId(m), pop } : undefined;
  }

  #scanInitial(): Scan | undefined {
    if (this.#version === '5.0') {
      const five = this.#scanInitial5();
      if (five) return five;
    }
    const c = this.#scanConditional('INITIAL');
    if (c) return c;
    const text = this.#text;
    const ch = text[this.#pos];
    if (ch === '^') return { kind: 'TOK_CARET', length: 1, push: 'SUB_ID' };
    if (text.startsWith('->', this.#pos)) return { kind: 'TOK_ARROW', length: 2, push: 'SUB_ID_WS' };
    if (ch === '=') return { kind: 'TOK_EQUALS', length: 1, push: 'ASSIGN_MODE' };
    if (text.startsWith('+=', this.#pos)) return { kind: 'TOK_ADD_ASSIGN', length: 2, push: 'ASSIGN_MODE' };
    const label = ch !== undefined && LABEL_STARTS.includes(ch) ? this.#match(this.#version === '5.0' ? RE.label5 : RE.label) : undefined;
    const setVar = ch === '@' ? this.#match(RE.setVariable) : undefined;
    if (setVar && (!label || label.length <= setVar.length)) return { kind: 'TOK_SET_VAR', length: setVar.length };
    const boolVar = ch === '$' ? this.#match(RE.boolVariable) : undefined;
    if (boolVar) return { kind: 'TOK_BOOL_VAR', length: boolVar.length };
    if (ch === '{') return { kind: 'TOK_OPEN', length: 1 };
    if (ch === '}') return { kind: 'TOK_CLOSE', length: 1 };
    if (label) return { kind: 'TOK_ID', length: label.length, text: processId(label) };
    return this.#scanInitialWords();
  }

  /** 4.x/5.x additions to INITIAL: `priority=`, `all`, `?=`, `:=`. */
  #scanInitial5(): Scan | undefined {
    const text = this.#text;
    const priority = this.#match(RE.priority);
    if (priority) return { kind: 'TOK_PRIORITY', length: priority.length, push: 'INTEGER_MODE' };
    if (text.startsWith('?=', this.#pos)) return { kind: 'TOK_COND_ASSIGN', length: 2, push: 'ASSIGN_MODE' };
    if (text.startsWith(':=', this.#pos)) return { kind: 'TOK_OVERRIDE_ASSIGN', length: 2, push: 'ASSIGN_MODE' };
    // `+ identities=(…)` in a profile header
    if (text[this.#pos] === '+' && text[this.#pos + 1] !== '=') return { kind: 'TOK_PLUS', length: 1 };
    const all = this.#match(RE.all);
    const modes = this.#match(RE.modes);
    if (all && !(modes && modes.length > 3)) return { kind: 'TOK_ALL', length: 3 };
    return undefined;
  }

  #scanInitialWords(): Scan | undefined {
    const ch = this.#text[this.#pos];
    if (ch === undefined || !WORD_STARTS.test(ch)) {
      if (ch === ':') return { kind: 'TOK_COLON', length: 1 };
      if (ch === '(') return { kind: 'TOK_OPENPAREN', length: 1, push: 'LIST_VAL_MODE' };
      if (ch === ',') return { kind: 'TOK_END_OF_RULE', length: 1 };
      return undefined;
    }
    const modes = this.#match(RE.modes);
    const name = this.#match(RE.varName);
    // flex counts the trailing context in the match length, so a mode string followed by space/comma wins ties
    if (modes && (!name || modes.length >= name.length)) return { kind: 'TOK_MODE', length: modes.length };
    const hat = ch === 'h' ? this.#match(RE.hat) : undefined;
    if (hat && (!name || hat.length >= name.length)) return { kind: 'TOK_HAT', length: hat.length, push: 'SUB_ID' };
    const profile = ch === 'p' ? this.#match(RE.profile) : undefined;
    if (profile && (!name || profile.length >= name.length)) {
      return { kind: 'TOK_PROFILE', length: profile.length, push: 'SUB_ID' };
    }
    if (ch === ':') return { kind: 'TOK_COLON', length: 1 };
    if (ch === '(') return { kind: 'TOK_OPENPAREN', length: 1, push: 'LIST_VAL_MODE' };
    if (name) {
      const keyword = keywordToken(name, this.#version);
      if (!keyword) return { kind: 'TOK_ID', length: name.length };
      const [kind, mode] = keyword;
      return { kind, length: name.length, push: mode };
    }
    if (ch === ',') return { kind: 'TOK_END_OF_RULE', length: 1 };
    return undefined;
  }

  /** `peer=(`, `xattrs=(`, `NAME=` and `NAME in (`, shared by INITIAL and the rule modes. */
  #scanConditional(mode: LexMode): Scan | undefined {
    const five = this.#version === '5.0';
    if (!CONDITIONAL_MODES.has(mode) && !(five && (mode === 'NETWORK_MODE' || mode === 'MQUEUE_MODE' || mode === 'IOURING_MODE'))) return undefined;
    // every conditional starts with a letter (peer, xattrs, priority, NAME)
    if (!WORD_STARTS.test(this.#text[this.#pos] ?? '')) return undefined;
    const list = this.#match(RE.condListId);
    if (list) return { kind: 'TOK_CONDLISTID', length: list.length, push: 'EXTCONDLIST_MODE' };
    if (five && mode !== 'INITIAL') {
      const priority = this.#match(RE.priority);
      if (priority) return undefined;
    }
    const id = this.#match(RE.condId) ?? this.#match(RE.condIdIn);
    if (id) return { kind: 'TOK_CONDID', length: id.length, push: 'EXTCOND_MODE' };
    return undefined;
  }

  #scanListVal(): Scan | undefined {
    const ch = this.#text[this.#pos];
    if (ch === ')') return { kind: 'TOK_CLOSEPAREN', length: 1, pop: true };
    if (ch === ',') return { kind: 'SKIP' as TokenKind, length: 1 };
    return this.#scanWord(RE.listValue, 'TOK_VALUE', false);
  }

  #scanExtCond(): Scan | undefined {
    const text = this.#text;
    const eqValue = this.#match(RE.equalsThenValue);
    if (eqValue) return { kind: 'TOK_EQUALS', length: eqValue.length, begin: 'SUB_VALUE' };
    if (text[this.#pos] === '=') return { kind: 'TOK_EQUALS', length: 1 };
    if (text[this.#pos] === '(') return { kind: 'TOK_OPENPAREN', length: 1, begin: 'LIST_VAL_MODE' };
    if (text.startsWith('in', this.#pos)) return { kind: 'TOK_IN', length: 2 };
    return undefined;
  }

  #scanExtCondList(): Scan | undefined {
    const ch = this.#text[this.#pos];
    if (ch === '=') return { kind: 'TOK_EQUALS', length: 1 };
    if (ch === '(') return { kind: 'TOK_OPENPAREN', length: 1, begin: 'LIST_COND_MODE' };
    return undefined;
  }

  #scanListCond(): Scan | undefined {
    const ch = this.#text[this.#pos];
    if (ch === ')') return { kind: 'TOK_CLOSEPAREN', length: 1, pop: true };
    if (ch === ',') return { kind: 'SKIP' as TokenKind, length: 1 };
    const paren = this.#match(RE.equalsParen);
    if (paren) return { kind: 'TOK_EQUALS', length: paren.length + 1, push: 'LIST_COND_PAREN_VAL' };
    if (ch === '=') return { kind: 'TOK_EQUALS', length: 1, push: 'LIST_COND_VAL' };
    return this.#scanWord(RE.condName, 'TOK_CONDID', false);
  }

  #scanListCondParenVal(): Scan | undefined {
    if (this.#text[this.#pos] === ')') return { kind: 'SKIP' as TokenKind, length: 1, pop: true };
    return this.#scanWord(RE.listCondValue, 'TOK_VALUE', false);
  }

  #scanAssign(): Scan | undefined {
    const text = this.#text;
    if (text.startsWith('\\\n', this.#pos)) return { kind: 'SKIP' as TokenKind, length: 2 };
    if (text[this.#pos] === ',') {
      return { kind: 'LEX_ERROR', length: 1, text: 'Variable declarations do not accept trailing commas' };
    }
    if (this.#version === '5.0' && text[this.#pos] === '#') {
      const comment = this.#match(RE.comment);
      if (comment) return { kind: 'SKIP' as TokenKind, length: comment.length, pop: true };
    }
    return this.#scanWord(RE.ids, 'TOK_VALUE', false);
  }

  #scanInteger(): Scan | undefined {
    if (this.#text[this.#pos] === '=') return { kind: 'TOK_EQUALS', length: 1 };
    const m = this.#match(RE.integer);
    return m ? { kind: 'TOK_VALUE', length: m.length, pop: true } : undefined;
  }

  #scanExpr(): Scan | undefined {
    const text = this.#text;
    const ch = text[this.#pos];
    if (ch === '{') return { kind: 'TOK_OPEN', length: 1, pop: true };
    if (ch === '(') return { kind: 'TOK_OPENPAREN', length: 1 };
    if (ch === ')') return { kind: 'TOK_CLOSEPAREN', length: 1 };
    const setVar = this.#match(RE.setVariable);
    if (setVar) return { kind: 'TOK_SET_VAR', length: setVar.length };
    const boolVar = this.#match(RE.boolVariable);
    if (boolVar) return { kind: 'TOK_BOOL_VAR', length: boolVar.length };
    const cmp = this.#match(RE.compare);
    if (cmp) return { kind: 'TOK_COMPARE', length: cmp.length };
    const word = this.#match(RE.word);
    const words: Record<string, TokenKind> = { and: 'TOK_AND', or: 'TOK_OR', not: 'TOK_NOT', defined: 'TOK_DEFINED', in: 'TOK_COMPARE' };
    const id = this.#match(RE.idsNoeq);
    if (word && Object.hasOwn(words, word) && (!id || id.length <= word.length)) {
      return { kind: words[word] as TokenKind, length: word.length };
    }
    return id ? { kind: 'TOK_ID', length: id.length, text: processId(id) } : undefined;
  }

  /** network, unix, dbus, signal, ptrace, mount, change_profile, rlimit, abi, userns, mqueue, io_uring. */
  #scanRuleMode(mode: LexMode): Scan | undefined {
    const text = this.#text;
    const ch = text[this.#pos];
    if (ch === ',' && RULE_MODES.has(mode)) return { kind: 'TOK_END_OF_RULE', length: 1, pop: true };
    const cond = this.#scanConditional(mode);
    if (cond) return cond;
    switch (mode) {
      case 'ABI_MODE': {
        const m = this.#match(RE.includeTarget);
        if (!m) return undefined;
        const isMagic = m.startsWith('<');
        const path = processId(isMagic ? m.slice(1, -1).trim() : m.trim());
        return { kind: isMagic ? 'TOK_ID' : 'TOK_VALUE', length: m.length, text: path };
      }
      case 'RLIMIT_MODE': {
        if (text.startsWith('<=', this.#pos)) return { kind: 'TOK_LE', length: 2 };
        const num = this.#match(RE.number);
        if (num) return { kind: 'TOK_VALUE', length: num.length };
        const kw = this.#match(RE.keyword);
        if (kw) return { kind: kw === 'infinity' ? 'TOK_VALUE' : 'TOK_ID', length: kw.length };
        return undefined;
      }
      case 'CHANGE_PROFILE_MODE': {
        if (text.startsWith('->', this.#pos)) return { kind: 'TOK_ARROW', length: 2, push: 'SUB_ID_WS' };
        const id = this.#match(RE.ids);
        if (id === 'safe') return { kind: 'TOK_SAFE', length: 4 };
        if (id === 'unsafe') return { kind: 'TOK_UNSAFE', length: 6 };
        return id ? { kind: 'TOK_ID', length: id.length, text: processId(id) } : undefined;
      }
      case 'NETWORK_MODE':
        if (this.#version === '3.0') {
          const id = this.#match(RE.idsUnquoted);
          return id ? { kind: 'TOK_ID', length: id.length, text: id } : undefined;
        }
        return this.#scanPermMode('UNIX_MODE');
      default:
        return this.#scanPermMode(mode);
    }
  }

  /** Permission words, `(`, `r|w|rw|wr` modes and ids of the dbus/signal/ptrace/unix/mount-like modes. */
  #scanPermMode(mode: LexMode): Scan | undefined {
    const text = this.#text;
    const ch = text[this.#pos];
    if (mode === 'MOUNT_MODE' && text.startsWith('->', this.#pos)) return { kind: 'TOK_ARROW', length: 2 };
    const id = this.#match(RE.idsNoeq);
    const word = this.#match(RE.word);
    const words = MODE_WORDS[mode];
    if (word && words && Object.hasOwn(words, word) && (!id || id.length <= word.length)) {
      return { kind: words[word] as TokenKind, length: word.length };
    }
    const permModes = mode !== 'MOUNT_MODE' && mode !== 'USERNS_MODE';
    if (permModes && ch === '(') return { kind: 'TOK_OPENPAREN', length: 1, push: 'LIST_VAL_MODE' };
    const rw = permModes ? this.#match(RE.rwMode) : undefined;
    if (rw && (!id || id.length <= rw.length)) return { kind: 'TOK_MODE', length: rw.length };
    return id ? { kind: 'TOK_ID', length: id.length, text: processId(id) } : undefined;
  }
}

/**
 * Strips the quotes of a quoted id (`processid` in `parser_misc.c`); escapes stay for the AARE stage.
 *
 * @param raw - the id as written
 * @returns the id's value
 * @example processId('"/a b"') // → '/a b'
 */
export function processId(raw: string): string {
  if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"')) return raw.slice(1, -1);
  return raw;
}
