// User-facing CLI failures: a string code and a message, printed without a stack trace.

/** Exit codes: 0 all expectations held, 1 one failed, 2 invalid input or usage, 3 internal error. */
export const EXIT_CODES = { ok: 0, failed: 1, invalid: 2, internal: 3 } as const;
/** A child command's own exit status, passed through unchanged by `fakes -- <command>`. */
export type ChildExitStatus = number & { readonly childExitStatus: true };
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES] | ChildExitStatus;

/** Marks a child process's status (0-255) as the CLI's exit code. */
export function childExitStatus(status: number): ChildExitStatus {
  return status as ChildExitStatus;
}

export const CLI_ERROR_CODES = {
  E_USAGE: EXIT_CODES.invalid,
  E_NO_SCENARIOS: EXIT_CODES.invalid,
  E_NOT_FOUND: EXIT_CODES.invalid,
  E_INVALID_SCENARIO: EXIT_CODES.invalid,
  E_WRITE_FAILED: EXIT_CODES.invalid,
  /** An input file that is not what the command needs (bad JSON, an unusable schema). */
  E_INVALID_INPUT: EXIT_CODES.invalid,
} as const satisfies Record<string, ExitCode>;

export type CliErrorCode = keyof typeof CLI_ERROR_CODES;

/**
 * @example
 * throw new CliError("E_NO_SCENARIOS", "no scenario files under scenarios/");
 */
export class CliError extends Error {
  override name = "CliError";
  readonly exitCode: ExitCode;

  constructor(
    readonly code: CliErrorCode,
    message: string,
  ) {
    super(message);
    this.exitCode = CLI_ERROR_CODES[code];
  }
}
