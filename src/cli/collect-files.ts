// Expands the paths given on the command line into scenario files; a missing path or an empty
// folder is a usage error.
import { findScenarioFiles, SCENARIO_EXTENSIONS } from "../scenarios/load/find-scenario-files.js";
import { CliError } from "./cli-error.js";

/**
 * @example
 * collectScenarioFiles(["scenarios"], process.cwd()); // ["scenarios/ignore-deepinfra.yaml", …]
 */
export function collectScenarioFiles(paths: readonly string[], cwd: string): string[] {
  const { files, missing } = findScenarioFiles(paths, cwd);
  if (missing.length > 0) throw new CliError("E_NOT_FOUND", `no such file or folder: ${missing.join(", ")}`);
  if (files.length === 0) throw new CliError("E_NO_SCENARIOS", `no scenario files (${SCENARIO_EXTENSIONS.join(", ")}) in ${paths.join(", ")}`);
  return files;
}
