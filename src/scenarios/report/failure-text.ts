// Failure details as plain lines, shared by the console and JUnit reporters.
import { formatConfigIssue } from "../../core/load-config.js";
import { describeFailure } from "../expect/result.js";
import type { ExpectationReport, ScenarioReport } from "./types.js";

/** The lines under a failed expectation: each check, its example requests, the reproduce command. */
export function expectationFailureLines(e: ExpectationReport): string[] {
  const lines: string[] = [];
  if (e.pass_rate !== null) lines.push(`passed on ${Math.round(e.pass_rate * 1000) / 10}% of seeds; failures below are from seed ${e.seed}`);
  for (const f of e.failures) {
    lines.push(describeFailure(f, e.selected));
    for (const ex of f.examples ?? []) lines.push(`  ${ex.request}: ${ex.actual}`);
  }
  if (e.reproduce) lines.push(`reproduce: ${e.reproduce}`);
  return lines;
}

/** The lines for a snapshot that did not match, or was missing in CI mode. */
export function snapshotFailureLines(s: ScenarioReport): string[] {
  const snap = s.snapshot;
  if (!snap || (snap.status !== "mismatch" && snap.status !== "missing")) return [];
  const head = snap.status === "missing" ? `routing snapshot missing: ${snap.file}` : `routing snapshot differs: ${snap.file}`;
  return [head, ...(snap.diff ?? []).map((l) => `  ${l}`), `accept the new decisions: npx gateway-sim run ${s.file} --update-snapshots`];
}

/** The error that stopped a run, if one did. */
export function errorLines(s: ScenarioReport): string[] {
  return s.error ? [`internal error: ${s.error}`, `reproduce: npx gateway-sim run ${s.file} --seed ${s.seed}`] : [];
}

/** One line per located issue of an invalid scenario. */
export function issueLines(s: ScenarioReport): string[] {
  return s.issues.map(formatConfigIssue);
}
