// `gateway-sim diff --before <presets dir | git revision> --after <…> <scenarios…>`: the same
// traffic and seeds through two preset versions, compared per preset and scenario; thresholds
// decide the exit code (1 when one is exceeded), for a CI gate on preset rollouts. A version's folder
// stands in for each scenario's `presets_dir`; a git revision also supplies the scenario files'
// own inline presets as they were at it (src/diff/load-scenario-pair.ts has the rules).
import { type Command, InvalidArgumentError, Option } from "commander";
import { formatConfigIssue } from "../../core/load-config.js";
import type { PresetSource } from "../../diff/preset-source.js";
import { CliError, EXIT_CODES, type ExitCode } from "../cli-error.js";
import { collectScenarioFiles } from "../collect-files.js";
import type { CliIo } from "../io.js";
import { writeReportFile } from "./run-command.js";

export const DIFF_FORMATS = ["table", "markdown"] as const;

export interface DiffCommandOptions {
  before: string;
  after: string;
  presets: string;
  format: (typeof DIFF_FORMATS)[number];
  output?: string | undefined;
  seed?: string | undefined;
  maxCostIncrease: number;
  maxP95Increase: number;
  maxErrorRateIncrease: number;
  maxSchemaValidDecrease?: number | undefined;
  maxCacheHitDecrease?: number | undefined;
}

/** "5%" or "0.05" → 0.05. */
function percentage(value: string): number {
  const n = value.endsWith("%") ? Number(value.slice(0, -1)) / 100 : Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a percentage such as "5%" (or a share such as 0.05)');
  return n;
}

async function source(spec: string, which: string, options: DiffCommandOptions, io: CliIo): Promise<Extract<PresetSource, { ok: true }>> {
  const { resolvePresetSource } = await import("../../diff/preset-source.js");
  const resolved = await resolvePresetSource(spec, { cwd: io.cwd, presetsPath: options.presets });
  if (!resolved.ok) throw new CliError("E_NOT_FOUND", `${which}: ${resolved.message}`);
  return resolved;
}

/**
 * @example
 * const code = await diffCommand(["scenarios/support.yaml"], { before: "main", after: "presets", presets: "presets", format: "table", maxCostIncrease: 0.05, maxP95Increase: 0.1, maxErrorRateIncrease: 0.01 }, processIo());
 */
export async function diffCommand(paths: readonly string[], options: DiffCommandOptions, io: CliIo): Promise<ExitCode> {
  const files = collectScenarioFiles(paths, io.cwd);
  const { runDiff } = await import("../../diff/run-diff.js");
  const { renderDiffMarkdown, renderDiffTable, violations } = await import("../../diff/render-diff.js");
  const before = await source(options.before, "--before", options, io);
  try {
    const after = await source(options.after, "--after", options, io);
    try {
      const result = await runDiff({ files, before, after, seed: options.seed, thresholds: options });
      if (!result.ok) {
        for (const issue of result.issues) io.stderr.write(`${formatConfigIssue(issue)}\n`);
        return EXIT_CODES.invalid;
      }
      const text = options.format === "markdown" ? renderDiffMarkdown(result.report) : renderDiffTable(result.report);
      if (options.output !== undefined) writeReportFile(io, options.output, text);
      else io.stdout.write(text);
      return violations(result.report).length > 0 ? EXIT_CODES.failed : EXIT_CODES.ok;
    } finally {
      after.cleanup();
    }
  } finally {
    before.cleanup();
  }
}

/** Adds `diff` to the program (src/cli/program.ts). */
export function registerDiffCommand(program: Command, io: CliIo, setExit: (code: ExitCode) => void): void {
  program
    .command("diff")
    .description("run scenarios through two preset versions and compare them; exit 1 when a threshold is exceeded")
    .argument("<scenarios...>", "scenario files or folders")
    .requiredOption("--before <presets>", "the current presets: a folder or a git revision (whose scenario files' inline presets are used too)")
    .requiredOption("--after <presets>", "the proposed presets: a folder or a git revision (whose scenario files' inline presets are used too)")
    .option("--presets <path>", "the presets folder inside the repository, for git revisions", "presets")
    .addOption(new Option("--format <format>", "output format").choices(DIFF_FORMATS).default("table"))
    .option("--output <file>", "write the report to a file")
    .option("--seed <seed>", "override every scenario's seed (both versions use it)")
    .option("--max-cost-increase <pct>", "largest allowed increase of the cost per request", percentage, 0.05)
    .option("--max-p95-increase <pct>", "largest allowed increase of the p95 latency", percentage, 0.1)
    .option("--max-error-rate-increase <pts>", "largest allowed rise of the client error rate, in percentage points", percentage, 0.01)
    .option("--max-schema-valid-decrease <pts>", "largest allowed fall of the schema-valid rate, in percentage points", percentage)
    .option("--max-cache-hit-decrease <pts>", "largest allowed fall of the cache hit rate, in percentage points", percentage)
    .action(async (paths: string[], options: DiffCommandOptions) => setExit(await diffCommand(paths, options, io)));
}
