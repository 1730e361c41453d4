/** Where a command writes; injected so tests can run commands in-process. */
export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Bytes as they are (a streamed image, say); callers without it get them as UTF-8 text on stdout. */
  readonly stdoutBytes?: (bytes: Uint8Array) => void;
  /** stderr is a terminal: functions' logs are written for one (`functionLog`). */
  readonly stderrIsTerminal?: boolean;
}

/** A CLI subcommand: one row of the command table. */
export interface CliCommand {
  readonly name: string;
  /** `name ARGS...`, as shown in help. */
  readonly synopsis: string;
  readonly summary: string;
  /** Full help text for `lambda-workbench NAME --help`. */
  readonly help: string;
  /** Resolves to the exit status. */
  readonly run: (argv: readonly string[], io: CommandIO) => Promise<number>;
}

/** Exit statuses shared by every command. */
export const exitCodes = { ok: 0, findings: 1, usage: 2, internal: 70 } as const;
