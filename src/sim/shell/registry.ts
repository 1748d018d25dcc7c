/**
 * The command registry: a declarative table of `CommandSpec`s (name, summary, usage, options, run) from
 * which `help`, tab completion, `--help` and the reference page are all derived, as learnGitBranching's
 * `commands.js`. It runs nothing by itself: the node adapter looks commands up here and calls `run`.
 *
 * Convention for command files (`src/sim/shell/commands/<kebab-name>.ts`): export one `CommandSpec`
 * named `<camelName>Command` (e.g. `touchCommand`, `apparmorParserCommand`); the node wires the list in
 * `src/sim/node/commands.ts`.
 */
import type { CommandContext, CommandResult } from './host.ts';
import type { ProcessApi } from '../node/process-api.ts';
import type { SimNode } from '../node/node.ts';

/** One option of a command, for `--help`, completion and the reference page. */
export type CommandOption = {
  /** the spelling, e.g. `-p` or `--profile` (several spellings: one entry each, or `-p, --profile`) */
  flag: string;
  summary: string;
  /** true when the option takes a value (`-p PROFILE`) */
  takesValue?: boolean;
};

/** Facts about the node a command may print (uname, hostname, the kernel's boot time). */
export type NodeInfo = {
  hostname: string;
  /** `uname -r`, e.g. `6.1.0-28-amd64` */
  kernelRelease: string;
  /** `uname -v` */
  kernelVersion: string;
  /** `uname -m` */
  machine: string;
  /** seconds since boot on the node's (injected) clock */
  uptime(): number;
  /** milliseconds since the epoch on the node's clock (for `date`, `ls -l`) */
  now(): number;
};

/** How node-level commands (`su`, `sudo -i`) start a new login shell that takes over the terminal. */
export type SessionControl = {
  /**
   * After the current line, a new interactive shell for `user` reads the next lines until `exit`.
   * @param user - the account
   * @param options - `isLogin`: a login shell (`su -`, `sudo -i`) starts in the user's home; `pid`: the
   *   process that becomes the shell, whose AppArmor confinement the shell keeps (none: unconfined, as
   *   a shell sshd starts); `node`: another node the shell runs on (an interactive `ssh NODE`, or a
   *   container for `kubectl exec -it`); `flavour`: `sh` for a container's shell (default bash)
   */
  startShell(user: string, options: { isLogin: boolean; pid?: number; node?: SimNode; flavour?: 'bash' | 'sh' }): void;
};

/** What `run` receives. Read-only: commands never mutate it. */
export type Invocation = {
  /** argv[0] as typed (may be a path such as `/usr/sbin/apparmor_parser`), then the arguments */
  argv: readonly string[];
  /** stdin, environment, working directory and a nested-script runner, from the shell */
  context: CommandContext;
  /** the command's own task: files, exec, sockets, signals, capabilities */
  proc: ProcessApi;
  node: NodeInfo;
  /** message wording: GNU coreutils on the node, BusyBox inside busybox containers */
  flavour: 'gnu' | 'busybox';
  /** the registry itself (for `help`, `which`, `sudo`) */
  registry: CommandRegistry;
  /** present in an interactive world: lets `su`/`sudo -i` start a new shell */
  session?: SessionControl;
};

/** One command. `name` is the literal command (`apparmor_parser`); the file name is its kebab form. */
export type CommandSpec = {
  name: string;
  /** other names that run the same spec (`apparmor_status` for `aa-status`) */
  aliases?: readonly string[];
  /** one line for `help` */
  summary: string;
  /** the synopsis without `Usage: `, e.g. `touch [OPTION]... FILE...` */
  usage: string;
  options: readonly CommandOption[];
  /** where the program lives on the node (default `/usr/bin`) */
  directory?: '/usr/bin' | '/usr/sbin' | '/bin' | '/sbin' | '/usr/local/bin';
  /**
   * The exact `--help` text the real tool prints, when it differs from the derived one; or `'own'`
   * when `run` handles `--help` itself (the registry then never intercepts it). `''` means derived.
   */
  help?: string | 'own';
  /** A pseudo-command handled by the node rather than a program in `/usr/bin` (e.g. `help`). */
  isNodeLevel?: boolean;
  /** Runs the command. Never throws on user input. */
  run(invocation: Invocation): CommandResult;
};

/** Where completion looks up paths: the current directory and a directory lister. */
export type CompletionFiles = {
  cwd: string;
  /** entry names of an absolute directory, or undefined when it cannot be listed */
  listDir(path: string): readonly string[] | undefined;
  /** true when the absolute path is a directory (completion appends `/`) */
  isDirectory(path: string): boolean;
};

/** What completion returns: the candidates and where the word being completed starts in the line. */
export type Completion = { candidates: string[]; start: number; word: string };

/**
 * The `--help` text derived from a spec (used unless the spec gives its own).
 * @param spec - the command
 * @returns the text, ending with a newline
 * @example helpText({ name: 'true', summary: 'do nothing', usage: 'true', options: [], run }) // → 'Usage: true\ndo nothing\n'
 */
export function helpText(spec: CommandSpec): string {
  if (spec.help !== undefined && spec.help !== 'own' && spec.help !== '') return spec.help;
  const lines = [`Usage: ${spec.usage}`, capitalise(spec.summary)];
  if (spec.options.length > 0) {
    lines.push('');
    const width = Math.min(28, Math.max(...spec.options.map((o) => o.flag.length)) + 2);
    for (const option of spec.options) lines.push(`  ${option.flag.padEnd(width)}${option.summary}`);
  }
  return `${lines.join('\n')}\n`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The table of commands. */
export class CommandRegistry {
  readonly #byName = new Map<string, CommandSpec>();
  readonly #specs: CommandSpec[] = [];

  /** @param specs - the commands to start with */
  constructor(specs: readonly CommandSpec[] = []) {
    for (const spec of specs) this.register(spec);
  }

  /**
   * Adds a command (a later spec with the same name replaces the earlier one).
   * @param spec - the command
   */
  register(spec: CommandSpec): void {
    const existing = this.#byName.get(spec.name);
    if (existing) this.#specs.splice(this.#specs.indexOf(existing), 1);
    this.#specs.push(spec);
    for (const name of [spec.name, ...(spec.aliases ?? [])]) this.#byName.set(name, spec);
  }

  /**
   * @param name - a command name or alias (not a path)
   * @returns its spec
   */
  get(name: string): CommandSpec | undefined {
    return this.#byName.get(name);
  }

  /** @returns every spec, sorted by name */
  list(): CommandSpec[] {
    return [...this.#specs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** @returns every name and alias, sorted */
  names(): string[] {
    return [...this.#byName.keys()].sort();
  }

  /**
   * Runs a spec with the uniform `--help` handling: `--help` before any `--` prints the help text.
   * @param spec - the command
   * @param invocation - its invocation
   * @returns the command's result
   */
  invoke(spec: CommandSpec, invocation: Invocation): CommandResult {
    if (spec.help !== 'own') {
      const args = invocation.argv.slice(1);
      const end = args.indexOf('--');
      if ((end === -1 ? args : args.slice(0, end)).includes('--help')) return { stdout: helpText(spec), stderr: '', exitCode: 0 };
    }
    return spec.run(invocation);
  }

  /**
   * The reference page of every command (`content/docs/04-reference/commands.md` is generated from it):
   * one section per command with its synopsis, summary, aliases and options.
   * @returns Markdown text
   */
  referenceMarkdown(): string {
    const sections = this.list().map((spec) => {
      const aliases = spec.aliases?.length ? `\n\nAlso installed as ${spec.aliases.map((a) => `\`${a}\``).join(', ')}.` : '';
      // a flag that already names its value (`-c <count>`, `--dir DIR`) gets no extra placeholder
      const placeholder = (flag: string): string => (/<|[A-Z]{2,}/.test(flag) ? '' : ' VALUE');
      const options = spec.options.map((o) => `| \`${o.flag}${o.takesValue ? placeholder(o.flag) : ''}\` | ${o.summary.replace(/\|/g, '\\|')} |`);
      const table = options.length > 0 ? `\n\n| Option | Meaning |\n|---|---|\n${options.join('\n')}` : '';
      return `## \`${spec.name}\`\n\n${capitalise(spec.summary)}.${aliases}\n\n\`\`\`\n${spec.usage}\n\`\`\`${table}\n`;
    });
    return `# Commands\n\nEvery command the simulated node knows, from its command registry.\n\n${sections.join('\n')}`;
  }

  /**
   * Tab completion: command names for the first word, the command's options for a word starting with
   * `-`, otherwise paths (directories get a trailing `/`).
   * @param line - the line being edited
   * @param cursor - the cursor offset in the line
   * @param files - where paths are listed
   * @returns the sorted candidates for the word before the cursor, and where that word starts
   */
  complete(line: string, cursor: number, files: CompletionFiles): Completion {
    const before = line.slice(0, cursor);
    const start = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\t'), before.lastIndexOf(';'), before.lastIndexOf('|'), before.lastIndexOf('&')) + 1;
    const word = before.slice(start);
    const head = before.slice(0, start).trim();
    const isCommandPosition = head === '' || /[;|&]$/.test(head) || /^(sudo|aa-exec\b.*--)$/.test(head);
    const sorted = (items: Iterable<string>): string[] => [...new Set(items)].sort();
    if (isCommandPosition && !word.includes('/')) {
      return { candidates: sorted(this.names().filter((n) => n.startsWith(word))), start, word };
    }
    const commandName = head.split(/[;|&]/).pop()?.trim().split(/\s+/)[0]?.split('/').pop() ?? '';
    const spec = this.get(commandName);
    if (word.startsWith('-') && spec) {
      const flags = spec.options.flatMap((o) => o.flag.split(/,\s*/)).map((f) => f.split(/[ =]/)[0] ?? f);
      return { candidates: sorted([...flags, ...(spec.help === 'own' ? [] : ['--help'])].filter((f) => f.startsWith(word))), start, word };
    }
    return { candidates: completePath(word, files), start, word };
  }
}

/**
 * Path completion of one word.
 * @param word - the partial path (relative to `files.cwd` unless absolute; `~/` is not expanded)
 * @param files - where paths are listed
 * @returns the candidates, each the full word with directories ending in `/`
 * @example completePath('/e', { cwd: '/', listDir: () => ['etc', 'bin'], isDirectory: () => true }) // → ['/etc/']
 */
export function completePath(word: string, files: CompletionFiles): string[] {
  const cut = word.lastIndexOf('/');
  const dirPart = cut === -1 ? '' : word.slice(0, cut + 1);
  const prefix = word.slice(cut + 1);
  const dir = dirPart.startsWith('/') ? dirPart || '/' : `${files.cwd.replace(/\/$/, '')}/${dirPart}`;
  const names = files.listDir(dir.length > 1 ? dir.replace(/\/$/, '') : dir) ?? [];
  return names
    .filter((n) => n.startsWith(prefix) && (prefix.startsWith('.') || !n.startsWith('.')))
    .map((n) => {
      const absolute = `${dir.replace(/\/$/, '')}/${n}`;
      return `${dirPart}${n}${files.isDirectory(absolute) ? '/' : ''}`;
    })
    .sort();
}
