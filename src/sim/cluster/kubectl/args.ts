/**
 * kubectl's command line as cobra/pflag read it: the verb, positional arguments, `--flag=value`,
 * `--flag value`, `-n value`, `-nvalue`, `-o=json`, combined booleans (`-it`) and `--` before a command,
 * with pflag's error texts. Pure; what the flags mean is the verbs' business.
 */

/** One flag kubectl knows. */
type FlagSpec = { readonly name: string; readonly short?: string; readonly takesValue: boolean };

const FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', short: 'n', takesValue: true },
  { name: 'output', short: 'o', takesValue: true },
  { name: 'filename', short: 'f', takesValue: true },
  { name: 'container', short: 'c', takesValue: true },
  { name: 'selector', short: 'l', takesValue: true },
  { name: 'field-selector', takesValue: true },
  { name: 'image', takesValue: true },
  { name: 'overrides', takesValue: true },
  { name: 'restart', takesValue: true },
  { name: 'labels', takesValue: true },
  { name: 'dry-run', takesValue: true },
  { name: 'validate', takesValue: true },
  { name: 'all-namespaces', short: 'A', takesValue: false },
  { name: 'stdin', short: 'i', takesValue: false },
  { name: 'tty', short: 't', takesValue: false },
  { name: 'quiet', short: 'q', takesValue: false },
  { name: 'watch', short: 'w', takesValue: false },
  { name: 'help', short: 'h', takesValue: false },
  { name: 'overwrite', takesValue: false },
  { name: 'show-labels', takesValue: false },
  { name: 'no-headers', takesValue: false },
  { name: 'command', takesValue: false },
  { name: 'rm', takesValue: false },
  { name: 'all', takesValue: false },
  { name: 'now', takesValue: false },
  { name: 'force', takesValue: false },
  { name: 'privileged', takesValue: false },
];

/** The parsed command line. */
export type KubectlArgs = {
  /** the verb (`get`), or '' when none was given */
  readonly verb: string;
  /** positional arguments after the verb, before `--` */
  readonly positional: readonly string[];
  /** the words after `--` (exec's command, run's args) */
  readonly afterDash: readonly string[];
  /** whether a `--` was given */
  readonly hasDash: boolean;
  /** flag values by long name (booleans as `'true'`); repeated flags keep every value */
  readonly flags: ReadonlyMap<string, readonly string[]>;
};

/** A parse error: kubectl's text for stderr (without the `See … --help` line, which the caller adds). */
export type ArgsError = { readonly error: string };

/**
 * Parses kubectl's arguments.
 * @param argv the arguments after `kubectl`
 * @returns the parsed line or pflag's error
 * @example parseKubectlArgs(['get', 'pods', '-n', 'kube-system']) // → { verb: 'get', positional: ['pods'], flags: { namespace: ['kube-system'] } … }
 */
export function parseKubectlArgs(argv: readonly string[]): KubectlArgs | ArgsError {
  const flags = new Map<string, string[]>();
  const set = (name: string, value: string): void => { flags.set(name, [...(flags.get(name) ?? []), value]); };
  const positional: string[] = [];
  let verb = '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      return { verb, positional: verb === '' ? positional : positional, afterDash: argv.slice(i + 1), hasDash: true, flags };
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = FLAGS.find((f) => f.name === name);
      if (!spec) return { error: `unknown flag: --${name}` };
      if (eq >= 0) set(name, arg.slice(eq + 1));
      else if (!spec.takesValue) set(name, 'true');
      else if (i + 1 < argv.length) set(name, argv[++i] as string);
      else return { error: `flag needs an argument: --${name}` };
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const c = arg[j] as string;
        const spec = FLAGS.find((f) => f.short === c);
        if (!spec) return { error: `unknown shorthand flag: '${c}' in ${arg}` };
        if (!spec.takesValue) { set(spec.name, 'true'); continue; }
        const rest = arg.slice(j + 1);
        if (rest !== '') set(spec.name, rest.startsWith('=') ? rest.slice(1) : rest);
        else if (i + 1 < argv.length) set(spec.name, argv[++i] as string);
        else return { error: `flag needs an argument: '${c}' in ${arg}` };
        break;
      }
      continue;
    }
    if (verb === '') verb = arg;
    else positional.push(arg);
  }
  return { verb, positional, afterDash: [], hasDash: false, flags };
}

/**
 * The last value of a flag.
 * @param args parsed arguments
 * @param name the long name
 * @returns the value, or undefined when not given
 * @example flag(parseKubectlArgs(['get', '-o', 'wide']) as KubectlArgs, 'output') // → 'wide'
 */
export function flag(args: KubectlArgs, name: string): string | undefined {
  return args.flags.get(name)?.at(-1);
}

/**
 * Whether a boolean flag is on (`--overwrite`, `--overwrite=true`).
 * @param args parsed arguments
 * @param name the long name
 * @returns true when given and not `false`
 * @example isOn(parseKubectlArgs(['exec', '-it', 'p']) as KubectlArgs, 'tty') // → true
 */
export function isOn(args: KubectlArgs, name: string): boolean {
  const value = flag(args, name);
  return value !== undefined && value !== 'false';
}
