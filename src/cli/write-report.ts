// Writing a suite report in the format asked for, and the exit code it means: shared by `run` and
// `merge-reports`, so a merged report is written exactly as a single run's.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { renderJsonReport } from "../scenarios/report/json-reporter.js";
import { renderJunitReport } from "../scenarios/report/junit-reporter.js";
import type { SuiteReport, SuiteTiming } from "../scenarios/report/types.js";
import { CliError, EXIT_CODES, type ExitCode } from "./cli-error.js";
import type { CliIo } from "./io.js";
import type { Reporter } from "./reporters.js";

/**
 * The json/junit/html report of a run (or of merged shard reports), to `--output` or stdout.
 *
 * @example
 * await writeReport(report, timing, { reporter: "json", output: "run.json" }, io);
 */
export async function writeReport(report: SuiteReport, shownTiming: SuiteTiming | undefined, options: { reporter: Reporter; output?: string | undefined }, io: CliIo): Promise<void> {
  if (options.reporter === "console") return;
  const text =
    options.reporter === "json"
      ? renderJsonReport(report, shownTiming)
      : options.reporter === "html"
        ? (await import("./commands/report.js")).htmlReport({ ...report, ...(shownTiming ? { timing: shownTiming } : {}) })
        : renderJunitReport(report, shownTiming);
  if (options.output !== undefined) writeReportFile(io, options.output, text);
  else io.stdout.write(text);
}

/** 2 for an invalid file, 3 for a crashed run, 1 for a failed expectation, else 0. */
export function exitCodeOf(report: SuiteReport): ExitCode {
  if (report.summary.invalid > 0) return EXIT_CODES.invalid;
  if (report.scenarios.some((s) => s.error !== null)) return EXIT_CODES.internal;
  return report.summary.failed > 0 ? EXIT_CODES.failed : EXIT_CODES.ok;
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
