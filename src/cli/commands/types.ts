/** The shape every `apparmor-lab` subcommand has. */
export type CliIo = {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: NodeJS.ReadableStream;
};

export type CliCommand = {
  /** the subcommand word, e.g. `parse` */
  name: string;
  /** one-line usage shown in the top-level help, e.g. `parse [--json] [-I DIR] FILE…` */
  usage: string;
  summary: string;
  /** @returns the process exit code */
  run(args: string[], io: CliIo): Promise<number>;
};
