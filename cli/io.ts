// What a command needs from the process: arguments, streams, and an exit code it returns.
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads standard input entirely (for `-` arguments). */
  readStdin: () => Promise<string>;
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run: (args: string[], io: CliIO) => Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, usage: 2, failure: 1, warn: 10, block: 20 } as const;

export class UsageError extends Error {}
