// Where the CLI writes, injectable so tests can capture output without spawning a process.

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean | undefined; columns?: number | undefined };
  stderr: { write(text: string): unknown };
  cwd: string;
  /** Environment, for NO_COLOR, FORCE_COLOR, TERM and CI (terminal.ts). */
  env: Record<string, string | undefined>;
}

/** The real process streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}
