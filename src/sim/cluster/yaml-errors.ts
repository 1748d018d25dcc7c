/**
 * Translates the `yaml` package's parse errors into the go-yaml v2 messages kubectl prints after
 * `error converting YAML to JSON: yaml: line N: …`. go-yaml reports scanner errors at the 1-based line of
 * the problem but parser errors at the 0-based one (`parser.fail()` adds 1 only for scanner errors), so
 * "did not find expected key" names the line above the bad one. The table was checked against kubectl
 * v1.32.4 (tests/fixtures/manifests/yaml-errors.json); unlisted errors fall back to the nearest message.
 */
import type { YAMLError } from 'yaml';

/** A go-yaml error: the line kubectl prints and the problem text. */
export type GoYamlError = { readonly line: number; readonly problem: string };

/**
 * Finds go-yaml's tab error, which the `yaml` package accepts in some places: a tab in a line's leading
 * whitespace "cannot start any token".
 * @param text one YAML document
 * @returns the error, or undefined when no indentation uses a tab
 * @example findTabIndent('a:\n\tb: 1\n') // → { line: 2, problem: 'found character that cannot start any token' }
 */
export function findTabIndent(text: string): GoYamlError | undefined {
  const lines = text.split('\n');
  let blockScalarIndent = -1;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? '';
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (blockScalarIndent >= 0) {
      if (line.trim() === '' || indent.length > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (indent.includes('\t') && line.trim() !== '' && !line.trim().startsWith('#')) {
      return { line: n + 1, problem: 'found character that cannot start any token' };
    }
    if (/:\s*[|>][-+0-9]*\s*(#.*)?$/.test(line)) blockScalarIndent = indent.length;
  }
  return undefined;
}

/**
 * Maps the first `yaml` package error of a document to go-yaml's message and line.
 * @param error the first error the `yaml` package reported
 * @param text the document text (line numbers are relative to it, as kubectl converts one document at a time)
 * @returns the go-yaml error
 * @example goYamlError(err, 'a: b: c\n') // → { line: 1, problem: 'mapping values are not allowed in this context' }
 */
export function goYamlError(error: YAMLError, text: string): GoYamlError {
  const pos = error.pos[0];
  // The yaml package may point at the end of the line before the offending one; go-yaml blames the
  // token it tripped on, so skip to the next non-blank character first.
  let at = pos;
  while (at < text.length && /\s/.test(text[at] ?? '')) at++;
  const line = lineOf(text, at < text.length ? at : pos);
  const message = error.message;
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && message.startsWith('Nested mappings')) {
    // go-yaml's scanner stops at the second ':' of `key: value: more`, or at the over-indented key.
    return { line: lineOf(text, nextMappingColon(text, pos)), problem: 'mapping values are not allowed in this context' };
  }
  if (error.code === 'MULTILINE_IMPLICIT_KEY' && !message.startsWith('Nested')) {
    return { line: line + 1, problem: "could not find expected ':'" };
  }
  if (error.code === 'MISSING_CHAR' && /closing .*quote/i.test(message)) {
    return { line: lineOf(text, text.length), problem: 'found unexpected end of stream' };
  }
  if (error.code === 'MISSING_CHAR' && message.startsWith('Implicit map keys need to be followed')) {
    // Found when the scanner reaches the next line, like the multi-line key above.
    return { line: nextLineWithoutColon(text, line) + 1, problem: "could not find expected ':'" };
  }
  if (error.code === 'MISSING_CHAR' && message.startsWith('Sequence item without') && isInIndentedSequence(text, line)) {
    // An indented block sequence has its own indentation level, so go-yaml wants the next '-' there.
    return { line: line - 1, problem: "did not find expected '-' indicator" };
  }
  if (error.code === 'BAD_INDENT' && message.startsWith('Flow map')) return { line: line - 1, problem: "did not find expected ',' or '}'" };
  if (error.code === 'BAD_INDENT' && message.startsWith('Flow sequence')) return { line: line - 1, problem: "did not find expected ',' or ']'" };
  if (error.code === 'UNEXPECTED_TOKEN' && /flow (map|collection)/i.test(message)) return { line: line - 1, problem: "did not find expected ',' or '}'" };
  // Everything else is a parser error in go-yaml: block structure broken at `line`, reported 0-based.
  return { line: Math.max(line - 1, 1), problem: 'did not find expected key' };
}

const indentOf = (line: string): number => /^ */.exec(line)?.[0].length ?? 0;
const isContent = (line: string | undefined): line is string => line !== undefined && line.trim() !== '' && !line.trim().startsWith('#');

/**
 * Whether a 1-based line sits under a `- ` item of a block sequence indented deeper than its parent key
 * (`key:\n    - a`), as opposed to an indentless one (`key:\n- a`).
 */
function isInIndentedSequence(text: string, line: number): boolean {
  const lines = text.split('\n');
  const indent = indentOf(lines[line - 1] ?? '');
  let owner = line - 2;
  while (owner >= 0 && !(isContent(lines[owner]) && indentOf(lines[owner] ?? '') < indent)) owner--;
  const ownerLine = lines[owner];
  if (!isContent(ownerLine) || !ownerLine.trim().startsWith('-')) return false;
  const seqIndent = indentOf(ownerLine);
  for (let n = owner - 1; n >= 0; n--) {
    const candidate = lines[n];
    if (!isContent(candidate) || candidate.trim().startsWith('-') || indentOf(candidate) > seqIndent) continue;
    return indentOf(candidate) < seqIndent;
  }
  return false;
}

/** The first content line from `line` on that has no `key:` in it (the key go-yaml wanted a ':' after). */
function nextLineWithoutColon(text: string, line: number): number {
  const lines = text.split('\n');
  for (let n = line - 1; n < lines.length; n++) {
    const current = lines[n];
    if (isContent(current) && !/:(\s|$)/.test(current)) return n + 1;
  }
  return line;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

function nextMappingColon(text: string, from: number): number {
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) { if (ch === quote) quote = ''; continue; }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ':' && (i + 1 >= text.length || ' \t\n\r'.includes(text[i + 1] ?? ''))) return i;
  }
  return from;
}
