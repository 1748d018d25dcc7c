/**
 * `apparmor_parser -p` (3.0.8): the policy text echoed with every include expanded in place, as parser_lex.l
 * does with `preprocess_only` set (the lexer echoes each token it reads, and writes `##included <name>` markers).
 */
import type { IncludeReader } from '../policy/resolved-policy.ts';
import { lookupInclude } from '../policy/includes.ts';

/** Where includes are looked up. */
export type PreprocessOptions = {
  /** the injected file access */
  reader: IncludeReader;
  /** `-I` directories, then the base directory */
  searchDirs: readonly string[];
  /** the working directory for relative `"quoted"` includes */
  cwd: string;
  /**
   * an offset in the main text where a parse error stopped the real parser: as 3.0.8, the echo ends with the
   * token the error was found at (the lexer had echoed it before bison gave up)
   */
  stopAt?: number;
};

/**
 * The echo, and the error that cut it short (`Could not open`): its line, and the included file it is in
 * (undefined for the main text; the real tool names it as the profile: `… in profile <file> at line N`).
 */
export type PreprocessResult = { output: string; error: { line: number; message: string; file: string | undefined } | undefined };

// leading whitespace, keyword, optional `if exists`, the whitespace the lexer echoes, target, rest of the line
const INCLUDE_LINE = /^([ \t]*)(?:#include|include)(?:[ \t]+if[ \t]+exists)?([ \t]+)(?:<([^>\n]*)>|"([^"\n]*)")(.*)$/;
const IF_EXISTS = /^[ \t]*(?:#include|include)[ \t]+if[ \t]+exists[ \t]/;
const ASSIGNMENT = /^[ \t]*@\{[^}\n]*\}[ \t]*\+?=/;

type State = { options: PreprocessOptions; seen: Set<string>; out: string[]; error: PreprocessResult['error'] };

function withoutComment(line: string): string {
  const hash = line.indexOf('#');
  return (hash < 0 ? line : line.slice(0, hash)).trimEnd();
}

/** Echoes one include statement and, unless skipped, the files it names; false when it could not be opened. */
function expandInclude(state: State, match: RegExpExecArray, line: string, where: { line: number; file: string | undefined }): boolean {
  const [, leading = '', gap = '', magic, quoted, rest = ''] = match;
  const isMagic = magic !== undefined;
  const target = magic ?? quoted ?? '';
  const { reader, searchDirs, cwd } = state.options;
  const lookup = lookupInclude(reader, target, isMagic, searchDirs, cwd);
  // a quoted path and a `<magic>` one naming the same file are the same include
  const key = isMagic ? (lookup.fullPath ?? target) : (lookup.files[0]?.path ?? target);
  state.out.push(leading, gap);
  if (lookup.found && state.seen.has(key)) {
    state.out.push(`\n\n##skipped duplicate include <${target}>\n`, rest);
    return true;
  }
  // as parser_lex.l 3.0.8: the marker keeps the quotes, but the duplicate marker always writes <…>
  state.out.push(`\n\n##included ${isMagic ? `<${target}>` : `"${target}"`}\n`);
  if (!lookup.found) {
    if (IF_EXISTS.test(line)) {
      state.out.push(rest);
      return true;
    }
    // as parser_lex.l: the echo stops at the include the parser cannot open
    state.error = { line: where.line, message: `Could not open '${target}'`, file: where.file };
    return false;
  }
  state.seen.add(key);
  // as parser_lex.l 3.0.8: a directory's files are pushed on the include stack in order, so read back last first
  for (const file of [...lookup.files].reverse()) {
    if (!echoText(state, file.text, file.path)) return false;
  }
  state.out.push(rest);
  return true;
}

/** Echoes one file's text (`file` undefined for the main text), expanding its includes; false when cut short. */
function echoText(state: State, text: string, file: string | undefined): boolean {
  const lines = text.split('\n');
  const stopAt = file === undefined ? state.options.stopAt : undefined;
  let start = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const newline = index < lines.length - 1 ? '\n' : '';
    if (stopAt !== undefined && stopAt <= start + line.length) {
      state.out.push(line.slice(0, Math.max(0, stopAt - start)));
      return false;
    }
    start += line.length + newline.length;
    const include = INCLUDE_LINE.exec(line);
    if (include) {
      if (!expandInclude(state, include, line, { line: index + 1, file })) return false;
      state.out.push(newline);
      continue;
    }
    state.out.push(line, newline);
    // as parser_lex.l: the newline that ends a variable assignment is echoed twice (once leaving ASSIGN_MODE)
    if (newline !== '' && ASSIGNMENT.test(line)) state.out.push(newline);
    // each profile or hat starts with an empty set of files already included
    if (!/^[ \t]*#/.test(line) && withoutComment(line).endsWith('{')) state.seen.clear();
  }
  return true;
}

/**
 * Expands a policy's includes the way `apparmor_parser -p` prints it.
 *
 * @param text - the policy file's text
 * @param options - the include reader, search path and working directory
 * @returns the text `-p` prints, and the error that cut it short, if any
 * @example preprocessPolicy('/p {\n}\n', { reader, searchDirs: [], cwd: '/' }).output // → '/p {\n}\n'
 */
export function preprocessPolicy(text: string, options: PreprocessOptions): PreprocessResult {
  const state: State = { options, seen: new Set(), out: [], error: undefined };
  echoText(state, text, undefined);
  return { output: state.out.join(''), error: state.error };
}
