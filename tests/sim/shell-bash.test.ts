// Expansion, quoting and control flow compared with real bash: every expected stdout/stderr/status
// below was recorded by running the same script with GNU bash 5.2.15 (`bash --norc -c SCRIPT`,
// HOME=/home/cloudsdk, cwd /tmp/probe) on Debian 12. The fake host supplies echo, printf, cat, grep, env.
import { describe, expect, it } from 'vitest';
import { createShell } from '../../src/sim/shell/shell.ts';
import { FakeHost } from './shell-fake-host.ts';

type Case = { name: string; script: string; stdout: string; stderr: string; status: number };

const CASES: Case[] = [
  { name: "unquoted expansion is split, quoted is not", script: "x=\"a  b\"; echo $x \"$x\"", stdout: "a b a  b\n", stderr: "", status: 0 },
  { name: "command substitution keeps inner quotes inside double quotes", script: "echo \"$(echo \"inner  quoted\")\"", stdout: "inner  quoted\n", stderr: "", status: 0 },
  { name: "nested command substitution", script: "echo $(echo $(echo nested) level)", stdout: "nested level\n", stderr: "", status: 0 },
  { name: "backquotes nest with escaped backquotes", script: "echo `echo back \\`echo nested\\``", stdout: "back nested\n", stderr: "", status: 0 },
  { name: "trailing newlines of a substitution are removed", script: "x=$(printf 'a\\n\\n\\n'); echo \"[$x]\"", stdout: "[a]\n", stderr: "", status: 0 },
  { name: "array length, elements and quoted @ expansion", script: "A=(one \"two three\" four); echo ${#A[@]}; for a in \"${A[@]}\"; do echo \"[$a]\"; done", stdout: "3\n[one]\n[two three]\n[four]\n", stderr: "", status: 0 },
  { name: "unquoted array expansion is split", script: "A=(one \"two three\" four); for a in ${A[@]}; do echo \"<$a>\"; done", stdout: "<one>\n<two>\n<three>\n<four>\n", stderr: "", status: 0 },
  { name: "star joins, negative index, length of element 0", script: "A=(one \"two three\" four); echo \"${A[*]}\" ${A[1]} ${A[-1]} ${#A}", stdout: "one two three four two three four 3\n", stderr: "", status: 0 },
  { name: "IFS with a non-whitespace separator keeps empty fields", script: "IFS=:; P=\"a:b::c\"; for p in $P; do echo \"{$p}\"; done", stdout: "{a}\n{b}\n{}\n{c}\n", stderr: "", status: 0 },
  { name: "tilde expansion", script: "echo ~ ~/x \"~\" ~root x~", stdout: "/home/cloudsdk /home/cloudsdk/x ~ /root x~\n", stderr: "", status: 0 },
  { name: "empty unquoted expansions vanish, quoted empties stay", script: "e=\"\"; printf \"%s|\" $e \"\" \"$e\" x; echo", stdout: "||x|\n", stderr: "", status: 0 },
  { name: "backslashes inside double quotes", script: "echo \"a\\$b\" \"a\\\\b\" \"a\\\"b\" \"\\x\"", stdout: "a$b a\\b a\"b \\x\n", stderr: "", status: 0 },
  { name: "ANSI-C quoting", script: "echo $'tab\\there' $'\\x41\\101\\u00e9' $'it\\'s' $'a\\nb'", stdout: "tab\there AAé it's a\nb\n", stderr: "", status: 0 },
  { name: "single quotes keep everything", script: "echo 'a $HOME \\n \"q\"'", stdout: "a $HOME \\n \"q\"\n", stderr: "", status: 0 },
  { name: "prefix and suffix removal, substitution, substring, case", script: "s=path/to/file.tar.gz; echo ${s##*/} ${s#*/} ${s%.*} ${s%%.*} ${s/t/T} ${s//t/T} ${s:5} ${s:5:2} ${s^^}", stdout: "file.tar.gz to/file.tar.gz path/to/file.tar path/to/file paTh/to/file.tar.gz paTh/To/file.Tar.gz to/file.tar.gz to PATH/TO/FILE.TAR.GZ\n", stderr: "", status: 0 },
  { name: "default and alternative values", script: "e=\"\"; s=x; echo ${u-def} ${u:-def} ${e-def} ${e:-def} ${s:+alt} ${u:+alt}x", stdout: "def def def alt x\n", stderr: "", status: 0 },
  { name: "assign default", script: "echo ${v:=set}; echo $v", stdout: "set\nset\n", stderr: "", status: 0 },
  { name: "length of a string", script: "s=héllo; echo ${#s}", stdout: "5\n", stderr: "", status: 0 },
  { name: "arithmetic", script: "echo $((3+4*2)) $(( (3+4)*2 )) $((10%3)) $((-5/2)) $((1<2)) $((2**10)) $((0x10))", stdout: "11 14 1 -2 1 1024 16\n", stderr: "", status: 0 },
  { name: "arithmetic with variables", script: "i=4; j=$((i*i+1)); echo $j $((i > 3 ? 1 : 0))", stdout: "17 1\n", stderr: "", status: 0 },
  { name: "positional parameters", script: "set -- p1 \"p 2\" p3; echo $# \"$1\" \"$@\"; for a in \"$@\"; do echo \"($a)\"; done; for a in \"$*\"; do echo \"($a)\"; done", stdout: "3 p1 p1 p 2 p3\n(p1)\n(p 2)\n(p3)\n(p1 p 2 p3)\n", stderr: "", status: 0 },
  { name: "empty array", script: "B=(); echo ${#B[@]} \"${B[@]}\" end", stdout: "0 end\n", stderr: "", status: 0 },
  { name: "unset an element", script: "A=(a b c); unset 'A[1]'; echo ${A[@]} ${#A[@]}", stdout: "a c 2\n", stderr: "", status: 0 },
  { name: "append to an array and a string", script: "A=(a); A+=(b c); C=x; C+=y; echo ${A[@]} $C", stdout: "a b c xy\n", stderr: "", status: 0 },
  { name: "brace expansion", script: "echo a{b,c}d {1..3} {a..c} x{,y}", stdout: "abd acd 1 2 3 a b c x xy\n", stderr: "", status: 0 },
  { name: "exit statuses and negation", script: "echo $?; false; echo $?; ! false; echo $?; true | false; echo $?", stdout: "0\n1\n0\n1\n", stderr: "", status: 0 },
  { name: "and-or lists", script: "true && echo and || echo or; false && echo and || echo or", stdout: "and\nor\n", stderr: "", status: 0 },
  { name: "a brace group into a pipe", script: "{ echo g1; echo g2; } | grep g2", stdout: "g2\n", stderr: "", status: 0 },
  { name: "a subshell does not leak variables", script: "x=outer; (x=inner; echo $x); echo $x", stdout: "inner\nouter\n", stderr: "", status: 0 },
  { name: "continue", script: "for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done", stdout: "1\n3\n", stderr: "", status: 0 },
  { name: "break out of two loops", script: "for i in 1 2 3; do for j in a b; do [ $j = b ] && break 2; echo $i$j; done; done", stdout: "1a\n", stderr: "", status: 0 },
  { name: "until loop", script: "n=0; until [ $n -ge 3 ]; do n=$((n+1)); done; echo $n", stdout: "3\n", stderr: "", status: 0 },
  { name: "while loop with read", script: "printf 'a b\\nc d\\n' | while read x y; do echo \"$y-$x\"; done", stdout: "b-a\nd-c\n", stderr: "", status: 0 },
  { name: "case with alternatives", script: "case \"x.yaml\" in *.yml|*.yaml) echo yaml;; *) echo other;; esac", stdout: "yaml\n", stderr: "", status: 0 },
  { name: "case with a quoted pattern", script: "case \"*\" in \"*\") echo star;; *) echo other;; esac", stdout: "star\n", stderr: "", status: 0 },
  { name: "line continuation", script: "echo a\\\nb", stdout: "ab\n", stderr: "", status: 0 },
  { name: "multi-line double quotes", script: "echo \"multi\nline\"", stdout: "multi\nline\n", stderr: "", status: 0 },
  { name: "comments", script: "echo a # b c", stdout: "a\n", stderr: "", status: 0 },
  { name: "a hash inside a word is not a comment", script: "echo a#b", stdout: "a#b\n", stderr: "", status: 0 },
  { name: "functions with arguments and return", script: "f() { echo \"f:$1:$#\"; return 3; }; f \"a b\" c; echo $?", stdout: "f:a b:2\n3\n", stderr: "", status: 0 },
  { name: "functions see and change globals", script: "g() { echo $V; V=changed; }; V=orig; g; echo $V", stdout: "orig\nchanged\n", stderr: "", status: 0 },
  { name: "export reaches the environment", script: "export FOO=bar; env | grep FOO", stdout: "FOO=bar\n", stderr: "", status: 0 },
  { name: "a prefix assignment is only for the command", script: "FOO=tmp env | grep FOO; echo \"[$FOO]\"", stdout: "FOO=tmp\n[]\n", stderr: "", status: 0 },
  { name: "here-string", script: "cat <<< \"here string $HOME\"", stdout: "here string /home/cloudsdk\n", stderr: "", status: 0 },
  { name: "an unquoted here-document expands", script: "cat <<EOF\nhome $HOME \\$HOME \\\\ \"q\" $(echo sub)\nEOF", stdout: "home /home/cloudsdk $HOME \\ \"q\" sub\n", stderr: "", status: 0 },
  { name: "a quoted here-document is literal", script: "cat <<\"EOF\"\nhome $HOME \\$HOME $(echo sub)\nEOF", stdout: "home $HOME \\$HOME $(echo sub)\n", stderr: "", status: 0 },
  { name: "a backslash-quoted delimiter also makes the body literal", script: "cat <<\\EOF\n$HOME\nEOF", stdout: "$HOME\n", stderr: "", status: 0 },
  { name: "<<- strips leading tabs", script: "cat <<-EOF\n\ttab stripped\n\t\ttwice\n\tEOF", stdout: "tab stripped\ntwice\n", stderr: "", status: 0 },
  { name: "two here-documents on one line", script: "cat <<A; cat <<B\nfirst\nA\nsecond\nB", stdout: "first\nsecond\n", stderr: "", status: 0 },
  { name: "stderr to stdout into a pipe", script: "{ echo one; echo two >&2; } 2>&1 | cat", stdout: "one\ntwo\n", stderr: "", status: 0 },
  { name: "the order of redirections matters", script: "{ echo out; echo err >&2; } 2>&1 >/dev/null | cat", stdout: "err\n", stderr: "", status: 0 },
  { name: "/dev/null swallows output", script: "echo gone >/dev/null; echo kept 2>/dev/null", stdout: "kept\n", stderr: "", status: 0 },
  { name: "sh -c with arguments", script: "sh -c 'echo in sh $0 $1' zero one", stdout: "in sh zero one\n", stderr: "", status: 0 },
  { name: "bash -c exit status", script: "bash -c 'exit 7'; echo $?", stdout: "7\n", stderr: "", status: 0 },
  { name: "a nested shell sees exported variables only", script: "export E=exp; L=loc; bash -c 'echo \"[$E][$L]\"'", stdout: "[exp][]\n", stderr: "", status: 0 },
  { name: "eval", script: "cmd='echo evaluated'; eval $cmd", stdout: "evaluated\n", stderr: "", status: 0 },
  { name: "test string and integer operators", script: "[ a = a ] && [ a != b ] && [ 2 -lt 10 ] && [ 10 -ge 10 ] && [ -z \"\" ] && [ -n x ] && echo ok", stdout: "ok\n", stderr: "", status: 0 },
  { name: "test -a, -o and parentheses", script: "[ 3 -gt 2 -a 1 -lt 2 ] && [ \\( 1 -eq 2 \\) -o x = x ] && echo ok", stdout: "ok\n", stderr: "", status: 0 },
  { name: "test on files", script: "[ -d /tmp ] && [ ! -f /tmp ] && [ -e /tmp ] && [ ! -e /nonexistent ] && [ ! -e \"\" ] && echo ok", stdout: "ok\n", stderr: "", status: 0 },
  { name: "set -e stops a script", script: "set -e; echo before; false; echo after", stdout: "before\n", stderr: "", status: 1 },
  { name: "set -e ignores conditions", script: "set -e; if false; then :; fi; false || true; ! true; echo survived", stdout: "survived\n", stderr: "", status: 0 },
  { name: "a glob with no match stays literal", script: "echo /nonexistent/*.none", stdout: "/nonexistent/*.none\n", stderr: "", status: 0 },
  { name: "pwd and cd -", script: "cd /tmp; pwd; cd /; cd -; pwd", stdout: "/tmp\n/tmp\n/tmp\n", stderr: "", status: 0 },
  { name: "exit inside a subshell", script: "(exit 3); echo $?", stdout: "3\n", stderr: "", status: 0 },
  { name: "exit status of a missing command", script: "nosuchcommand; echo $?", stdout: "127\n", stderr: "bash: line 1: nosuchcommand: command not found\n", status: 0 },
  { name: "quoted empty argument count", script: "set -- \"\" a \"\"; echo $#", stdout: "3\n", stderr: "", status: 0 },
  { name: "IFS splitting of a substitution", script: "for w in $(printf \"a b\\nc\\td\"); do echo \"<$w>\"; done", stdout: "<a>\n<b>\n<c>\n<d>\n", stderr: "", status: 0 },
  { name: "a for loop without in uses the positional parameters", script: "set -- x y; for a; do echo $a; done", stdout: "x\ny\n", stderr: "", status: 0 },
  { name: "variables in arithmetic without $", script: "a=5; b=a; echo $((a + 1)) $((b))", stdout: "6 5\n", stderr: "", status: 0 },
  { name: "dollar before a non-name is literal", script: "echo $ a$ \"$\" $/", stdout: "$ a$ $ $/\n", stderr: "", status: 0 },
];

function runAsBashC(script: string) {
  const host = new FakeHost();
  host.mkdir('/tmp/probe');
  host.mkdir('/home/cloudsdk');
  const shell = createShell(host, { isInteractive: false, env: { HOME: '/home/cloudsdk' }, cwd: '/tmp/probe' });
  return shell.run(script);
}

describe('the shell agrees with bash -c', () => {
  it.each(CASES)('$name', ({ script, stdout, stderr, status }) => {
    const result = runAsBashC(script);
    expect({ stdout: result.stdout, stderr: result.stderr, status: result.exitCode }).toEqual({ stdout, stderr, status });
  });
});
