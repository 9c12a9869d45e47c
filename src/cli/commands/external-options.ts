// The `run` options that play scenarios through an outside gateway (src/external), kept apart so the
// run command's own wiring in program.ts stays as it was.
import { type Command, InvalidArgumentError, Option } from "commander";
import { parsePort } from "../option-parsers.js";
import { parseDuration } from "../../core/duration.js";

function positive(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError("expected a number > 0 (20: twenty simulated seconds per second)");
  return n;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function duration(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined) throw new InvalidArgumentError("expected a duration such as 500ms or 2s");
  return ms;
}

/**
 * Adds --gateway and its companions to `run`.
 *
 * @example
 * externalRunOptions(program.command("run"), GATEWAY_APIS);
 */
export function externalRunOptions(command: Command, apis: readonly string[]): Command {
  return (
    command
      .option("--gateway <url>", "play the traffic through an outside gateway at this URL (Portkey, LiteLLM, a deployment); `builtin` ignores the files' gateway: blocks")
      .addOption(new Option("--gateway-api <api>", "the API to speak to it (default: the file's, else chat-completions)").choices(apis))
      // Repeatable rather than variadic: a variadic option would swallow the scenario paths after it.
      .option("--gateway-header <header>", "'name: value' sent with every request (repeatable); the value may be file:<path> and hold ${GATEWAY_SIM_<PROVIDER>_URL}", collect, [])
      .option("--speed <n>", "simulated seconds per real second through an outside gateway (default: the file's, else 1)", positive)
      .option("--fakes-port <port>", "serve the fakes on this port (a gateway started beforehand points at it; default: a free one)", parsePort)
      .option("--latency-tolerance <duration>", "added to latency bounds for the outside gateway's own time (default: 25ms × speed)", duration)
  );
}
