// Where a written scenario's `$schema` comment points: the scenario JSON Schema of the gateway-sim
// that wrote it, relative to the file — schema/ in this repository, node_modules/gateway-sim/schema/
// in a project that installed it — so editors resolve it from wherever the file lands.
import { existsSync } from "node:fs";
import { relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** This module sits in src/replay/ or dist/replay/, two levels below the package root (as the default catalog's path assumes). */
const SCHEMA = fileURLToPath(new URL("../../schema/scenario.schema.json", import.meta.url));

/**
 * The schema's path relative to `dir` (forward slashes), or undefined when the package has no
 * schema file (a trimmed install).
 *
 * @example
 * scenarioSchemaPath("/work/project/incidents"); // "../node_modules/gateway-sim/schema/scenario.schema.json"
 */
export function scenarioSchemaPath(dir: string): string | undefined {
  if (!existsSync(SCHEMA)) return undefined;
  return relative(dir, SCHEMA).split(sep).join("/");
}
