// `gateway-sim merge-reports <json…> --reporter console|json|junit|html [--output f]`: the shards of
// a CI matrix (`run --shard i/n --reporter json`) joined into one report, as one run would give it.
import { type Command, Option } from "commander";
import { z } from "zod";
import { renderScenarioBlock, renderSummary } from "../../scenarios/report/console-reporter.js";
import { JSON_REPORT_VERSION } from "../../scenarios/report/json-reporter.js";
import { mergeReports, type ShardReport } from "../../scenarios/report/merge-reports.js";
import type { SuiteReport } from "../../scenarios/report/types.js";
import { reportDataSchema } from "../../report-html/report-data-schema.js";
import { CliError, type ExitCode } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { readJsonFile } from "../read-json-file.js";
import { type Reporter, REPORTERS } from "../reporters.js";
import { exitCodeOf, writeReport } from "../write-report.js";

const shardInfoSchema = z.strictObject({ index: z.number().int().min(1), count: z.number().int().min(1), files: z.array(z.string()) });

export interface MergeReportsOptions {
  reporter: Reporter;
  output?: string | undefined;
  color: boolean;
}

/** A shard's JSON report, or a located error: file:line:column for bad JSON, the JSON path for a bad shape. */
export function readShardReport(file: string, cwd: string): ShardReport {
  const json = readJsonFile(file, cwd);
  const parsed = reportDataSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)";
    throw new CliError("E_INVALID_INPUT", `${file}: not a gateway-sim JSON report (run --reporter json): at ${where}: ${issue?.message ?? "unexpected shape"}`);
  }
  if (parsed.data.version !== undefined && parsed.data.version !== JSON_REPORT_VERSION) {
    throw new CliError("E_INVALID_INPUT", `${file}: at version: report format ${parsed.data.version}, this gateway-sim reads ${JSON_REPORT_VERSION}`);
  }
  // The schema strips what it does not know; the report itself is kept whole, every field as written.
  const whole = json as SuiteReport & { timing?: ShardReport["timing"] };
  const shard = shardInfoSchema.safeParse(whole.shard);
  if (whole.shard !== undefined && !shard.success) throw new CliError("E_INVALID_INPUT", `${file}: at shard: expected { index, count, files } as run --shard writes it`);
  return { source: file, report: { summary: whole.summary, scenarios: whole.scenarios, ...(shard.success ? { shard: shard.data } : {}) }, timing: whole.timing };
}

/**
 * @example
 * await mergeReportsCommand(["shard-1.json", "shard-2.json"], { reporter: "junit", output: "all.xml", color: false }, processIo());
 */
export async function mergeReportsCommand(files: readonly string[], options: MergeReportsOptions, io: CliIo): Promise<ExitCode> {
  const merged = mergeReports(files.map((file) => readShardReport(file, io.cwd)));
  if (!merged.ok) throw new CliError("E_INVALID_INPUT", merged.message);
  const { report, timing } = merged;
  if (options.reporter === "console" || options.output !== undefined) {
    const style = { color: options.color && io.stdout.isTTY === true && io.env.NO_COLOR === undefined };
    for (const scenario of report.scenarios) io.stdout.write(renderScenarioBlock(scenario, style));
    io.stdout.write(renderSummary(report.summary, timing, style));
  }
  await writeReport(report, timing, options, io);
  return exitCodeOf(report);
}

export function registerMergeReportsCommand(program: Command, io: CliIo, setExit: (code: ExitCode) => void): void {
  program
    .command("merge-reports")
    .description("join the JSON reports of a sharded run (run --shard i/n --reporter json) into one report, as one run would give it")
    .argument("<reports...>", "JSON reports, one per shard")
    .addOption(new Option("--reporter <name>", "report format").choices(REPORTERS).default("console"))
    .option("--output <file>", "write the json/junit/html report to a file (the console report still prints)")
    .option("--no-color", "no colours")
    .action(async (files: string[], options: MergeReportsOptions) => setExit(await mergeReportsCommand(files, options, io)));
}
