// Not a test: runs a transcript script against the REAL tools of this machine, so a golden transcript's wording
// can be checked before it is written (issue 4). Each line runs in bash, as the unprivileged user nobody when
// started as root, inside a fresh scratch directory under /tmp, in the C locale; output in the transcript format.
// Usage: node tests/sim/real-transcript.ts < script.txt   (then diff against `apparmor-lab shell < script.txt`)
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// the loop keeps $? across lines (so `echo $?` answers for the line before) and gives commands no stdin
const LOOP = `export LANG=C LC_ALL=C
rc=0
while IFS= read -r line <&3; do
  printf '$ %s\\n' "$line"
  (exit $rc); eval "$line" 2>&1 </dev/null; rc=$?
done
`;

const scratch = mkdtempSync('/tmp/real-transcript-');
chmodSync(scratch, 0o777);
const script = join(scratch, '.script');
writeFileSync(script, readFileSync(0, 'utf8'));
const loop = join(scratch, '.loop.sh');
writeFileSync(loop, LOOP);
const inner = `cd '${scratch}' && exec bash '${loop}' 3<'${script}'`;
const isRoot = process.getuid?.() === 0;
const result = isRoot
  ? spawnSync('su', ['nobody', '-s', '/bin/bash', '-c', inner], { encoding: 'utf8' })
  : spawnSync('bash', ['-c', inner], { encoding: 'utf8' });
// an interactive bash names itself "bash: …"; the loop's messages say "<file>: line N: …"
process.stdout.write((result.stdout ?? '').replaceAll(/^\S+\.loop\.sh: line \d+: /gm, 'bash: '));
process.stderr.write(result.stderr ?? '');
process.stderr.write(`(scratch directory ${scratch})\n`);
