// `gateway-sim report <run.json> [-o report.html]`: turns a JSON run report into the
// self-contained HTML report. `run --reporter html` uses `htmlReport` directly.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadReportAssets } from "../../report-html/assets.js";
import { renderHtmlReport } from "../../report-html/render-html-report.js";
import { type ReportData, reportDataSchema } from "../../report-html/report-data-schema.js";
import { CliError, EXIT_CODES, type ExitCode } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { writeReportFile } from "./run-command.js";

export interface ReportCommandOptions {
  output?: string | undefined;
  title?: string | undefined;
}

/**
 * The HTML text of a report; a missing charting library is a clear error, not a crash.
 *
 * @example
 * writeFileSync("report.html", htmlReport({ ...report, timing }));
 */
export function htmlReport(data: ReportData, title?: string): string {
  const assets = loadReportAssets();
  if (!assets.ok) throw new CliError("E_NOT_FOUND", assets.message);
  return renderHtmlReport(data, assets.assets, title);
}

function readReport(file: string, io: CliIo): ReportData {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(io.cwd, file), "utf8"));
  } catch (error) {
    throw new CliError("E_NOT_FOUND", `cannot read the JSON report ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = reportDataSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "unexpected shape";
    throw new CliError("E_USAGE", `${file} is not a gateway-sim JSON report (run --reporter json): ${where}`);
  }
  return parsed.data;
}

/**
 * @example
 * reportCommand("reports/run.json", { output: "reports/run.html" }, processIo()); // 0
 */
export function reportCommand(file: string, options: ReportCommandOptions, io: CliIo): ExitCode {
  const data = readReport(file, io);
  const output = options.output ?? (file.endsWith(".json") ? `${file.slice(0, -5)}.html` : `${file}.html`);
  const html = htmlReport(data, options.title);
  writeReportFile(io, output, html);
  io.stdout.write(`wrote ${output} (${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB, ${data.summary.requests.toLocaleString("en-US")} requests)\n`);
  return EXIT_CODES.ok;
}
