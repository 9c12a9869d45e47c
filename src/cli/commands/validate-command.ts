// `gateway-sim validate <files…>`: checks scenario files without running them and lists every
// problem of every file, each located `file:line:column path: message`.
import { formatConfigIssue } from "../../core/load-config.js";
import { loadScenario } from "../../scenarios/load/load-scenario.js";
import { externalNotes } from "../../external/external-notes.js";
import { EXIT_CODES, type ExitCode } from "../cli-error.js";
import { collectScenarioFiles } from "../collect-files.js";
import type { CliIo } from "../io.js";

/**
 * @example
 * const code = validateCommand(["scenarios"], processIo()); // 0 when every file is valid, else 2
 */
export function validateCommand(paths: readonly string[], io: CliIo, gateway = false): ExitCode {
  const files = collectScenarioFiles(paths, io.cwd);
  let invalid = 0;
  let problems = 0;
  let unjudgeable = 0;
  for (const file of files) {
    const loaded = loadScenario(file);
    if (loaded.ok) {
      // With --gateway, a file is judged as an outside gateway would run it: unjudgeable checks listed.
      const notes = gateway ? externalNotes(loaded.scenario, { url: loaded.scenario.spec.gateway?.url ?? "http://outside-gateway" }) : [];
      io.stdout.write(`✓ ${file}\n`);
      for (const line of notes.slice(1)) io.stdout.write(`${line}\n`);
      unjudgeable += Math.max(0, notes.length - 1);
      continue;
    }
    invalid++;
    problems += loaded.issues.length;
    io.stdout.write(`✗ ${file} (${loaded.issues.length} problem${loaded.issues.length === 1 ? "" : "s"})\n`);
    for (const issue of loaded.issues) io.stdout.write(`  ${formatConfigIssue(issue)}\n`);
  }
  const summary = invalid === 0 ? `${files.length} valid` : `${invalid} of ${files.length} invalid, ${problems} problems`;
  const outside = !gateway ? "" : `; ${unjudgeable} check${unjudgeable === 1 ? "" : "s"} not judgeable through an outside gateway`;
  io.stdout.write(`\n${files.length} scenario file${files.length === 1 ? "" : "s"}: ${summary}${outside}\n`);
  return invalid === 0 ? EXIT_CODES.ok : EXIT_CODES.invalid;
}
