// Whether the CLI may colour its output and draw a progress bar, by the usual conventions:
// --no-color, NO_COLOR (https://no-color.org), FORCE_COLOR, TERM=dumb, a non-TTY stdout and CI.
import type { CliIo } from "./io.js";

export interface TerminalSupport {
  color: boolean;
  progress: boolean;
}

/** True for a variable that is set to anything but the empty string. */
const isSet = (value: string | undefined): boolean => value !== undefined && value !== "";

/**
 * Colours: off with --no-color; else FORCE_COLOR decides when set (as in Node itself, it outranks
 * NO_COLOR; "0" or "false" turns colours off); else NO_COLOR turns them off; else only on a TTY
 * whose TERM is not "dumb", outside CI. The progress bar redraws a line in place, so it needs a real
 * interactive terminal whatever FORCE_COLOR says: a TTY, TERM not "dumb", not CI.
 *
 * @example
 * terminalSupport(processIo(), { color: true, progress: true }); // { color: false, progress: false } under CI=true
 */
export function terminalSupport(io: Pick<CliIo, "stdout" | "env">, wanted: { color: boolean; progress: boolean }): TerminalSupport {
  const { env } = io;
  const interactive = io.stdout.isTTY === true && env.TERM !== "dumb" && !isSet(env.CI);
  const force = env.FORCE_COLOR;
  const color = !wanted.color ? false : force !== undefined ? force !== "0" && force !== "false" : isSet(env.NO_COLOR) ? false : interactive;
  return { color, progress: wanted.progress && interactive };
}
