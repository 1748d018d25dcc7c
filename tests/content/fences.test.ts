// Every ```apparmor fence in content/ goes through the real apparmor_parser: plain fences must be
// accepted, ```apparmor bad fences rejected, ```apparmor fragment fences are wrapped in a profile first.
// Our engine, reading includes from its own bundle, must give the same verdict and the same first message.
import { describe, expect, it } from 'vitest';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectFences, extractFences, firstCodeSpan, isDeliberateError, policyText } from './fences.ts';
import type { Fence } from './fences.ts';
import { NO_PARSER_MESSAGE, findParser, runParser } from './apparmor-parser.ts';
import { bundleReader, checkPolicy, formatParserError } from '../../src/apparmor/index.ts';

const contentDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../content');
const apparmorFences = collectFences(contentDir).filter((fence) => fence.lang === 'apparmor');

function requireParser(): string {
  const parser = findParser();
  if (!parser) throw new Error(NO_PARSER_MESSAGE);
  return parser;
}

function where(fence: Fence): string {
  return `content/${fence.file}:${fence.line}`;
}

describe('extracting fences from Markdown', () => {
  it('finds the language, the flags, the body and the line of each fence', () => {
    const md = 'text\n\n```apparmor bad\nprofile a {\n}\n```\n\n`msg` here\nand here\n\n~~~~yaml\nkind: Pod\n~~~~\n';
    expect(extractFences(md, 'x.md')).toEqual([
      { file: 'x.md', line: 3, lang: 'apparmor', flags: ['bad'], body: 'profile a {\n}\n', after: '`msg` here\nand here' },
      { file: 'x.md', line: 11, lang: 'yaml', flags: [], body: 'kind: Pod\n', after: '' },
    ]);
  });

  it('closes a fence only with the same character at least as long, so shorter fences nest', () => {
    const md = '````md\n```apparmor\nprofile a {}\n```\n````\n```sh\nls\n```\n';
    const fences = extractFences(md, 'x.md');
    expect(fences.map((f) => f.lang)).toEqual(['md', 'sh']);
    expect(fences[0]?.body).toBe('```apparmor\nprofile a {}\n```\n');
  });

  it('removes the opening fence indentation from the body, as inside a list item', () => {
    const md = '1. step\n\n   ```sh\n   ls /tmp\n     indented\n   ```\n';
    expect(extractFences(md, 'x.md')[0]?.body).toBe('ls /tmp\n  indented\n');
  });

  it('does not take inline code with backticks in the info string for a fence', () => {
    expect(extractFences('```a` b```\n', 'x.md')).toEqual([]);
  });

  it('finds the first inline code span of the paragraph after a fence', () => {
    expect(firstCodeSpan('It fails: `Invalid capability CAP_NET_RAW.` and `more`')).toBe('Invalid capability CAP_NET_RAW.');
    expect(firstCodeSpan('no code here')).toBeUndefined();
  });

  it('wraps fragments in a profile after the global tunables and leaves whole profiles alone', () => {
    const fragment: Fence = { file: 'x.md', line: 1, lang: 'apparmor', flags: ['fragment'], body: 'capability,\n', after: '' };
    expect(policyText(fragment)).toBe('#include <tunables/global>\nprofile fragment {\ncapability,\n}\n');
    expect(policyText({ ...fragment, flags: [] })).toBe('capability,\n');
  });
});

describe('the parser runner', () => {
  it('tells accepted policy from rejected policy, so the fence checks can fail', () => {
    const parser = requireParser();
    expect(runParser(parser, 'profile ok { /tmp/** r, }\n').accepted).toBe(true);
    const bad = runParser(parser, 'profile ko { deny /usr/bin/wget, }\n');
    expect(bad.accepted).toBe(false);
    expect(bad.stderr).toContain('unexpected TOK_END_OF_RULE, expecting TOK_MODE');
  });
});

describe('apparmor fences in content/', () => {
  it('include whole profiles, fragments and deliberate errors', () => {
    expect(apparmorFences.filter((f) => f.flags.length === 0).length).toBeGreaterThan(20);
    expect(apparmorFences.some((f) => f.flags.includes('fragment'))).toBe(true);
    expect(apparmorFences.some(isDeliberateError)).toBe(true);
  });

  it('use only the flags the README documents', () => {
    const unknown = apparmorFences.filter((f) => f.flags.some((flag) => flag !== 'bad' && flag !== 'fragment'));
    expect(unknown.map(where)).toEqual([]);
  });

  for (const fence of apparmorFences) {
    const expected = isDeliberateError(fence) ? 'rejected with the message the docs quote' : 'accepted';
    it(`the fence at ${where(fence)} is ${expected} by apparmor_parser`, () => {
      const verdict = runParser(requireParser(), policyText(fence));
      const detail = `${where(fence)}:\n${policyText(fence)}\napparmor_parser said:\n${verdict.stderr}`;
      expect(verdict.accepted, detail).toBe(!isDeliberateError(fence));
      if (isDeliberateError(fence)) {
        // The paragraph after a bad fence quotes the parser's message first, in backticks.
        const quoted = firstCodeSpan(fence.after);
        expect(quoted, `${detail}\nno quoted message after the fence`).toBeDefined();
        expect(verdict.stderr, detail).toContain(quoted);
      }
    });
  }

  for (const fence of apparmorFences) {
    it(`our engine gives the fence at ${where(fence)} the same verdict and first message as apparmor_parser`, () => {
      const text = policyText(fence);
      const real = runParser(requireParser(), text);
      const ours = checkPolicy(text, { reader: bundleReader, fileName: 'fence', text });
      const firstError = ours.diagnostics.find((d) => d.severity === 'error');
      const detail = `${where(fence)}:\n${text}\napparmor_parser said:\n${real.stderr}\nours: ${firstError?.message ?? 'accepted'}`;
      expect(firstError === undefined, detail).toBe(real.accepted);
      if (firstError) {
        const message = formatParserError(firstError, { fileName: 'fence' });
        const quoted = firstCodeSpan(fence.after);
        if (quoted) expect(message, detail).toContain(quoted);
      }
    });
  }
});
