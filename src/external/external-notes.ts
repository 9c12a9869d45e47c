// What `run` and `validate --gateway` say about a scenario played through an outside gateway before
// any verdict: where it goes, at what speed, the latency tolerance, and every check it cannot judge.
import { formatDuration } from "../core/duration.js";
import { formatConfigIssue } from "../core/load-config.js";
import type { LoadedScenario } from "../scenarios/load/loaded-scenario.js";
import { type GatewayOverrides, resolveGatewayTarget } from "./gateway-target.js";
import { notJudgeableIssues } from "./judgeable.js";
import { loadScenario } from "../scenarios/load/load-scenario.js";

/**
 * Lines for one scenario; empty when it runs on the built-in gateway.
 *
 * @example
 * externalNotes(loaded, { url: "http://127.0.0.1:8787" }); // ["outside gateway: …", "  ✗ s.yaml:12:5 …"]
 */
export function externalNotes(scenario: LoadedScenario, overrides: GatewayOverrides | "builtin"): string[] {
  const target = overrides === "builtin" ? undefined : resolveGatewayTarget(scenario.spec.gateway, overrides);
  if (!target) return [];
  const lines = [
    `${scenario.file}: outside gateway ${target.url} (${target.api}), ${target.speed}× speed; latency bounds widened by ${formatDuration(target.latencyToleranceMs)} for the gateway's own time`,
  ];
  for (const issue of notJudgeableIssues(scenario.file, scenario.spec.expectations, scenario.spec.snapshot)) lines.push(`  ✗ ${formatConfigIssue(issue)}`);
  return lines;
}

/** The notes of every valid scenario file among `files` (invalid ones are reported by the run). */
export function externalNotesOfFiles(files: readonly string[], overrides: GatewayOverrides): string[] {
  return files.flatMap((file) => {
    const loaded = loadScenario(file);
    return loaded.ok ? externalNotes(loaded.scenario, overrides) : [];
  });
}
