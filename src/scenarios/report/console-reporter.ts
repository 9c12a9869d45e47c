// The human report: one block per scenario as it finishes, then a summary that sets simulated
// time against wall time.
import { formatSpan, formatUsd } from "../expect/format.js";
import { errorLines, expectationFailureLines, issueLines, snapshotFailureLines } from "./failure-text.js";
import type { ScenarioReport, SuiteSummary, SuiteTiming } from "./types.js";

export interface ConsoleStyle {
  color: boolean;
}

const plural = (n: number, word: string): string => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

const paint = (style: ConsoleStyle, code: number, text: string): string => (style.color ? `\u001b[${code}m${text}\u001b[0m` : text);

/**
 * The block for one scenario.
 *
 * @example
 * process.stdout.write(renderScenarioBlock(report, { color: false }));
 */
export function renderScenarioBlock(s: ScenarioReport, style: ConsoleStyle): string {
  const mark = s.status === "passed" ? paint(style, 32, "✓") : s.status === "failed" ? paint(style, 31, "✗") : paint(style, 33, "!");
  const stats =
    s.status === "invalid"
      ? "invalid scenario file"
      : `${plural(s.expectations.length, "expectation")}, ${plural(s.stats.requests, "request")}, ${formatSpan(s.stats.simulated_ms)} simulated${s.runs ? `, ${s.runs.passed}/${s.runs.seeds} seeds passed` : ""}`;
  const lines = [`${mark} ${s.name} ${paint(style, 2, `(${s.file}: ${stats})`)}`];
  for (const issue of issueLines(s)) lines.push(`    ${issue}`);
  for (const l of errorLines(s)) lines.push(`    ${paint(style, 31, l)}`);
  for (const e of s.expectations) {
    if (e.passed) continue;
    lines.push(`  ${paint(style, 31, "✗")} ${e.name}`);
    for (const l of expectationFailureLines(e)) lines.push(`      ${l.startsWith("reproduce:") ? paint(style, 36, l) : l}`);
  }
  const snap = snapshotFailureLines(s);
  if (snap.length > 0) {
    lines.push(`  ${paint(style, 31, "✗")} ${snap[0]}`);
    for (const l of snap.slice(1)) lines.push(`      ${l}`);
  } else if (s.snapshot?.status === "written" || s.snapshot?.status === "updated") {
    lines.push(`  ${paint(style, 2, `snapshot ${s.snapshot.status}: ${s.snapshot.file}`)}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The closing summary.
 *
 * @example
 * renderSummary(summary, timing, { color: false });
 * // "3 scenarios: 3 passed · 12 expectations: 12 passed\n1,204 requests · $0.0312 · 1h5m simulated in 2.41s wall (×1618)\n"
 */
export function renderSummary(summary: SuiteSummary, timing: SuiteTiming | undefined, style: ConsoleStyle): string {
  const scen = [`${summary.passed} passed`];
  if (summary.failed) scen.push(paint(style, 31, `${summary.failed} failed`));
  if (summary.invalid) scen.push(paint(style, 33, `${summary.invalid} invalid`));
  const exp = [`${summary.expectations.passed} passed`];
  if (summary.expectations.failed) exp.push(paint(style, 31, `${summary.expectations.failed} failed`));
  const line1 = `${plural(summary.scenarios, "scenario")}: ${scen.join(", ")} · ${plural(summary.expectations.passed + summary.expectations.failed, "expectation")}: ${exp.join(", ")}`;
  let line2 = `${plural(summary.requests, "request")} · ${formatUsd(summary.cost_usd)} · ${formatSpan(summary.simulated_ms)} simulated`;
  if (timing) {
    const speedup = timing.wall_ms > 0 ? ` (×${Math.round(summary.simulated_ms / timing.wall_ms).toLocaleString("en-US")})` : "";
    line2 += ` in ${formatSpan(timing.wall_ms)} wall${speedup}`;
  }
  return summary.requests > 0 ? `\n${line1}\n${line2}\n` : `\n${line1}\n`;
}
