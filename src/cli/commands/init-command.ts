// `gateway-sim init [dir]`: writes a starter scenario and the preset it uses, never replacing a
// file that already exists.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { EXIT_CODES, type ExitCode } from "../cli-error.js";
import { CliError } from "../cli-error.js";
import type { CliIo } from "../io.js";
import { STARTER_FILES } from "./starter-files.js";

/**
 * @example
 * initCommand("my-service", processIo()); // writes my-service/scenarios/release-summary.yaml, …
 */
export function initCommand(dir: string, io: CliIo): ExitCode {
  for (const [path, text] of Object.entries(STARTER_FILES)) {
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
  io.stdout.write(`\nnext: npx gateway-sim run ${join(dir, "scenarios")}\n`);
  return EXIT_CODES.ok;
}
