// `gateway-sim validate <files…>`: checks scenario files without running them and lists every
// problem of every file, each located `file:line:column path: message`.
import { formatConfigIssue } from "../../core/load-config.js";
import { loadScenario } from "../../scenarios/load/load-scenario.js";
import { EXIT_CODES, type ExitCode } from "../cli-error.js";
import { collectScenarioFiles } from "../collect-files.js";
import type { CliIo } from "../io.js";

/**
 * @example
 * const code = validateCommand(["scenarios"], processIo()); // 0 when every file is valid, else 2
 */
export function validateCommand(paths: readonly string[], io: CliIo): ExitCode {
  const files = collectScenarioFiles(paths, io.cwd);
  let invalid = 0;
  let problems = 0;
  for (const file of files) {
    const loaded = loadScenario(file);
    if (loaded.ok) {
      io.stdout.write(`✓ ${file}\n`);
      continue;
    }
    invalid++;
    problems += loaded.issues.length;
    io.stdout.write(`✗ ${file} (${loaded.issues.length} problem${loaded.issues.length === 1 ? "" : "s"})\n`);
    for (const issue of loaded.issues) io.stdout.write(`  ${formatConfigIssue(issue)}\n`);
  }
  const summary = invalid === 0 ? `${files.length} valid` : `${invalid} of ${files.length} invalid, ${problems} problems`;
  io.stdout.write(`\n${files.length} scenario file${files.length === 1 ? "" : "s"}: ${summary}\n`);
  return invalid === 0 ? EXIT_CODES.ok : EXIT_CODES.invalid;
}
