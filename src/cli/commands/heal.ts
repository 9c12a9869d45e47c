// `gateway-sim heal [file]`: heals one saved provider response (a file, or stdin) against a schema
// and prints the response-healing execution record with the healed text — to debug a production
// response by hand. The healing itself is runHealCommand's; this file only reads the inputs.
import { text as readAll } from "node:stream/consumers";
import type { FinishReason } from "../../providers/types.js";
import { runHealCommand } from "../../plugins/heal-command.js";
import type { HealingMode } from "../../plugins/response-healing/registry.js";
import { CliError, EXIT_CODES, type ExitCode } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { readJsonFile, readTextFile } from "../read-json-file.js";

export interface HealOptions {
  /** A JSON Schema file, or a whole `response_format` object; without it: `json_object` (syntax only). */
  schema?: string | undefined;
  mode: HealingMode;
  finishReason: FinishReason;
}

/** Where the response comes from when no file is given. */
export interface StdinSource {
  isTTY?: boolean | undefined;
  read(): Promise<string>;
}

/** The process's stdin, read to the end. */
export function processStdin(): StdinSource {
  return {
    isTTY: process.stdin.isTTY,
    read: () => readAll(process.stdin),
  };
}

/**
 * Prints `{ execution, text, value? }` as JSON; exit 0 when healed or already valid, 1 when healing
 * failed, 2 (a CliError) on unusable input.
 *
 * @example
 * const code = await healCommand("response.txt", { schema: "schema.json", mode: "extended", finishReason: "stop" }, processIo());
 */
export async function healCommand(file: string | undefined, options: HealOptions, io: CliIo, stdin: StdinSource = processStdin()): Promise<ExitCode> {
  const schema = options.schema === undefined ? undefined : readJsonFile(options.schema, io.cwd);
  const text = await readResponse(file, io, stdin);
  const result = runHealCommand({ text, schema, mode: options.mode, finishReason: options.finishReason });
  if (result.exitCode === 2) {
    // runHealCommand words its own usage errors; only the schema can be wrong once commander has checked the choices.
    const reason = result.output.replace(/^gateway-sim heal: /, "").trimEnd();
    throw new CliError("E_INVALID_INPUT", options.schema === undefined ? reason : `${options.schema}: ${reason}`);
  }
  io.stdout.write(result.output);
  return result.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.failed;
}

async function readResponse(file: string | undefined, io: CliIo, stdin: StdinSource): Promise<string> {
  if (file !== undefined && file !== "-") return readTextFile(file, io.cwd);
  // Waiting on a terminal would look like a hang: say what the command expects instead.
  if (stdin.isTTY === true) throw new CliError("E_USAGE", "no response to heal: give a file, or pipe the response on stdin");
  return stdin.read();
}
