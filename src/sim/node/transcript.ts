/**
 * The transcript format shared by the CLI (`apparmor-lab shell < script`) and the golden tests: each
 * command echoed as `$ first line` (continuation lines of a here-doc or quote as `> line`), followed by
 * its stdout and stderr interleaved as written, a missing final newline added so the next `$ ` starts
 * a line. Pure text in, text out.
 */

/** What running a transcript needs from a world. */
export type TranscriptWorld = {
  run(text: string): { output: readonly { text: string }[] };
  isComplete(text: string): boolean;
  readonly hasExited: boolean;
};

/**
 * Groups script lines into commands: a line starts a command and the following lines join it while the
 * shell would still ask for more (`> ` prompt).
 * @param lines - the script's lines
 * @param isComplete - the shell's completeness test
 * @returns the commands, each possibly several lines joined by newlines
 * @example splitCommands(['cat <<EOF', 'x', 'EOF', 'true'], isComplete) // → ['cat <<EOF\nx\nEOF', 'true']
 */
export function splitCommands(lines: readonly string[], isComplete: (text: string) => boolean): string[] {
  const commands: string[] = [];
  let pending: string[] = [];
  for (const line of lines) {
    pending.push(line);
    const text = pending.join('\n');
    if (isComplete(text)) {
      commands.push(text);
      pending = [];
    }
  }
  if (pending.length > 0) commands.push(pending.join('\n'));
  return commands;
}

/**
 * Runs a script line by line and renders the transcript.
 * @param world - the world to run in (its state changes)
 * @param script - the commands, one per line (here-doc bodies on their own lines)
 * @returns the transcript text
 */
export function runTranscript(world: TranscriptWorld, script: string): string {
  const lines = script.replace(/\n$/, '').split('\n');
  let transcript = '';
  for (const command of splitCommands(lines, (text) => world.isComplete(text))) {
    if (world.hasExited) break;
    const [first = '', ...rest] = command.split('\n');
    transcript += `$ ${first}\n${rest.map((line) => `> ${line}\n`).join('')}`;
    const output = world.run(command).output.map((chunk) => chunk.text).join('');
    transcript += output === '' || output.endsWith('\n') ? output : `${output}\n`;
  }
  return transcript;
}

/**
 * Extracts the script from a transcript: every `$ ` line and the `> ` lines that continue its command.
 * @param transcript - a transcript as `runTranscript` renders it
 * @param isComplete - the shell's completeness test
 * @returns the script, one line per input line
 */
export function scriptOf(transcript: string, isComplete: (text: string) => boolean): string {
  const lines = transcript.split('\n');
  const script: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith('$ ')) continue;
    const command = [line.slice(2)];
    while (!isComplete(command.join('\n')) && (lines[i + 1] ?? '').startsWith('> ')) command.push((lines[++i] ?? '').slice(2));
    script.push(...command);
  }
  return script.length > 0 ? `${script.join('\n')}\n` : '';
}
