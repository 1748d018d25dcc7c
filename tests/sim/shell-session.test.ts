// An interactive session on the fake node: interactive wording, exit, prompt, environment, globbing
// against the host's listings, file redirections, ordering of output, and the safety limits.
import { describe, expect, it } from 'vitest';
import { createShell } from '../../src/sim/shell/shell.ts';
import { FakeHost } from './shell-fake-host.ts';

const node = () =>
  new FakeHost({
    '/etc/apparmor.d/a.yaml': 'a',
    '/etc/apparmor.d/b.yaml': 'b',
    '/etc/apparmor.d/c.txt': 'c',
    '/etc/apparmor.d/.hidden.yaml': 'h',
    '/etc/apparmor.d/local/x': 'x',
  });

describe('interactive wording (bash -i on Debian 12)', () => {
  const cases: [string, string, number][] = [
    ['foo', 'bash: foo: command not found\n', 127],
    ['cd /nope', 'bash: cd: /nope: No such file or directory\n', 1],
    ['echo hi > /proc/nope/x', 'bash: /proc/nope/x: No such file or directory\n', 1],
    ['cat < /nonexist', 'bash: /nonexist: No such file or directory\n', 1],
    ['echo ${a b}', 'bash: ${a b}: bad substitution\n', 1],
    ['echo hi > /etc/x', 'bash: /etc/x: Permission denied\n', 1],
    ['/tmp', 'bash: /tmp: Is a directory\n', 126],
    ['/root/notes.txt', 'bash: /root/notes.txt: Permission denied\n', 126],
  ];
  it.each(cases)('%j prints %j', (line, stderr, status) => {
    const host = node();
    host.addFile('/root/notes.txt', 'n');
    host.denyWrite.add('/etc/x');
    expect(createShell(host).run(line)).toMatchObject({ stdout: '', stderr, exitCode: status });
  });

  it('aborts only the line with an expansion error and runs the next one', () => {
    const result = createShell(node()).run('echo ${a b}; echo same-line\necho next-line');
    expect(result.output).toEqual([
      { fd: 2, text: 'bash: ${a b}: bad substitution\n' },
      { fd: 1, text: 'next-line\n' },
    ]);
  });

  it('uses dash wording, numbering lines across the session as an interactive dash does', () => {
    const shell = createShell(node(), { flavour: 'sh' });
    expect(shell.run('foo').stderr).toBe('sh: 1: foo: not found\n');
    expect(shell.run('bar').stderr).toBe('sh: 2: bar: not found\n');
    shell.run('');
    shell.run('echo "a\nb"');
    expect(shell.run('baz').stderr).toBe('sh: 6: baz: not found\n');
    expect(shell.run('exit').stderr).toBe('');
  });
});

describe('session state', () => {
  it('prints exit, ends the session and ignores later input', () => {
    const shell = createShell(node());
    expect(shell.run('exit 3')).toMatchObject({ stderr: 'exit\n', exitCode: 3 });
    expect(shell.hasExited).toBe(true);
    expect(shell.run('echo after')).toMatchObject({ stdout: '' });
  });

  it('keeps variables, cwd and $? between runs', () => {
    const shell = createShell(node());
    shell.run('X=1; cd /etc/apparmor.d; false');
    expect(shell.run('echo $? $X; pwd').stdout).toBe('1 1\n/etc/apparmor.d\n');
    expect(shell.cwd).toBe('/etc/apparmor.d');
    expect(shell.getVar('X')).toBe('1');
  });

  it('exposes exported variables only in env', () => {
    const shell = createShell(node());
    shell.run('export KUBECONFIG=/etc/kubernetes/admin.conf; LOCAL=1');
    expect(shell.env.KUBECONFIG).toBe('/etc/kubernetes/admin.conf');
    expect(shell.env.LOCAL).toBeUndefined();
    expect(shell.env.HOME).toBe('/root');
  });

  it('shows Debian\'s default prompt with ~ for home', () => {
    const shell = createShell(node());
    expect(shell.prompt()).toBe('root@node01:~# ');
    shell.run('cd /etc/apparmor.d');
    expect(shell.prompt()).toBe('root@node01:/etc/apparmor.d# ');
    expect(createShell(node(), { flavour: 'sh' }).prompt()).toBe('# ');
  });

  it('passes $$ from the host', () => {
    expect(createShell(node()).run('echo $$').stdout).toBe('4242\n');
  });
});

describe('globbing against the host', () => {
  const cases: [string, string][] = [
    ['echo /etc/apparmor.d/*.yaml', '/etc/apparmor.d/a.yaml /etc/apparmor.d/b.yaml\n'],
    ['cd /etc/apparmor.d; echo *', 'a.yaml b.yaml c.txt local\n'],
    ['cd /etc/apparmor.d; echo .*.yaml', '.hidden.yaml\n'],
    ['cd /etc/apparmor.d; echo ?.txt [ab].yaml', 'c.txt a.yaml b.yaml\n'],
    ['cd /etc/apparmor.d; echo [!a]*.yaml', 'b.yaml\n'],
    ['echo /etc/*/local', '/etc/apparmor.d/local\n'],
    ['echo /etc/apparmor.d/*/', '/etc/apparmor.d/local/\n'],
    ['echo "/etc/apparmor.d/*" \'*.yaml\' \\*', '/etc/apparmor.d/* *.yaml *\n'],
    ['echo /etc/apparmor.d/*.none', '/etc/apparmor.d/*.none\n'],
    ['x="/etc/apparmor.d/*.yaml"; echo $x', '/etc/apparmor.d/a.yaml /etc/apparmor.d/b.yaml\n'],
    ['x="/etc/apparmor.d/*.yaml"; echo "$x"', '/etc/apparmor.d/*.yaml\n'],
  ];
  it.each(cases)('%j prints %j', (line, stdout) => {
    expect(createShell(node()).run(line)).toMatchObject({ stdout, stderr: '', exitCode: 0 });
  });
});

describe('redirections to files', () => {
  it('truncates with >, appends with >>, and writes both streams with &>', () => {
    const host = node();
    const shell = createShell(host);
    shell.run('echo one > /tmp/f; echo two >> /tmp/f; echo three > /tmp/g');
    expect(host.content('/tmp/f')).toBe('one\ntwo\n');
    shell.run('echo new > /tmp/f');
    expect(host.content('/tmp/f')).toBe('new\n');
    shell.run('{ echo out; nosuch; } &> /tmp/both');
    expect(host.content('/tmp/both')).toBe('out\nbash: nosuch: command not found\n');
  });

  it('creates the file even when the command is not found', () => {
    const host = node();
    createShell(host).run('nosuch > /tmp/created');
    expect(host.content('/tmp/created')).toBe('');
  });

  it('redirects a whole loop', () => {
    const host = node();
    createShell(host).run('for i in 1 2; do echo $i; done > /tmp/loop');
    expect(host.content('/tmp/loop')).toBe('1\n2\n');
  });

  it('runs an executable script file through the same interpreter with its arguments', () => {
    const host = node();
    host.addFile('/root/run.sh', '#!/bin/sh\necho "script $0 $1"\nnosuch\n', 0o755);
    const result = createShell(host).run('./run.sh arg');
    expect(result.stdout).toBe('script ./run.sh arg\n');
  });

  it('keeps stdout and stderr in the order they were written', () => {
    const result = createShell(node()).run('echo 1; nosuch; echo 2');
    expect(result.output.map((c) => c.fd)).toEqual([1, 2, 1]);
    expect(result.stdout).toBe('1\n2\n');
  });
});

describe('safety limits', () => {
  it('stops an endless loop with a clear message', () => {
    const result = createShell(node(), { limits: { maxSteps: 5000 } }).run('while true; do :; done');
    expect(result.stderr).toBe('bash: stopped after 5000 commands (does a loop never end?)\n');
    expect(result.exitCode).toBe(1);
  });

  it('stops runaway output and keeps what came before', () => {
    const result = createShell(node(), { limits: { maxOutput: 1000 } }).run('while true; do echo yes; done');
    expect(result.stdout.length).toBeLessThanOrEqual(1000);
    expect(result.stdout.startsWith('yes\nyes\n')).toBe(true);
    expect(result.stderr).toBe('\nbash: output stopped after 1000 characters (does a loop never end?)\n');
  });

  it('stops endless recursion', () => {
    const result = createShell(node(), { limits: { maxDepth: 20 } }).run('f() { f; }; f');
    expect(result.stderr).toBe('bash: f: maximum function nesting level exceeded (20)\n');
  });

  it('stops endlessly nested shells', () => {
    const host = node();
    host.addFile('/root/self.sh', './self.sh\n', 0o755);
    const result = createShell(host, { limits: { maxDepth: 10 } }).run('./self.sh');
    expect(result.stderr).toBe('bash: maximum nesting level exceeded (10)\n');
  });

  it('stops a value that doubles in a loop before it exhausts memory', () => {
    const result = createShell(node()).run('x=a; while true; do x=$x$x; done');
    expect(result.stderr).toBe('bash: word too long for the simulator (over 1000000 characters)\n');
  });

  it('stops eval that evaluates itself', () => {
    const result = createShell(node(), { limits: { maxDepth: 30 } }).run(`x='eval "$x"'; eval "$x"`);
    expect(result.stderr).toBe('bash: eval: maximum nesting level exceeded (30)\n');
  });

  it('stops a function that recurses through command substitution', () => {
    const result = createShell(node(), { limits: { maxDepth: 30 } }).run('f() { echo $(f); }; f');
    expect(result.stderr).toBe('bash: maximum nesting level exceeded (30)\n');
  });

  it('gives each run a fresh budget', () => {
    const shell = createShell(node(), { limits: { maxSteps: 50 } });
    shell.run('while true; do :; done');
    expect(shell.run('echo fine').stdout).toBe('fine\n');
  });
});

describe('standard input of host commands', () => {
  it('is consumed only by commands that read it, and reads the same text twice', () => {
    const host = node();
    const seen: string[] = [];
    const original = host.runCommand.bind(host);
    host.runCommand = (argv, context) => {
      if (argv[0] === 'twice') {
        seen.push(context.stdin, context.stdin);
        return { stdout: '', stderr: '', exitCode: 0 };
      }
      return original(argv, context);
    };
    const result = createShell(host).run("printf 'a\\nb\\nc\\n' | while read l; do echo \"<$l>\"; done; echo x | twice");
    expect(result.stdout).toBe('<a>\n<b>\n<c>\n');
    expect(seen).toEqual(['x\n', 'x\n']);
  });
});

describe('history expansion in an interactive bash (checked with bash 5.2 -i)', () => {
  const session = (lines: string[]) => {
    const shell = createShell(node());
    return lines.map((line) => shell.run(line).output);
  };

  it('re-runs the last command with !! and echoes the expanded line first', () => {
    const [, again] = session(['echo hi there', '!!']);
    expect(again).toEqual([{ fd: 2, text: 'echo hi there\n' }, { fd: 1, text: 'hi there\n' }]);
  });

  it('supports sudo !! and !$', () => {
    const host = node();
    const shell = createShell(host);
    shell.run('apparmor_parser -q /etc/apparmor.d/a.yaml');
    expect(shell.run('sudo !!').stderr.split('\n')[0]).toBe('sudo apparmor_parser -q /etc/apparmor.d/a.yaml');
    expect(host.calls.at(-1)?.argv).toEqual(['apparmor_parser', '-q', '/etc/apparmor.d/a.yaml']);
    expect(shell.run('cat !$').output).toEqual([{ fd: 2, text: 'cat /etc/apparmor.d/a.yaml\n' }, { fd: 1, text: 'a' }]);
  });

  it('leaves !, != and quoted ! alone', () => {
    const outputs = session(['echo "x!"', 'echo !', 'echo a!=b', "echo 'x!y'", 'echo \\!x']);
    expect(outputs.map((o) => o.map((c) => c.text).join(''))).toEqual(['x!\n', '!\n', 'a!=b\n', 'x!y\n', '!x\n']);
  });

  it('reports a missing event and a bad word designator as bash does, running nothing', () => {
    const outputs = session(['echo a b', 'echo "q!q"; echo $?', '!echo:5', '!5000']);
    expect(outputs.slice(1)).toEqual([
      [{ fd: 2, text: 'bash: !q: event not found\n' }],
      [{ fd: 2, text: 'bash: :5: bad word specifier\n' }],
      [{ fd: 2, text: 'bash: !5000: event not found\n' }],
    ]);
  });

  it('numbers lines in the history builtin', () => {
    const [, , listing] = session(['echo a', 'true', 'history']);
    expect(listing).toEqual([{ fd: 1, text: '    1  echo a\n    2  true\n    3  history\n' }]);
  });

  it('does not expand in sh or non-interactive shells', () => {
    expect(createShell(node(), { isInteractive: false }).run('echo a!b').stdout).toBe('a!b\n');
    expect(createShell(node(), { flavour: 'sh' }).run('echo a!b').stdout).toBe('a!b\n');
  });
});

describe('history loaded at start', () => {
  it('numbers preloaded lines first, shows the last N, and expands !! from them', () => {
    const shell = createShell(node(), { history: ['echo old1', 'echo old2'] });
    expect(shell.run('!!').stdout).toBe('old2\n');
    expect(shell.run('history 2').stdout).toBe('    3  echo old2\n    4  history 2\n');
    expect(shell.run('history x').stderr).toBe('bash: history: x: numeric argument required\n');
    expect(shell.history).toEqual(['echo old1', 'echo old2', 'echo old2', 'history 2', 'history x']);
  });
});

describe('array indexes', () => {
  it('refuses an index beyond the simulator range instead of allocating it, abandoning the line', () => {
    const shell = createShell(node());
    expect(shell.run('A[99999999999]=x; echo same-line')).toMatchObject({
      stdout: '',
      stderr: 'bash: A[99999999999]: array index too large for the simulator (max 65535)\n',
    });
    expect(shell.run('echo ${#A[@]}').stdout).toBe('0\n');
  });

  it('reports a negative index before the start and abandons the line, as bash -i does', () => {
    expect(createShell(node()).run('A=(a); A[-5]=x; echo next')).toMatchObject({ stdout: '', stderr: 'bash: A[-5]: bad array subscript\n' });
  });
});

describe('aliases in an interactive shell (checked with bash 5.2 -i)', () => {
  it('defines, lists, shows and removes aliases with bash\'s messages', () => {
    const shell = createShell(node());
    const outputs = ["alias k=kubectl", "alias ll='ls -l'", 'alias', 'alias k', 'alias nope', 'unalias ll', 'unalias zz', "alias 'a b=c'"]
      .map((line) => shell.run(line).output.map((c) => c.text).join(''));
    expect(outputs).toEqual([
      '', '', "alias k='kubectl'\nalias ll='ls -l'\n", "alias k='kubectl'\n", 'bash: alias: nope: not found\n', '',
      'bash: unalias: zz: not found\n', "bash: alias: `a b': invalid alias name\n",
    ]);
  });

  it('expands k=kubectl, keeps the here-document, and follows a value ending in a blank', () => {
    const host = node();
    const shell = createShell(host, { aliases: { k: 'kubectl' } });
    shell.run('k create -f - <<EOF\nmetadata:\n  name: hello-apparmor\nEOF');
    shell.run("alias sudo='sudo '");
    shell.run('sudo k get nodes -o name');
    expect(host.calls.filter((c) => c.argv[0] === 'kubectl').map((c) => [c.argv.join(' '), c.stdin])).toEqual([
      ['kubectl create -f -', 'metadata:\n  name: hello-apparmor\n'],
      ['kubectl get nodes -o name', ''],
    ]);
  });

  it('runs an alias holding a list, appending the arguments to its last command', () => {
    const shell = createShell(node());
    shell.run("alias x='echo one; echo two'");
    expect(shell.run('x three').stdout).toBe('one\ntwo three\n');
  });

  it('does not expand quoted or escaped names, nor in non-interactive shells', () => {
    const shell = createShell(node(), { aliases: { k: 'kubectl' } });
    expect(shell.run("'k' get").stderr).toBe('bash: k: command not found\n');
    expect(shell.run('\\k get').stderr).toBe('bash: k: command not found\n');
    expect(createShell(node(), { isInteractive: false, aliases: { k: 'kubectl' } }).run('k').stderr).toBe('bash: line 1: k: command not found\n');
  });
});

describe('nested shells at the terminal', () => {
  it('hands a bare bash to the host (which may start a new session) and counts SHLVL in bash -c', () => {
    const host = node();
    const asked: string[][] = [];
    const original = host.runCommand.bind(host);
    host.runCommand = (argv, context) => {
      if (argv[0] === 'bash') {
        asked.push([...argv]);
        return { stdout: '', stderr: '', exitCode: 0 };
      }
      return original(argv, context);
    };
    const shell = createShell(host);
    expect(shell.run('bash').exitCode).toBe(0);
    expect(asked).toEqual([['bash']]);
    expect(shell.run('echo $SHLVL; bash -c \'echo $SHLVL\'').stdout).toBe('1\n2\n');
  });
});
