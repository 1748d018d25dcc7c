// Invalid globs: the parser's own messages (parser_regex.c) and offsets into the pattern as given.
import { describe, expect, it } from 'vitest';
import { compileAare } from '../../src/apparmor/aare/index.ts';

function error(pattern: string) {
  const result = compileAare(pattern);
  if (result.ok) throw new Error(`${pattern} compiled to ${result.matcher.regex}`);
  return result.error;
}

describe('AARE errors', () => {
  it.each([
    ['/tmp/{a}', 'Regex grouping error: Invalid number of items between {}', 7],
    ['/tmp/{}', 'Regex grouping error: Invalid number of items between {}', 6],
    ['/tmp/a}', 'Regex grouping error: Invalid number of items between {}', 6],
    ['/tmp/{a,b', 'Regex grouping error: Unclosed grouping or character class, expecting close }', 9],
    ['/tmp/[ab', 'Regex grouping error: Unclosed grouping or character class, expecting close }', 8],
    ['/tmp/a]', 'Regex grouping error: Invalid close ], no matching open [ detected', 6],
    ['/tmp/[]a]', 'Regex grouping error: Invalid close ], no matching open [ detected', 8],
    ['/tmp/a\\', "Regex error: trailing '\\' escape character", 6],
    ['{{alpha,blort,nested}beta}', 'Regex grouping error: Invalid number of items between {}', 25],
  ])('rejects %s with "%s" at offset %i', (pattern, message, offset) => {
    expect(error(pattern)).toEqual({ message, offset, kind: 'glob' });
  });

  it('reports the first error when the parser would print two', () => {
    expect(error('/foo/{foo,bar}/test,ca}se').message).toBe('Regex grouping error: Invalid number of items between {}');
  });

  it('reports a regex-engine rejection at the offending class', () => {
    const e = error('/tmp/x[a-]');
    expect(e.kind).toBe('regex');
    expect(e.offset).toBe(6);
    expect(e.message).toContain('ERROR processing regexs');
  });

  it('rejects a NUL character, which a C string cannot carry', () => {
    expect(error('/tmp/a\0b')).toEqual({ message: 'Regex error: NUL character in pattern', offset: 6, kind: 'glob' });
  });

  it('never throws, whatever the input', () => {
    for (const pattern of ['', '\\', '[', ']', '{', '}', ',', '{,}', '[^', '\\x', '\\d', '*{', '[[[', ']]]', '{[}]']) {
      expect(() => compileAare(pattern)).not.toThrow();
    }
  });
});
