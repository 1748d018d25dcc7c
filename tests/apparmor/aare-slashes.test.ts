// Slash folding before conversion (parser_regex.c:filter_slashes): repeated `/` collapse, except a leading
// `//` that is not `///`. Subjects are never folded: the kernel hands over the path as it is.
import { describe, expect, it } from 'vitest';
import { compileAare } from '../../src/apparmor/aare/index.ts';
import { filterSlashes } from '../../src/apparmor/aare/filter-slashes.ts';

describe('AARE slash folding', () => {
  it.each([
    ['/tmp//a', '/tmp/a'],
    ['//a//b', '//a/b'],
    ['///a', '/a'],
    ['/a///', '/a/'],
    ['//', '//'],
    ['/', '/'],
    ['{/home//*/,/root/}/', '{/home/*/,/root/}/'],
  ])('folds %s to %s', (pattern, folded) => {
    expect(filterSlashes(pattern).text).toBe(folded);
  });

  it('maps each folded character back to its original offset', () => {
    expect(filterSlashes('/a//b').origin).toEqual([0, 1, 2, 4]);
  });

  it('matches a folded pattern but never folds the subject', () => {
    const result = compileAare('/tmp//a');
    expect(result.ok && result.matcher.test('/tmp/a')).toBe(true);
    expect(result.ok && result.matcher.test('/tmp//a')).toBe(false);
  });

  it('can leave slashes alone for fields the parser does not fold', () => {
    const result = compileAare('/tmp//a', { foldSlashes: false });
    expect(result.ok && result.matcher.test('/tmp//a')).toBe(true);
  });

  it('reports error offsets in the pattern as given, before folding', () => {
    const result = compileAare('//x///{a}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.offset).toBe(8);
  });
});
