// The version printed by `gateway-sim --version`: read from the package's own package.json.
import { readFileSync } from "node:fs";

/**
 * @example
 * packageVersion(); // "0.1.0"
 */
export function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  return typeof pkg === "object" && pkg !== null && "version" in pkg ? String(pkg.version) : "0.0.0";
}

/** `gateway-sim --version` (or `-V`) and nothing else: answered without loading the command line. */
export function isVersionOnly(argv: readonly string[]): boolean {
  return argv.length > 0 && argv.every((arg) => arg === "--version" || arg === "-V");
}
