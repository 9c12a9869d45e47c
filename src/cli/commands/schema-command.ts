// `gateway-sim schema`: prints the JSON Schema of scenario files, or with --report that of the JSON
// report (or writes it with --output).
import { renderScenarioJsonSchema } from "../../scenarios/json-schema.js";
import { reportJsonSchema } from "../../scenarios/report/json-report-schema.js";
import { EXIT_CODES, type ExitCode } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { writeReportFile } from "./run-command.js";

/**
 * @example
 * schemaCommand({ output: "schema/scenario.schema.json" }, processIo());
 */
export function schemaCommand(options: { output?: string | undefined; report?: boolean | undefined }, io: CliIo): ExitCode {
  const text = options.report ? `${JSON.stringify(reportJsonSchema(), null, 2)}\n` : renderScenarioJsonSchema();
  if (options.output === undefined) io.stdout.write(text);
  else {
    writeReportFile(io, options.output, text);
    io.stdout.write(`wrote ${options.output}\n`);
  }
  return EXIT_CODES.ok;
}
