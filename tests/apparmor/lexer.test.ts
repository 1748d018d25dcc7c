// The mode-based lexer: token kinds and values as apparmor_parser's flex scanner produces them.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/apparmor/index.ts';

function kinds(text: string, version: '3.0' | '5.0' = '3.0'): string[] {
  return tokenize(text, version).map((t) => (t.kind === 'TOK_ID' || t.kind === 'TOK_VALUE' || t.kind === 'TOK_MODE' || t.kind === 'TOK_CONDID' ? `${t.kind}(${t.text})` : t.kind));
}

describe('tokenize', () => {
  it('reads a path, a mode string and the end of the rule', () => {
    expect(kinds('/etc/hosts r,')).toEqual(['TOK_ID(/etc/hosts)', 'TOK_MODE(r)', 'TOK_END_OF_RULE', 'EOF']);
  });

  it('reads a mode string only when a space or comma follows, as the trailing context of MODES', () => {
    expect(kinds('rw /x,')).toEqual(['TOK_MODE(rw)', 'TOK_ID(/x)', 'TOK_END_OF_RULE', 'EOF']);
    expect(kinds('rwx}')).toEqual(['TOK_ID(rwx)', 'TOK_CLOSE', 'EOF']);
    expect(kinds('/x kill,')).toEqual(['TOK_ID(/x)', 'TOK_ID(kill)', 'TOK_END_OF_RULE', 'EOF']);
  });

  it('keeps a comma followed by a path character inside an id (so /a,/b is one path)', () => {
    expect(kinds('/a,/b r,')).toEqual(['TOK_ID(/a,/b)', 'TOK_MODE(r)', 'TOK_END_OF_RULE', 'EOF']);
  });

  it('strips the quotes of a quoted path', () => {
    expect(tokenize('"/a b" r,')[0]).toMatchObject({ kind: 'TOK_ID', text: '/a b', raw: '"/a b"' });
  });

  it('reads keywords and switches into the rule modes', () => {
    expect(kinds('network inet stream,')).toEqual(['TOK_NETWORK', 'TOK_ID(inet)', 'TOK_ID(stream)', 'TOK_END_OF_RULE', 'EOF']);
    expect(kinds('signal (send receive) set=(hup, term),')).toEqual([
      'TOK_SIGNAL', 'TOK_OPENPAREN', 'TOK_VALUE(send)', 'TOK_VALUE(receive)', 'TOK_CLOSEPAREN', 'TOK_CONDID(set)',
      'TOK_EQUALS', 'TOK_OPENPAREN', 'TOK_VALUE(hup)', 'TOK_VALUE(term)', 'TOK_CLOSEPAREN', 'TOK_END_OF_RULE', 'EOF',
    ]);
    expect(kinds('unix peer=(label=foo),')).toEqual([
      'TOK_UNIX', 'TOK_CONDLISTID', 'TOK_EQUALS', 'TOK_OPENPAREN', 'TOK_CONDID(label)', 'TOK_EQUALS', 'TOK_VALUE(foo)',
      'TOK_CLOSEPAREN', 'TOK_END_OF_RULE', 'EOF',
    ]);
  });

  it('reads the network parenthesis as an id at 3.0 and as a permission list at 5.0', () => {
    expect(kinds('network (create) inet,')).toEqual(['TOK_NETWORK', 'TOK_ID((create))', 'TOK_ID(inet)', 'TOK_END_OF_RULE', 'EOF']);
    expect(kinds('network (create) inet,', '5.0')).toEqual([
      'TOK_NETWORK', 'TOK_OPENPAREN', 'TOK_VALUE(create)', 'TOK_CLOSEPAREN', 'TOK_ID(inet)', 'TOK_END_OF_RULE', 'EOF',
    ]);
  });

  it('reads profile and hat names right after the keyword or caret', () => {
    expect(kinds('profile foo {')).toEqual(['TOK_PROFILE', 'TOK_ID(foo)', 'TOK_OPEN', 'EOF']);
    expect(kinds('^hat {')).toEqual(['TOK_CARET', 'TOK_ID(hat)', 'TOK_OPEN', 'EOF']);
  });

  it("rejects a space after '^' with the real lexer's message", () => {
    const error = tokenize('^ hat {').find((t) => t.kind === 'LEX_ERROR');
    expect(error?.text).toBe("Lexer found unexpected character: ' ' (0x20) in state: SUB_ID");
  });

  it('reads include directives whole, and treats "# include" as a comment', () => {
    const [include] = tokenize('include if exists <local/x>\n');
    expect(include).toMatchObject({ kind: 'INCLUDE', include: { path: 'local/x', isMagic: true, ifExists: true, keyword: 'include' } });
    expect(tokenize('#include "/etc/a b"\n')[0]?.include).toEqual({ path: '/etc/a b', isMagic: false, ifExists: false, keyword: '#include' });
    expect(kinds('# include <x>\n')).toEqual(['EOF']);
  });

  it('reads variable assignments up to the end of the line', () => {
    expect(kinds('@{X} = /a /b\n/c r,')).toEqual([
      'TOK_SET_VAR', 'TOK_EQUALS', 'TOK_VALUE(/a)', 'TOK_VALUE(/b)', 'TOK_ID(/c)', 'TOK_MODE(r)', 'TOK_END_OF_RULE', 'EOF',
    ]);
    expect(tokenize('@{X} = /a,\n').find((t) => t.kind === 'LEX_ERROR')?.text).toBe('Variable declarations do not accept trailing commas');
  });

  it('reads a path that starts with a variable as one id, and a lone variable as TOK_SET_VAR', () => {
    expect(kinds('@{HOME}/x r,')).toEqual(['TOK_ID(@{HOME}/x)', 'TOK_MODE(r)', 'TOK_END_OF_RULE', 'EOF']);
    expect(kinds('@{HOME} r,')).toEqual(['TOK_SET_VAR', 'TOK_MODE(r)', 'TOK_END_OF_RULE', 'EOF']);
  });

  it('reads 5.x tokens only at level 5.0', () => {
    expect(kinds('priority=10 all,', '5.0')).toEqual(['TOK_PRIORITY', 'TOK_EQUALS', 'TOK_VALUE(10)', 'TOK_ALL', 'TOK_END_OF_RULE', 'EOF']);
    expect(kinds('all,')).toEqual(['TOK_MODE(all)', 'TOK_END_OF_RULE', 'EOF']);
  });

  it('records the line of every token', () => {
    expect(tokenize('a\n\n  /x r,').map((t) => t.line)).toEqual([1, 3, 3, 3, 3]);
  });
});
