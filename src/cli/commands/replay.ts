// `gateway-sim replay <usage-log.jsonl>`: writes a scenario that reproduces a logged incident —
// each provider's latency and errors over time, the logged requests at their times, and the
// routing that happened as expectations — then runs it to count the logged requests it reproduces.
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { parseDuration } from "../../core/duration.js";
import { formatConfigIssue } from "../../core/load-config.js";
import type { Catalog } from "../../gateway/catalog/schema.js";
import { REPLAY_LATENCY_MODES, type ReplayOptions } from "../../replay/build-replay-scenario.js";
import { scenarioSchemaPath } from "../../replay/schema-path.js";
import { CliError, EXIT_CODES, type ExitCode } from "../cli-error.js";
import type { CliIo } from "../io.js";
import type { ReplayRecord } from "../../replay/read-usage-log.js";
import { writeReportFile } from "./run-command.js";

export interface ReplayCommandOptions {
  output?: string | undefined;
  name?: string | undefined;
  seed: string;
  bucket: number;
  window: number;
  tolerance: number;
  latency: NonNullable<ReplayOptions["latency"]>;
  catalog: string;
  /** `--no-self-check` sets false: the written scenario is not run. */
  selfCheck?: boolean | undefined;
  /** `--check [threshold]`: a reproduced share below the threshold (true: the default 99 %) exits 1. */
  check?: number | true | undefined;
}

/** `--check` without a value: at least 99 % of the logged requests reproduced. */
export const DEFAULT_CHECK_THRESHOLD = 0.99;

function duration(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0) throw new InvalidArgumentError('expected a duration such as "10s" or "1m"');
  return ms;
}

function share(value: string): number {
  const n = value.endsWith("%") ? Number(value.slice(0, -1)) / 100 : Number(value);
  if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a share between 0 and 1, or a percentage such as "10%"');
  return n;
}

function schemaComment(io: CliIo, output: string | undefined): string | undefined {
  return scenarioSchemaPath(output === undefined ? io.cwd : dirname(resolve(io.cwd, output)));
}

/**
 * The catalog the written scenario will run on (`--catalog`, relative to it), to compare the logged
 * prices with; its problems are printed and give undefined.
 */
async function replayCatalog(io: CliIo, options: ReplayCommandOptions): Promise<Catalog | undefined> {
  const { DEFAULT_CATALOG_PATH, loadCatalog } = await import("../../gateway/catalog/load-catalog.js");
  const from = options.output === undefined ? io.cwd : dirname(resolve(io.cwd, options.output));
  const path = options.catalog === "default" ? DEFAULT_CATALOG_PATH : resolve(from, options.catalog);
  if (!existsSync(path)) throw new CliError("E_NOT_FOUND", `--catalog: catalog file not found: ${path} (a path relative to the written scenario, or "default")`);
  const loaded = loadCatalog(path);
  if (loaded.ok) return loaded.value;
  for (const issue of loaded.issues) io.stderr.write(`${formatConfigIssue(issue)}\n`);
  return undefined;
}

/**
 * @example
 * await replayCommand("usage.jsonl", { output: "incident.yaml", seed: "replay", bucket: 10_000, window: 60_000, tolerance: 0.1, latency: "trace", catalog: "default" }, processIo());
 */
export async function replayCommand(file: string, options: ReplayCommandOptions, io: CliIo): Promise<ExitCode> {
  const { readUsageLog } = await import("../../replay/read-usage-log.js");
  const { buildReplayScenario } = await import("../../replay/build-replay-scenario.js");
  const { renderReplayYaml } = await import("../../replay/render-replay-yaml.js");
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), "utf8");
  } catch {
    throw new CliError("E_NOT_FOUND", `cannot read ${file}`);
  }
  const read = readUsageLog(file, text);
  if (!read.ok) {
    for (const issue of read.issues.slice(0, 20)) io.stderr.write(`${issue}\n`);
    if (read.issues.length > 20) io.stderr.write(`… and ${read.issues.length - 20} more\n`);
    return EXIT_CODES.invalid;
  }
  const catalogOffers = await replayCatalog(io, options);
  if (!catalogOffers) return EXIT_CODES.invalid;
  const name = options.name ?? `${basename(file, extname(file))}-replay`;
  const { scenario, summary } = buildReplayScenario(read.records, { ...options, name, bucketMs: options.bucket, windowMs: options.window, catalogOffers });
  const yaml = renderReplayYaml(scenario, file, schemaComment(io, options.output), summary);
  const report = options.output === undefined ? io.stderr : io.stdout;
  if (options.output === undefined) io.stdout.write(yaml);
  else writeReportFile(io, options.output, yaml);
  report.write(`replayed ${summary.requests} requests${summary.skipped > 0 ? ` (${summary.skipped} left out: they never reached routing)` : ""}\n`);
  for (const p of summary.providers) report.write(`  ${p.id}: ${p.phases} fault phase${p.phases === 1 ? "" : "s"}${p.median_ms === undefined ? "" : `, median ${p.median_ms} ms`}\n`);
  for (const p of summary.prices) {
    const was = p.catalog ? ` (catalog: ${p.catalog.input} / ${p.catalog.output})` : "";
    const how = p.source === "cost" ? "billed costs" : "price factors";
    report.write(`  ${p.provider} ${p.model}: logged price ${p.price.input} / ${p.price.output} per 1M tokens${was}, from ${how}${p.exact ? "" : ", best fit"}\n`);
  }
  if (options.output !== undefined) report.write(`wrote ${options.output}; run it with: npx gateway-sim run ${options.output}\n`);
  if (options.selfCheck === false) return EXIT_CODES.ok;
  return selfCheck(read.records, scenario, options, io, report);
}

/**
 * Runs the written scenario as `run` would and prints what it reproduces. Without `-o` it runs the
 * scenario from memory, its catalog path made absolute (the scenario's own is relative to where it lands).
 */
async function selfCheck(records: readonly ReplayRecord[], scenario: Record<string, unknown>, options: ReplayCommandOptions, io: CliIo, report: CliIo["stdout"]): Promise<ExitCode> {
  const { runSelfCheck, runSelfCheckUnwritten } = await import("../../replay/run-self-check.js");
  const { renderSelfCheck, percent } = await import("../../replay/self-check-report.js");
  const { isReplayable } = await import("../../replay/replay-request.js");
  const logged = records.filter(isReplayable);
  const catalog = options.catalog === "default" ? "default" : resolve(io.cwd, options.catalog);
  const outcome = options.output === undefined ? await runSelfCheckUnwritten({ ...scenario, catalog }, logged) : await runSelfCheck(resolve(io.cwd, options.output), logged);
  if (!outcome.ok) {
    // The scenario was just written from a valid log: a scenario that does not load is a replay bug.
    for (const issue of outcome.issues) io.stderr.write(`${formatConfigIssue(issue)}\n`);
    io.stderr.write("gateway-sim: self-check: the written scenario does not load (a replay bug: please report it with the usage log)\n");
    return EXIT_CODES.internal;
  }
  for (const line of renderSelfCheck(outcome.check, records[0]?.time_ms ?? 0)) report.write(`${line}\n`);
  if (options.check === undefined) return EXIT_CODES.ok;
  const threshold = options.check === true ? DEFAULT_CHECK_THRESHOLD : options.check;
  const share = outcome.check.compared === 0 ? 1 : outcome.check.reproduced / outcome.check.compared;
  if (share >= threshold) {
    report.write(`check passed: ${percent(share)} reproduced, threshold ${percent(threshold)}\n`);
    return EXIT_CODES.ok;
  }
  // The verdict goes to stderr too when the scenario went to stdout: a pipeline's log shows why it stopped.
  io.stderr.write(`gateway-sim: check failed: ${percent(share)} of the logged requests reproduced, below the ${percent(threshold)} threshold\n`);
  return EXIT_CODES.failed;
}

/** Adds `replay` to the program (src/cli/program.ts). */
export function registerReplayCommand(program: Command, io: CliIo, setExit: (code: ExitCode) => void): void {
  program
    .command("replay")
    .description("turn a usage-log export (JSON Lines) into a scenario that reproduces the incident and its routing")
    .argument("<usage-log>", "a usage-log export: one usage record per line")
    .option("-o, --output <file>", "write the scenario here (default: stdout)")
    .option("--name <name>", "scenario name (default: <log name>-replay)")
    .option("--seed <seed>", "the replay's seed; the original run's seed reproduces its request ids and random routing draws", "replay")
    .option("--bucket <duration>", "time bucket of the provider timelines", duration, 10_000)
    .option("--window <duration>", "window of the routing expectations", duration, 60_000)
    .option("--tolerance <share>", "allowed difference of each provider's share per window", share, 0.1)
    .addOption(new Option("--latency <mode>", "trace: the logged times exactly; distribution: fitted lognormal + slow phases").choices(REPLAY_LATENCY_MODES).default("trace"))
    .option("--catalog <catalog>", "`default` or a catalog file relative to the written scenario", "default")
    .option("--no-self-check", "do not run the written scenario to count the logged requests it reproduces")
    .option("--check [threshold]", "exit 1 when the self-check reproduces fewer than this share of the logged requests (default 99%; 0.99 or 99%)", share)
    .action(async (file: string, options: ReplayCommandOptions) => {
      if (options.check !== undefined && options.selfCheck === false) throw new CliError("E_USAGE", "--check needs the self-check: drop --no-self-check");
      setExit(await replayCommand(file, options, io));
    });
}
