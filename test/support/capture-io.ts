// A CliIo that keeps what the CLI writes, for running commands in-process.
import type { CliIo } from "../../src/cli/io.js";

/**
 * `out()` is everything written; `written()` standard output alone, `err()` standard error alone.
 *
 * @example
 * const io = captureIo();
 * const code = await runCli(["validate", "scenarios"], io);
 * expect(io.out()).toContain("valid");
 */
export function captureIo(cwd = process.cwd(), env: CliIo["env"] = { NO_COLOR: "1" }): CliIo & { out: () => string; written: () => string; err: () => string } {
  let out = "";
  let stdout = "";
  let stderr = "";
  return {
    stdout: { write: (s: string): boolean => ((out += s), (stdout += s), true) },
    stderr: { write: (s: string): boolean => ((out += s), (stderr += s), true) },
    cwd,
    env,
    out: () => out,
    written: () => stdout,
    err: () => stderr,
  };
}
