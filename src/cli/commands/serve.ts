// `gateway-sim serve <scenario>`: the scenario's fakes and gateway on local ports, its timeline
// played in real time × --speed, until SIGINT/SIGTERM stops everything (exit 0).
import { resolve } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import { parsePort, parseSpeed } from "../option-parsers.js";
import { formatDuration, parseDuration } from "../../core/duration.js";
import { formatConfigIssue } from "../../core/load-config.js";
import { maskKey } from "../../serve/mask-key.js";
import type { ServeHandle } from "../../serve/start-serve.js";
import { CliError, EXIT_CODES, type ExitCode } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { BYTE_SIZE_EXPECTED, parseByteSize } from "../../core/byte-size.js";
import { DEFAULT_MAX_CACHE_BYTES, DEFAULT_MAX_CACHE_ENTRIES } from "../../cache/memory-cache-store.js";
import { describeBytes } from "../../serve/cache-not-stored.js";
import type { GatewaySettings } from "../../gateway/settings.js";

export interface ServeCommandOptions {
  port: number;
  speed: number;
  seed?: string | undefined;
  traffic?: boolean | undefined;
  key?: string | undefined;
  exportUsage?: string | undefined;
  /** `--export-buffer`: bytes the export may lag behind by before records are dropped. */
  exportBuffer?: number | undefined;
  fakes?: string | undefined;
  /** Grace period of the drain on the first signal, in ms (`--grace 10s`). */
  grace?: number | undefined;
}

/** Resolves on the next SIGINT or SIGTERM; `cancel` stops listening (the promise then never settles). */
export function untilSignal(cancel?: AbortSignal): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const off = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    };
    const stop = (signal: NodeJS.Signals): void => {
      off();
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    cancel?.addEventListener("abort", off, { once: true });
  });
}

/**
 * The banner's `cache` line when the scenario's settings change the response cache's bounds (the
 * answers a refusal line then names are judged against them); none for the defaults or no store.
 */
export function cacheBoundsLine(cache: GatewaySettings["cache"]): string | undefined {
  if (cache.store === "none" || (cache.maxEntries === DEFAULT_MAX_CACHE_ENTRIES && cache.maxBytes === DEFAULT_MAX_CACHE_BYTES)) return undefined;
  const entries = `${cache.maxEntries.toLocaleString("en-US")} answer${cache.maxEntries === 1 ? "" : "s"}`;
  return `  cache    each endpoint's response cache holds at most ${entries} and ${describeBytes(cache.maxBytes)} (settings cache.maxEntries, cache.maxBytes; defaults ${DEFAULT_MAX_CACHE_ENTRIES.toLocaleString("en-US")} answers and ${DEFAULT_MAX_CACHE_BYTES / (1024 * 1024)} MiB)`;
}

function banner(file: string, served: ServeHandle, options: ServeCommandOptions, model: string | undefined, defaultGraceMs: number, cacheLine: string | undefined): string {
  // Only the seeds' placeholder is shown whole: a key given with --key would land in CI logs.
  const shownKey = options.key === undefined ? served.key : maskKey(served.key);
  const lines = [
    `serving ${file} at ${options.speed}× speed`,
    `  gateway  ${served.url}/v1/responses`,
    `  also     ${served.url}/v1/chat/completions and ${served.url}/v1/messages`,
    `  api key  ${shownKey}${options.key === undefined ? " (any bearer key is accepted)" : " (masked)"}`,
    `  usage    ${served.url}/usage (live request explorer${options.key === undefined ? "" : "; it asks for the key"})`,
    ...Object.entries(served.providers).map(([id, url]) => `  fake     ${id} → ${url}`),
  ];
  if (model !== undefined) {
    const body = JSON.stringify({ model, input: "Say hello." });
    lines.push(`  try      curl ${served.url}/v1/responses -H "Authorization: Bearer ${shownKey}" -H "Content-Type: application/json" -d '${body}'`);
  }
  if (cacheLine !== undefined) lines.push(cacheLine);
  const grace = formatDuration(options.grace ?? defaultGraceMs);
  lines.push(`  grace    ${grace}: on Ctrl-C or SIGTERM, requests in flight get ${grace} to finish; a second signal stops at once`);
  lines.push("Ctrl-C stops.", "");
  return lines.join("\n");
}

/**
 * @example
 * const code = await serveCommand("scenarios/incidents/openai-503-burst.yaml", { port: 8787, speed: 10 }, processIo());
 */
export async function serveCommand(
  file: string,
  options: ServeCommandOptions,
  io: CliIo,
  stop: () => Promise<unknown> = untilSignal,
  stopAtOnce: (cancel: AbortSignal) => Promise<unknown> = untilSignal,
): Promise<ExitCode> {
  // Loaded on use: the gateway, the fakes and express are only needed once a command runs.
  const { loadScenario } = await import("../../scenarios/load/load-scenario.js");
  const { startServe, DEFAULT_GRACE_MS } = await import("../../serve/start-serve.js");
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
      fakesUrl: options.fakes,
      exportUsage: options.exportUsage === undefined ? undefined : resolve(io.cwd, options.exportUsage),
      exportBufferBytes: options.exportBuffer,
      graceMs: options.grace,
      log: (line) => io.stdout.write(`${line}\n`),
      warn: (line) => io.stderr.write(`${line}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new CliError("E_USAGE", `port ${options.port} is in use on 127.0.0.1: pick another with --port`);
    if (code === "ENOENT" || code === "EACCES") throw new CliError("E_WRITE_FAILED", `cannot write ${options.exportUsage ?? ""}: ${(error as Error).message}`);
    throw error;
  }
  const cacheLine = cacheBoundsLine(loaded.scenario.spec.settings.cache);
  io.stdout.write(banner(file, served, options, Object.keys(loaded.scenario.catalog.models)[0], DEFAULT_GRACE_MS, cacheLine));
  await stopping;
  const inFlight = served.inFlight;
  io.stdout.write(inFlight > 0 ? `stopping… (${inFlight} request${inFlight === 1 ? "" : "s"} in flight; a second signal stops at once)\n` : "stopping…\n");
  const listening = new AbortController();
  const atOnce = stopAtOnce(listening.signal).then(() => "at once" as const);
  const how = await Promise.race([served.close().then(() => "drained" as const), atOnce]);
  listening.abort();
  if (how === "at once") {
    await served.abort();
    io.stderr.write(`gateway-sim: stopped at once; requests in flight were dropped${options.exportUsage === undefined ? "" : " and their records are missing from the export"}\n`);
    const outcome = served.exportOutcome();
    if (outcome && !outcome.complete) io.stderr.write(`gateway-sim: ${outcome.message}\n`);
    return EXIT_CODES.failed;
  }
  // An export that lost records is a failed run: a soak's consumer must not take the file as whole.
  const outcome = served.exportOutcome();
  if (outcome?.complete) io.stdout.write(`${outcome.message}\n`);
  if (outcome && !outcome.complete) io.stderr.write(`gateway-sim: ${outcome.message}\n`);
  io.stdout.write("stopped\n");
  return outcome && !outcome.complete ? EXIT_CODES.failed : EXIT_CODES.ok;
}

/** `--export-buffer`: a size in the notation of every size option (src/core/byte-size.ts). */
function exportBuffer(value: string): number {
  const bytes = parseByteSize(value);
  if (bytes === undefined) throw new InvalidArgumentError(BYTE_SIZE_EXPECTED);
  return bytes;
}

function grace(value: string): number {
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : parseDuration(value);
  if (ms === undefined || !Number.isFinite(ms) || ms > 3_600_000) throw new InvalidArgumentError('expected a duration up to 1h, e.g. "10s", "500ms" or "0" (seconds)');
  return ms;
}

/** Adds `serve` to the program (src/cli/program.ts). */
export function registerServeCommand(program: Command, io: CliIo, setExit: (code: ExitCode) => void): void {
  program
    .command("serve")
    .description("serve a scenario over HTTP: its fake providers and the gateway on local ports, its timeline in real time × --speed")
    .argument("<scenario>", "a scenario file")
    .option("--port <port>", "gateway port on 127.0.0.1", parsePort, 8787)
    .option("--speed <n>", "simulated seconds per real second", parseSpeed, 1)
    .option("--seed <seed>", "override the scenario's seed")
    .option("--traffic", "also send the scenario's own traffic")
    .option("--key <key>", "accept only this bearer key (default: any key, e.g. YOUR_API_KEY)")
    .option("--fakes <url>", "use the fakes `gateway-sim fakes` serves at this URL instead of starting them (their timeline plays there)")
    .option("--export-usage <file.jsonl>", "write every usage record as JSON Lines (complete when stopped, or exit 1 saying what is missing)")
    .option("--export-buffer <size>", "how far the export may lag behind the traffic before records are dropped and counted (default 8MiB)", exportBuffer)
    .option("--grace <duration>", "on Ctrl-C/SIGTERM, how long requests in flight may finish before they are cancelled (e.g. 10s, 500ms)", grace)
    .action(async (file: string, options: ServeCommandOptions) => setExit(await serveCommand(file, options, io)));
}
