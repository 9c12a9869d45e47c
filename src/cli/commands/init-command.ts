// `gateway-sim init [dir]`: writes a starter scenario and the preset it uses, never replacing a
// file that already exists. The scenario's `$schema` is a path from where it lands to the schema of
// the installed gateway-sim, and its comment names the same next command the CLI prints.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { EXIT_CODES, type ExitCode } from "../cli-error.js";
import { CliError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { STARTER_SCENARIO, starterFiles } from "./starter-files.js";

/** This gateway-sim's own schema file (src/cli/commands and dist/cli/commands sit at the same depth). */
const OWN_SCHEMA = fileURLToPath(new URL("../../../schema/scenario.schema.json", import.meta.url));

/**
 * The schema a scenario in `scenarioDir` should point at: the project's installed gateway-sim when
 * there is one (npx may run a copy from its cache), else the schema of the running gateway-sim.
 */
export function schemaPathFrom(scenarioDir: string, cwd: string): string {
  const installed = join(cwd, "node_modules", "gateway-sim", "schema", "scenario.schema.json");
  const target = existsSync(installed) ? installed : OWN_SCHEMA;
  return relative(scenarioDir, target).split(sep).join("/");
}

/**
 * @example
 * initCommand("my-service", processIo()); // writes my-service/scenarios/release-summary.yaml, …
 */
export function initCommand(dir: string, io: CliIo): ExitCode {
  const scenariosDir = join(dir, "scenarios");
  const runCommand = `npx gateway-sim run ${scenariosDir.split(sep).join("/")}/`;
  const schemaPath = schemaPathFrom(resolve(io.cwd, dirname(join(dir, STARTER_SCENARIO))), io.cwd);
  for (const [path, text] of Object.entries(starterFiles({ schemaPath, runCommand }))) {
    const shown = join(dir, path);
    const target = resolve(io.cwd, shown);
    if (existsSync(target)) {
      io.stdout.write(`exists, left unchanged: ${shown}\n`);
      continue;
    }
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text, { flag: "wx" });
    } catch (error) {
      throw new CliError("E_WRITE_FAILED", `cannot write ${shown}: ${error instanceof Error ? error.message : String(error)}`);
    }
    io.stdout.write(`wrote ${shown}\n`);
  }
  io.stdout.write(`\nnext: ${runCommand}\n`);
  return EXIT_CODES.ok;
}
