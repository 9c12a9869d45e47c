// `gateway-sim run <files|dirs…>`: runs scenarios, prints the console report as each finishes,
// writes a JSON or JUnit report, and returns the exit code.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { renderScenarioBlock, renderSummary } from "../../scenarios/report/console-reporter.js";
import { renderJsonReport } from "../../scenarios/report/json-reporter.js";
import { renderJunitReport } from "../../scenarios/report/junit-reporter.js";
import { runSuite } from "../../scenarios/run/run-suite.js";
import type { Transport } from "../../scenarios/schema/scenario.js";
import { CliError, EXIT_CODES, type ExitCode } from "../cli-error.js";
import { collectScenarioFiles } from "../collect-files.js";
import type { CliIo } from "../io.js";
import { terminalSupport } from "../terminal.js";
import { createProgressBar } from "../progress-bar.js";
import type { Reporter } from "../reporters.js";
import type { GatewayApi } from "../../external/client/gateway-apis.js";
import type { GatewayOverrides } from "../../external/gateway-target.js";


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

/** Writes a report file, creating its folder; a failure is a user error, not a crash. */
export function writeReportFile(io: CliIo, path: string, text: string): void {
  const target = resolve(io.cwd, path);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (error) {
    throw new CliError("E_WRITE_FAILED", `cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * @example
 * const code = await runCommand(["scenarios"], { reporter: "console", timing: true, progress: true, color: false }, processIo());
 */
export async function runCommand(paths: readonly string[], options: RunCommandOptions, io: CliIo): Promise<ExitCode> {
  const files = collectScenarioFiles(paths, io.cwd);
  const consoleOut = options.reporter === "console" || options.output !== undefined;
  const terminal = terminalSupport(io, { color: options.color, progress: options.progress });
  const style = { color: terminal.color };
  const bar = createProgressBar(io, consoleOut && terminal.progress);
  const gateway = gatewayOverrides(options, io.cwd);
  if (consoleOut && gateway !== "builtin") {
    const { externalNotesOfFiles } = await import("../../external/external-notes.js");
    for (const line of externalNotesOfFiles(files, gateway)) io.stdout.write(`${line}\n`);
  }
  const { report, timing } = await runSuite(files, {
    seed: options.seed,
    runs: options.runs,
    only: options.only,
    transport: options.transport,
    gateway,
    snapshots: options.updateSnapshots ? "update" : options.ci ? "none" : "new",
    onProgress: (file, done, expected) => bar.update(file, done, expected),
    onScenario: (scenario) => {
      bar.clear();
      if (consoleOut) io.stdout.write(renderScenarioBlock(scenario, style));
    },
  });
  if (report.scenarios.length === 0) throw new CliError("E_USAGE", `no scenario or expectation is named "${options.only ?? ""}" in ${paths.join(", ")}`);
  if (consoleOut) io.stdout.write(renderSummary(report.summary, timing, style));
  if (options.reporter !== "console") {
    const shownTiming = options.timing ? timing : undefined;
    const text = options.reporter === "json"
      ? renderJsonReport(report, shownTiming)
      : options.reporter === "html"
        ? (await import("./report.js")).htmlReport({ ...report, ...(shownTiming ? { timing: shownTiming } : {}) })
        : renderJunitReport(report, shownTiming);
    if (options.output !== undefined) writeReportFile(io, options.output, text);
    else io.stdout.write(text);
  }
  if (report.summary.invalid > 0) return EXIT_CODES.invalid;
  if (report.scenarios.some((s) => s.error !== null)) return EXIT_CODES.internal;
  return report.summary.failed > 0 ? EXIT_CODES.failed : EXIT_CODES.ok;
}
