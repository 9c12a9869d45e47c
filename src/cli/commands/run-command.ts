// `gateway-sim run <files|dirs…>`: runs scenarios, prints the console report as each finishes,
// writes a JSON or JUnit report, and returns the exit code.
import { resolve } from "node:path";
import { renderScenarioBlock, renderSummary } from "../../scenarios/report/console-reporter.js";
import { runSuiteParallel } from "../../scenarios/run/run-suite-parallel.js";
import type { Transport } from "../../scenarios/schema/scenario.js";
import { CliError, type ExitCode } from "../cli-error.js";
import { collectScenarioFiles } from "../collect-files.js";
import type { CliIo } from "../io.js";
import { terminalSupport } from "../terminal.js";
import { createProgressBar } from "../progress-bar.js";
import type { Reporter } from "../reporters.js";
import type { GatewayApi } from "../../external/client/gateway-apis.js";
import type { GatewayOverrides } from "../../external/gateway-target.js";
import { selectShard, type Shard } from "../shard.js";
import { exitCodeOf, writeReport } from "../write-report.js";

// Other commands import it from here.
export { writeReportFile } from "../write-report.js";

export interface RunCommandOptions {
  reporter: Reporter;
  output?: string | undefined;
  seed?: string | undefined;
  runs?: number | undefined;
  updateSnapshots?: boolean | undefined;
  ci?: boolean | undefined;
  only?: string | undefined;
  transport?: Transport | undefined;
  /** `--no-timing` sets false: the JSON/JUnit report leaves wall-clock time out. */
  timing: boolean;
  progress: boolean;
  color: boolean;
  /** An outside gateway's URL, or `builtin` to ignore the files' `gateway:` blocks. */
  gateway?: string | undefined;
  gatewayApi?: GatewayApi | undefined;
  gatewayHeader?: string[] | undefined;
  speed?: number | undefined;
  fakesPort?: number | undefined;
  latencyTolerance?: number | undefined;
  /** Worker threads for the seeds (default 1: in-process). */
  workers?: number | undefined;
  /** Only this share of the files (CI machine i of n). */
  shard?: Shard | undefined;
}

/** The command line's say on outside gateways (src/external). */
function gatewayOverrides(options: RunCommandOptions, cwd: string): GatewayOverrides | "builtin" {
  if (options.gateway === "builtin") return "builtin";
  const headers: Record<string, string> = {};
  for (const h of options.gatewayHeader ?? []) {
    const at = h.indexOf(":");
    if (at <= 0) throw new CliError("E_USAGE", `--gateway-header ${h}: expected "name: value"`);
    const value = h.slice(at + 1).trim();
    // A file named on the command line is relative to where the command runs, not to each scenario.
    headers[h.slice(0, at).trim()] = value.startsWith("file:") ? `file:${resolve(cwd, value.slice("file:".length))}` : value;
  }
  return { url: options.gateway, api: options.gatewayApi, headers, speed: options.speed, fakesPort: options.fakesPort, latencyTolerance: options.latencyTolerance };
}

/**
 * @example
 * const code = await runCommand(["scenarios"], { reporter: "console", timing: true, progress: true, color: false }, processIo());
 */
export async function runCommand(paths: readonly string[], options: RunCommandOptions, io: CliIo): Promise<ExitCode> {
  const all = collectScenarioFiles(paths, io.cwd);
  const files = options.shard ? selectShard(all, paths, io.cwd, options.shard) : all;
  // An empty share is a normal CI outcome (few files, many machines): an empty report, not an error.
  if (options.shard && files.length === 0) io.stderr.write(`gateway-sim: shard ${options.shard.index}/${options.shard.count} holds none of the ${all.length} scenario files\n`);
  const consoleOut = options.reporter === "console" || options.output !== undefined;
  const terminal = terminalSupport(io, { color: options.color, progress: options.progress });
  const style = { color: terminal.color };
  const bar = createProgressBar(io, consoleOut && terminal.progress);
  const gateway = gatewayOverrides(options, io.cwd);
  if (consoleOut && gateway !== "builtin") {
    const { externalNotesOfFiles } = await import("../../external/external-notes.js");
    for (const line of externalNotesOfFiles(files, gateway)) io.stdout.write(`${line}\n`);
  }
  const { report: ran, timing } = await runSuiteParallel(
    files,
    {
      seed: options.seed,
      runs: options.runs,
      only: options.only,
      transport: options.transport,
      // Only the json and html reports show requests: console and junit runs skip collecting them.
      requests: options.reporter === "json" || options.reporter === "html",
      gateway,
      snapshots: options.updateSnapshots ? "update" : options.ci ? "none" : "new",
      onProgress: (file, done, expected) => bar.update(file, done, expected),
      onScenario: (scenario) => {
        bar.clear();
        if (consoleOut) io.stdout.write(renderScenarioBlock(scenario, style));
      },
    },
    options.workers ?? 1,
  );
  const report = options.shard ? { ...ran, shard: { index: options.shard.index, count: options.shard.count, files: all } } : ran;
  if (report.scenarios.length === 0 && files.length > 0) throw new CliError("E_USAGE", `no scenario or expectation is named "${options.only ?? ""}" in ${paths.join(", ")}`);
  if (consoleOut) io.stdout.write(renderSummary(report.summary, timing, style));
  await writeReport(report, options.timing ? timing : undefined, options, io);
  return exitCodeOf(report);
}
