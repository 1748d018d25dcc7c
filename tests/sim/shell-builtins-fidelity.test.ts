// Issue 4, shell side: echo, printf and kill are builtins of dash and bash with each shell's own options, redirections open
// /dev/null through the host, a command's interleaved output keeps its order, and a host's script runner
// can start a dash. Expected texts are what dash 0.5.12 and bash 5.2.15 print on Debian 12.
import { describe, expect, it } from 'vitest';
import type { CommandContext, CommandResult, Errno } from '../../src/sim/shell/host.ts';
import { echoEscapes } from '../../src/sim/shell/echo-builtin.ts';
import { createShell } from '../../src/sim/shell/shell.ts';
import { FakeHost } from './shell-fake-host.ts';

/** A fake host with one extra program, `prog`, whose behaviour the test gives. */
class HostWith extends FakeHost {
  readonly #prog: (argv: readonly string[], context: CommandContext) => CommandResult;
  constructor(prog: (argv: readonly string[], context: CommandContext) => CommandResult) {
    super();
    this.#prog = prog;
  }
  override runCommand(argv: readonly string[], context: CommandContext): CommandResult | Errno {
    return argv[0] === 'prog' ? this.#prog(argv, context) : super.runCommand(argv, context);
  }
}

describe('the echo builtin (issue 4)', () => {
  it("runs dash's echo inside the shell: escapes always expanded, only a leading -n is an option", () => {
    const host = new FakeHost();
    const result = createShell(host, { flavour: 'sh', isInteractive: false }).run(
      'echo "a\\tb" -n; echo -n -e x; echo "c\\0101\\cd"; echo after; echo -n; echo "\\x41"',
    );
    expect(result.stdout).toBe('a\tb -n\n-e xcAafter\n\\x41\n');
    expect(host.calls).toEqual([]);
  });

  it("runs bash's echo inside the shell: -n -e -E combine, escapes only with -e", () => {
    const host = new FakeHost();
    const result = createShell(host).run("echo 'a\\tb'; echo -e 'a\\tb\\x41\\e'; echo -nE 'x\\ty'; echo -ne 'z\\c'; echo -x; echo -e '\\101'");
    expect(result.stdout).toBe('a\\tb\na\tbA\x1b\nx\\tyz-x\n\\101\n');
    expect(host.calls).toEqual([]);
  });

  it('still runs the program for a path or through env', () => {
    const host = new FakeHost();
    host.addFile('/usr/bin/echo', 'true', 0o755);
    createShell(host).run('/usr/bin/echo hi; env echo hi');
    expect(host.calls.map((call) => call.argv)).toEqual([['/usr/bin/echo', 'hi'], ['env', 'echo', 'hi']]);
  });

  it('expands only the escapes each shell knows', () => {
    // checked against dash 0.5.12 and bash 5.2.15 (`echo -e`)
    expect(echoEscapes('\\e\\u00e9\\q\\\\|\\101|\\01010|\\x41|\\E', 'sh')).toEqual({ text: '\x1b\\u00e9\\q\\|A|A0|\\x41|\\E', isStop: false });
    expect(echoEscapes('\\e\\u00e9\\q\\\\|\\101|\\01010|\\x41|\\E', 'bash')).toEqual({ text: '\x1bé\\q\\|\\101|A0|A|\x1b', isStop: false });
  });
});

describe('the printf builtin (issue 4)', () => {
  const SCRIPT = 'printf "%d|%s\\n" abc x; echo "st=$?"; printf "%d\\n" 3x; echo "st=$?"; printf; echo "st=$?"; printf "a\\n" extra; '
    + 'printf -- "-%s\\n" x; printf "%5.2f|%x|%c|%b\\n" 3.14159 255 hello "a\\tb"; printf "%y|\\n"; echo "st=$?"; '
    + 'printf -v v "%s-%s" a b; echo "st=$? v=$v"; printf -x; echo "st=$?"';

  it("formats inside bash with bash's options and messages", () => {
    const host = new FakeHost();
    const result = createShell(host, { isInteractive: false }).run(SCRIPT);
    expect(result.output.map((chunk) => chunk.text).join('')).toBe([
      'bash: line 1: printf: abc: invalid number', '0|x', 'st=1', 'bash: line 1: printf: 3x: invalid number', '3', 'st=1',
      'printf: usage: printf [-v var] format [arguments]', 'st=2', 'a', '-x', ' 3.14|ff|h|a\tb',
      "bash: line 1: printf: `y': invalid format character", 'st=1', 'st=0 v=a-b',
      'bash: line 1: printf: -x: invalid option', 'printf: usage: printf [-v var] format [arguments]', 'st=2', '',
    ].join('\n'));
    expect(host.calls).toEqual([]);
  });

  it("formats inside dash with dash's messages", () => {
    const host = new FakeHost();
    const result = createShell(host, { flavour: 'sh', isInteractive: false }).run(`${SCRIPT}; printf '%q\\n' x; echo "st=$?"`);
    expect(result.output.map((chunk) => chunk.text).join('')).toBe([
      'sh: 1: printf: abc: expected numeric value', '0|x', 'st=1', 'sh: 1: printf: 3x: not completely converted', '3', 'st=1',
      'sh: 1: printf: usage: printf format [arg ...]', 'st=2', 'a', '-x', ' 3.14|ff|h|a\tb',
      'sh: 1: printf: %y: invalid directive', 'st=2', 'sh: 1: printf: Illegal option -v', 'st=2 v=',
      'sh: 1: printf: Illegal option -x', 'st=2', 'sh: 1: printf: %q: invalid directive', 'st=2', '',
    ].join('\n'));
    expect(host.calls).toEqual([]);
  });
});

describe('the kill builtin (issue 4)', () => {
  // recorded with bash 5.2.15 (`bash -c`) and dash 0.5.12 (`dash -c`, argv0 dash) on Debian 12; no such pids there either
  const SCRIPT = "kill; echo \"st=$?\"; kill 999999; echo \"st=$?\"; kill -FOO 1; echo \"st=$?\"; kill abc; echo \"st=$?\"; kill -s; echo \"st=$?\"; kill -l 9; kill -l KILL; echo \"st=$?\"; kill -9 999999 999998; echo \"st=$?\"; kill -s TERM 999999; echo \"st=$?\"; kill -9; echo \"st=$?\"";

  it("parses bash's options and prints bash's messages", () => {
    const host = new FakeHost();
    const result = createShell(host, { isInteractive: false }).run(SCRIPT);
    expect(result.output.map((chunk) => chunk.text).join('')).toBe("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\nst=2\nbash: line 1: kill: (999999) - No such process\nst=1\nbash: line 1: kill: FOO: invalid signal specification\nst=1\nbash: line 1: kill: abc: arguments must be process or job IDs\nst=1\nbash: line 1: kill: -s: option requires an argument\nst=1\nKILL\n9\nst=0\nbash: line 1: kill: (999999) - No such process\nbash: line 1: kill: (999998) - No such process\nst=1\nbash: line 1: kill: (999999) - No such process\nst=1\nkill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\nst=2\n");
    expect(host.calls).toEqual([]);
  });

  it("parses dash's options and prints dash's messages", () => {
    const result = createShell(new FakeHost(), { flavour: 'sh', isInteractive: false, argv0: 'dash' }).run(SCRIPT);
    expect(result.output.map((chunk) => chunk.text).join('')).toBe("dash: 1: kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\nst=2\ndash: 1: kill: No such process\n\nst=1\ndash: 1: kill: Illegal option -F\nst=2\ndash: 1: kill: Illegal number: abc\nst=2\ndash: 1: kill: No arg for -s option\nst=2\nKILL\ndash: 1: kill: Illegal number: KILL\nst=2\ndash: 1: kill: No such process\n\ndash: 1: kill: No such process\n\nst=1\ndash: 1: kill: No such process\n\nst=1\ndash: 1: kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\nst=2\n");
  });

  it('lists signals as each shell does', () => {
    const bash = createShell(new FakeHost()).run('kill -l').stdout.split('\n');
    expect(bash[0]).toBe(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP');
    expect(bash[6]).toBe('31) SIGSYS\t34) SIGRTMIN\t35) SIGRTMIN+1\t36) SIGRTMIN+2\t37) SIGRTMIN+3');
    expect(bash[12]).toBe('63) SIGRTMAX-1\t64) SIGRTMAX\t');
    const dash = createShell(new FakeHost(), { flavour: 'sh' }).run('kill -l').stdout.split('\n');
    expect(dash.slice(0, 3)).toEqual(['0', 'HUP', 'INT']);
    expect(dash.slice(15, 18)).toEqual(['TERM', '16', 'CHLD']);
    expect(dash.slice(32, 36)).toEqual(['32', '33', 'RTMIN', 'RTMIN+1']);
    expect(dash[64]).toBe('RTMAX');
  });

  it('names the signal of an exit status as each shell does', () => {
    const bash = createShell(new FakeHost(), { isInteractive: false }).run('kill -l 143 0 32 16; echo "st=$?"; kill -l 100; echo "st=$?"');
    expect(bash.output.map((chunk) => chunk.text).join('')).toBe('TERM\nEXIT\nSTKFLT\nst=0\nbash: line 1: kill: 100: invalid signal specification\nst=1\n');
    const dash = createShell(new FakeHost(), { flavour: 'sh', isInteractive: false }).run('kill -l 143 16; kill -l 0; echo "st=$?"');
    expect(dash.output.map((chunk) => chunk.text).join('')).toBe('TERM\nsh: 1: kill: invalid signal number or exit status: 0\nst=2\n');
  });
});

describe('redirections and output order (issue 4)', () => {
  it('opens /dev/null through the host, so a refusal is reported as dash reports it', () => {
    const host = new FakeHost();
    host.denyWrite.add('/dev/null');
    const result = createShell(host, { flavour: 'sh', isInteractive: false }).run('echo hi > /dev/null');
    expect(result.stderr).toBe('sh: 1: cannot create /dev/null: Permission denied\n');
    expect(result.exitCode).toBe(2);
  });

  it('discards what is written to /dev/null once the host opened it', () => {
    const host = new FakeHost();
    const result = createShell(host).run('echo hi > /dev/null; echo $?; cat < /dev/null; echo $?');
    expect(result.stdout).toBe('0\n0\n');
    expect(host.content('/dev/null')).toBe('');
  });

  it("writes a command's stdout and stderr in the order it wrote them", () => {
    const host = new HostWith(() => ({
      stdout: 'first\n', stderr: 'second\n', exitCode: 4,
      output: [{ fd: 1, text: 'first\n' }, { fd: 2, text: 'second\n' }],
    }));
    expect(createShell(host).run('prog').output).toEqual([{ fd: 1, text: 'first\n' }, { fd: 2, text: 'second\n' }]);
  });

  it("keeps a child's order after the lines a wrapper put before its stderr", () => {
    const host = new HostWith(() => ({
      stdout: 'out\n', stderr: 'wrapper: exec\nchild: err\n', exitCode: 1,
      output: [{ fd: 1, text: 'out\n' }, { fd: 2, text: 'child: err\n' }],
    }));
    expect(createShell(host).run('prog').output).toEqual([
      { fd: 2, text: 'wrapper: exec\n' }, { fd: 1, text: 'out\n' }, { fd: 2, text: 'child: err\n' },
    ]);
  });

  it('falls back to stderr first when the chunks no longer say what stdout and stderr say', () => {
    const host = new HostWith(() => ({ stdout: 'out\nmore\n', stderr: 'err\n', exitCode: 1, output: [{ fd: 1, text: 'out\n' }] }));
    expect(createShell(host).run('prog').output).toEqual([{ fd: 2, text: 'err\n' }, { fd: 1, text: 'out\nmore\n' }]);
  });
});

describe("a host's script runner (issue 4)", () => {
  it('starts a dash when asked, with dash wording, from a bash session', () => {
    const host = new HostWith((_argv, context) => context.runScript('foo', { flavour: 'sh', argv0: 'sh' }));
    const result = createShell(host).run('prog');
    expect(result.stderr).toBe('sh: 1: foo: not found\n');
    expect(result.exitCode).toBe(127);
  });

  it("keeps the caller's flavour by default and hands the child's interleaved output back", () => {
    const host = new HostWith((_argv, context) => context.runScript('echo one; foo; echo two'));
    const result = createShell(host).run('prog');
    expect(result.output).toEqual([
      { fd: 1, text: 'one\n' }, { fd: 2, text: 'bash: line 1: foo: command not found\n' }, { fd: 1, text: 'two\n' },
    ]);
  });
});
