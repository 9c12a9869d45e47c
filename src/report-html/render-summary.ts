// The server-rendered parts of the HTML report: the run summary cards and, per scenario, each
// expectation with its result and expected against actual. Every report value is escaped.
import { formatSpan, formatUsd } from "../scenarios/expect/format.js";
import { escapeHtml as e } from "./escape-html.js";
import type { ReportData, ScenarioData } from "./report-data-schema.js";

function card(label: string, value: string, cls = ""): string {
  return `<div class="card"><div class="label">${e(label)}</div><div class="value ${cls}">${e(value)}</div></div>`;
}

/**
 * @example
 * renderSummaryCards(report); // '<div class="cards"><div class="card">…'
 */
export function renderSummaryCards(report: ReportData): string {
  const s = report.summary;
  const clientErrors = report.scenarios.reduce((n, x) => n + x.stats.client_errors, 0);
  const wall = report.timing ? formatSpan(report.timing.wall_ms) : "not recorded";
  const speedup = report.timing && report.timing.wall_ms > 0 ? ` (×${Math.round(s.simulated_ms / report.timing.wall_ms).toLocaleString("en-US")})` : "";
  const scenarioParts = [`${s.passed} passed`, s.failed ? `${s.failed} failed` : "", s.invalid ? `${s.invalid} invalid` : ""].filter(Boolean).join(", ");
  return `<div class="cards" id="summary">${[
    card("scenarios", `${s.scenarios}: ${scenarioParts}`, s.failed || s.invalid ? "failed" : "passed"),
    card("expectations passed", String(s.expectations.passed), "passed"),
    card("expectations failed", String(s.expectations.failed), s.expectations.failed ? "failed" : ""),
    card("simulated time", formatSpan(s.simulated_ms)),
    card("wall time", `${wall}${speedup}`),
    card("requests", s.requests.toLocaleString("en-US")),
    card("cost", formatUsd(s.cost_usd)),
    card("client errors", clientErrors.toLocaleString("en-US"), clientErrors ? "failed" : ""),
  ].join("")}</div>`;
}

function expectationRows(s: ScenarioData): string {
  return s.expectations
    .map((x) => {
      const checks =
        x.failures.length === 0
          ? `<td colspan="3" class="muted">all checks held</td>`
          : `<td>${x.failures.map((f) => e(f.check)).join("<br>")}</td><td>${x.failures.map((f) => e(f.expected)).join("<br>")}</td><td>${x.failures
              .map((f) => `${e(f.actual)}${f.failing !== undefined ? ` <span class="muted">(${f.failing} of ${x.selected})</span>` : ""}`)
              .join("<br>")}</td>`;
      const rate = x.pass_rate === null ? "" : ` <span class="muted">${Math.round(x.pass_rate * 1000) / 10}% of seeds</span>`;
      const reproduce = x.reproduce ? `<div class="mono muted">${e(x.reproduce)}</div>` : "";
      return `<tr><td class="${x.passed ? "passed" : "failed"}">${x.passed ? "✓ passed" : "✗ failed"}${rate}</td><td>${e(x.name)}${reproduce}</td><td>${x.selected}</td>${checks}</tr>`;
    })
    .join("\n");
}

/** One scenario: status, stats, issues or error, and its expectations. */
export function renderScenario(s: ScenarioData, index: number): string {
  const stats = `${s.stats.requests.toLocaleString("en-US")} requests · ${formatSpan(s.stats.simulated_ms)} simulated · ${formatUsd(s.stats.cost_usd)} · ${s.stats.client_errors} client errors · seed ${s.seed}${s.runs ? ` · ${s.runs.passed}/${s.runs.seeds} seeds passed` : ""}`;
  const issues = s.issues.map((i) => `<li>${e(`${i.file}:${i.line}:${i.column} ${i.path}: ${i.message}`)}</li>`).join("");
  const explore = s.requests ? ` · <a href="#explorer" data-explore="${index}">requests and charts</a>` : "";
  return `<div class="scenario" id="scenario-${index}">
<h3><span class="${s.status}">${s.status === "passed" ? "✓" : s.status === "failed" ? "✗" : "!"}</span> ${e(s.name)} <span class="muted mono">${e(s.file)}</span></h3>
${s.description ? `<p>${e(s.description)}</p>` : ""}<p class="muted">${e(stats)}${explore}</p>
${issues ? `<ul class="failed">${issues}</ul>` : ""}${s.error ? `<p class="failed">internal error: ${e(s.error)}</p>` : ""}
${s.expectations.length ? `<table class="expectations"><thead><tr><th>result</th><th>expectation</th><th>selected</th><th>check</th><th>expected</th><th>actual</th></tr></thead><tbody>\n${expectationRows(s)}\n</tbody></table>` : ""}
</div>`;
}
