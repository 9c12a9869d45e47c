// A CliIo that keeps what the CLI writes, for running commands in-process.
import type { CliIo } from "../../src/cli/io.js";

/**
 * @example
 * const io = captureIo();
 * const code = await runCli(["validate", "scenarios"], io);
 * expect(io.out()).toContain("valid");
 */
export function captureIo(cwd = process.cwd()): CliIo & { out: () => string } {
  let out = "";
  const write = (s: string): boolean => ((out += s), true);
  return { stdout: { write }, stderr: { write }, cwd, env: { NO_COLOR: "1" }, out: () => out };
}
