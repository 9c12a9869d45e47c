// Value parsers for the command-line options several commands share (commander calls them with the
// raw string; a bad value is commander's usage error, naming the option).
import { InvalidArgumentError } from "commander";

/**
 * A TCP port on 127.0.0.1; 0 lets the system pick a free one.
 *
 * @example
 * program.option("--port <port>", "port on 127.0.0.1", parsePort, 8787);
 */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new InvalidArgumentError("expected a port number (0 picks a free one)");
  return n;
}

/**
 * Simulated seconds per real second (`--speed`).
 *
 * @example
 * program.option("--speed <n>", "simulated seconds per real second", parseSpeed, 1);
 */
export function parseSpeed(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError("expected a number > 0 (10: ten simulated seconds per second)");
  return n;
}
