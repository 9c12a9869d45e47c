// `gateway-sim serve <scenario>`: the scenario's fakes and gateway on local ports, its timeline
// played in real time × --speed, until SIGINT/SIGTERM stops everything (exit 0).
import { resolve } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { formatConfigIssue } from "../../core/load-config.js";
import { maskKey } from "../../serve/mask-key.js";
import type { ServeHandle } from "../../serve/start-serve.js";
import { CliError, EXIT_CODES, type ExitCode } from "../cli-error.js";
import type { CliIo } from "../io.js";

export interface ServeCommandOptions {
  port: number;
  speed: number;
  seed?: string | undefined;
  traffic?: boolean | undefined;
  key?: string | undefined;
  exportUsage?: string | undefined;
}

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

function banner(file: string, served: ServeHandle, options: ServeCommandOptions, model: string | undefined): string {
  // Only the seeds' placeholder is shown whole: a key given with --key would land in CI logs.
  const shownKey = options.key === undefined ? served.key : maskKey(served.key);
  const lines = [
    `serving ${file} at ${options.speed}× speed`,
    `  gateway  ${served.url}/v1/responses`,
    `  api key  ${shownKey}${options.key === undefined ? " (any bearer key is accepted)" : " (masked)"}`,
    `  usage    ${served.url}/usage (live request explorer${options.key === undefined ? "" : "; it asks for the key"})`,
    ...Object.entries(served.providers).map(([id, url]) => `  fake     ${id} → ${url}`),
  ];
  if (model !== undefined) {
    const body = JSON.stringify({ model, input: "Say hello." });
    lines.push(`  try      curl ${served.url}/v1/responses -H "Authorization: Bearer ${shownKey}" -H "Content-Type: application/json" -d '${body}'`);
  }
  lines.push("Ctrl-C stops.", "");
  return lines.join("\n");
}

/**
 * @example
 * const code = await serveCommand("scenarios/incidents/openai-503-burst.yaml", { port: 8787, speed: 10 }, processIo());
 */
export async function serveCommand(file: string, options: ServeCommandOptions, io: CliIo, stop: () => Promise<unknown> = untilSignal): Promise<ExitCode> {
  // Loaded on use: the gateway, the fakes and express are only needed once a command runs.
  const { loadScenario } = await import("../../scenarios/load/load-scenario.js");
  const { startServe } = await import("../../serve/start-serve.js");
  const loaded = loadScenario(resolve(io.cwd, file));
  if (!loaded.ok) {
    for (const issue of loaded.issues) io.stderr.write(`${formatConfigIssue(issue)}\n`);
    return EXIT_CODES.invalid;
  }
  const stopping = stop();
  let served: ServeHandle;
  try {
    served = await startServe({
      scenario: loaded.scenario,
      port: options.port,
      speed: options.speed,
      seed: options.seed,
      traffic: options.traffic,
      apiKey: options.key,
      exportUsage: options.exportUsage === undefined ? undefined : resolve(io.cwd, options.exportUsage),
      log: (line) => io.stdout.write(`${line}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new CliError("E_USAGE", `port ${options.port} is in use on 127.0.0.1: pick another with --port`);
    if (code === "ENOENT" || code === "EACCES") throw new CliError("E_WRITE_FAILED", `cannot write ${options.exportUsage ?? ""}: ${(error as Error).message}`);
    throw error;
  }
  io.stdout.write(banner(file, served, options, Object.keys(loaded.scenario.catalog.models)[0]));
  await stopping;
  io.stdout.write("stopping…\n");
  await served.close();
  if (options.exportUsage !== undefined) io.stdout.write(`usage records written to ${options.exportUsage}\n`);
  io.stdout.write("stopped\n");
  return EXIT_CODES.ok;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new InvalidArgumentError("expected a port number (0 picks a free one)");
  return n;
}

function speed(value: string): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError("expected a number > 0 (10: ten simulated seconds per second)");
  return n;
}

/** Adds `serve` to the program (src/cli/program.ts). */
export function registerServeCommand(program: Command, io: CliIo, setExit: (code: ExitCode) => void): void {
  program
    .command("serve")
    .description("serve a scenario over HTTP: its fake providers and the gateway on local ports, its timeline in real time × --speed")
    .argument("<scenario>", "a scenario file")
    .option("--port <port>", "gateway port on 127.0.0.1", port, 8787)
    .option("--speed <n>", "simulated seconds per real second", speed, 1)
    .option("--seed <seed>", "override the scenario's seed")
    .option("--traffic", "also send the scenario's own traffic")
    .option("--key <key>", "accept only this bearer key (default: any key, e.g. YOUR_API_KEY)")
    .option("--export-usage <file.jsonl>", "write every usage record as JSON Lines (complete when stopped)")
    .action(async (file: string, options: ServeCommandOptions) => setExit(await serveCommand(file, options, io)));
}
