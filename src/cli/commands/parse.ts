/**
 * `apparmor-lab parse [--json] [-I DIR]… [--version 3.0|5.0] FILE…`: checks policy files as `apparmor_parser -Q`
 * does (parse, includes, variables, compile-time checks) plus lint, and prints every diagnostic with a caret
 * snippet, and the first error also in apparmor_parser's own words. Exit status 1 when any file has an error,
 * 2 when a file is missing (as apparmor_parser). Its options and output formats are a public interface.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  bundleReader, checkProfile, formatParserError, LineCounter, prettyDiagnostic, type Diagnostic, type IncludeReader,
  type LanguageVersion,
} from '../../apparmor/index.ts';
import type { CliCommand, CliIo } from './types.ts';

const HELP = `Usage: apparmor-lab parse [options] FILE...

Checks AppArmor policy files the way 'apparmor_parser -Q' does: syntax, includes, variables and the
compile-time checks (exec-mode conflicts, globs), then lints them. Prints each diagnostic with the source
line and a caret, and the first error also as apparmor_parser prints it. FILE '-' reads standard input.

Options:
  -I, --include DIR     search DIR for <includes> before the base directory (repeatable)
  --base DIR            the base directory (default /etc/apparmor.d; the bundled copy fills in what is missing)
  --version 3.0|5.0     language level: apparmor_parser 3.0.8 (default) or the AppArmor 5.0 syntax
  --merged-usr          lint for a merged-/usr node (/bin, /sbin, /lib are symlinks into /usr)
  --verbose             also print infos (e.g. that a deny rule is silent)
  --json                print one JSON line per file: {"file","ok","diagnostics":[…]} (infos included;
                        a file that cannot be read gets "error" instead)
  -h, --help            show this help

Exit status: 0 when no file has an error, 1 when one has, 2 when a file cannot be read.
`;

type ParseArgs = {
  includeDirs: string[]; baseDir: string; version: LanguageVersion; isJson: boolean; mergedUsr: boolean; isVerbose: boolean;
  isHelp: boolean; files: string[]; error?: string;
};

function parseArgs(args: readonly string[]): ParseArgs {
  const out: ParseArgs = {
    includeDirs: [], baseDir: '/etc/apparmor.d', version: '3.0', isJson: false, mergedUsr: false, isVerbose: false,
    isHelp: false, files: [],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const value = (): string | undefined => args[++i];
    if (arg === '-h' || arg === '--help') out.isHelp = true;
    else if (arg === '--json') out.isJson = true;
    else if (arg === '--merged-usr') out.mergedUsr = true;
    else if (arg === '--verbose') out.isVerbose = true;
    else if (arg === '-I' || arg === '--include') {
      const dir = value();
      if (dir === undefined) return { ...out, error: `${arg} needs a directory` };
      out.includeDirs.push(resolve(dir));
    } else if (arg.startsWith('-I') && arg.length > 2) out.includeDirs.push(resolve(arg.slice(2)));
    else if (arg === '--base') {
      const dir = value();
      if (dir === undefined) return { ...out, error: '--base needs a directory' };
      out.baseDir = resolve(dir);
    } else if (arg === '--version') {
      const level = value();
      if (level !== '3.0' && level !== '5.0') return { ...out, error: `--version must be 3.0 or 5.0, not '${level ?? ''}'` };
      out.version = level;
    } else if (arg.startsWith('-') && arg !== '-') return { ...out, error: `unknown option '${arg}'` };
    else out.files.push(arg);
  }
  return out;
}

/** Files on disk first; paths under /etc/apparmor.d that are not on disk come from the bundled copy. */
const diskReader: IncludeReader = {
  readFile(path) {
    if (existsSync(path) && statSync(path).isFile()) return readFileSync(path, 'utf8');
    return path.startsWith('/etc/apparmor.d/') ? bundleReader.readFile(path) : undefined;
  },
  listDir(path) {
    if (existsSync(path) && statSync(path).isDirectory()) return readdirSync(path).sort();
    return path.startsWith('/etc/apparmor.d/') ? bundleReader.listDir(path) : undefined;
  },
};

async function readStdin(io: CliIo): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}

function jsonDiagnostic(d: Diagnostic, text: string, file: string): Record<string, unknown> {
  const { line, col } = new LineCounter(text).linePos(d.range[0]);
  return {
    code: d.code, severity: d.severity, message: d.message, range: d.range, line, col, ...(d.file ? { file: d.file } : {}),
    ...(d.severity === 'error' ? { parserMessage: formatParserError(d, file === '-' ? {} : { fileName: file }) } : {}),
  };
}

function report(file: string, text: string, diagnostics: Diagnostic[], args: ParseArgs, io: CliIo): void {
  const shownName = file === '-' ? '<stdin>' : file;
  const sourceOf = (d: Diagnostic): string => (d.file ? diskReader.readFile(d.file) ?? '' : text);
  if (args.isJson) {
    const ok = !diagnostics.some((d) => d.severity === 'error');
    const list = diagnostics.map((d) => jsonDiagnostic(d, sourceOf(d), file));
    io.stdout.write(`${JSON.stringify({ file: shownName, ok, diagnostics: list })}\n`);
    return;
  }
  for (const d of diagnostics) {
    if (d.severity !== 'info' || args.isVerbose) io.stderr.write(`${prettyDiagnostic(d, sourceOf(d), d.file ?? shownName)}\n`);
  }
  const first = diagnostics.find((d) => d.severity === 'error');
  if (first) io.stderr.write(`${formatParserError(first, file === '-' ? {} : { fileName: file })}\n`);
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed.isHelp) {
    io.stdout.write(HELP);
    return 0;
  }
  if (parsed.error || parsed.files.length === 0) {
    io.stderr.write(`apparmor-lab parse: ${parsed.error ?? 'no file given'}\n${HELP}`);
    return 2;
  }
  let status = 0;
  for (const file of parsed.files) {
    const isStdin = file === '-';
    if (!isStdin && !(existsSync(file) && statSync(file).isFile())) {
      const message = `File ${file} not found, skipping...`;
      io.stderr.write(`${message}\n`);
      // --json keeps its promise of one line per file
      if (parsed.isJson) io.stdout.write(`${JSON.stringify({ file, ok: false, diagnostics: [], error: message })}\n`);
      status = 2;
      continue;
    }
    const text = isStdin ? await readStdin(io) : readFileSync(file, 'utf8');
    const fileName = isStdin ? '<stdin>' : resolve(file);
    const { diagnostics } = checkProfile(text, {
      version: parsed.version, reader: diskReader, includeDirs: parsed.includeDirs, baseDir: parsed.baseDir,
      cwd: process.cwd(), fileName, mergedUsr: parsed.mergedUsr,
    });
    report(file, text, diagnostics, parsed, io);
    if (status === 0 && diagnostics.some((d) => d.severity === 'error')) status = 1;
  }
  return status;
}

/** The `parse` subcommand. */
export const parseCommand: CliCommand = {
  name: 'parse',
  usage: 'parse [--json] [-I DIR] [--version V] FILE…',
  summary: 'check policy files as apparmor_parser -Q does, plus lint',
  run,
};
