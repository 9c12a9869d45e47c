// The diff report as a console table and as markdown for a pull-request comment.
import { formatDuration } from "../core/duration.js";
import type { MetricKind, MetricRow } from "./compare.js";

export interface DiffReport {
  before: string;
  after: string;
  scenarios: {
    file: string;
    name: string;
    presets: { preset: string; rows: MetricRow[] }[];
    /** What the reader must know to trust the comparison (an inline preset winning over the folder's…). */
    notes: string[];
  }[];
}

/** Every note, as `scenario (file): note`. */
function notes(report: DiffReport): string[] {
  return report.scenarios.flatMap((s) => s.notes.map((n) => `${s.name} (${s.file}): ${n}`));
}

/** Every broken threshold, as `scenario · preset: text`. */
export function violations(report: DiffReport): string[] {
  return report.scenarios.flatMap((s) => s.presets.flatMap((p) => p.rows.flatMap((r) => (r.violation ? [`${s.name} · ${p.preset}: ${r.violation}`] : []))));
}

function value(kind: MetricKind, n: number | undefined): string {
  if (n === undefined) return "–";
  switch (kind) {
    case "share":
    case "rate":
      return `${Math.round(n * 1000) / 10}%`;
    case "usd":
      return `$${n.toPrecision(3)}`;
    case "ms":
      return formatDuration(Math.round(n));
    case "count":
      return String(n);
  }
}

function change(row: MetricRow): string {
  const { before: b, after: a } = row;
  if (a === undefined || b === undefined) return "–";
  const sign = (n: number): string => (n > 0 ? "+" : n < 0 ? "−" : "±");
  if (row.kind === "share" || row.kind === "rate") {
    const d = Math.round((a - b) * 1000) / 10;
    return `${sign(d)}${Math.abs(d)} pts`;
  }
  if (row.kind === "count") return `${sign(a - b)}${Math.abs(a - b)}`;
  if (b === 0) return a === 0 ? "±0%" : "new";
  const r = Math.round(((a - b) / b) * 1000) / 10;
  return `${sign(r)}${Math.abs(r)}%`;
}

function cells(row: MetricRow): string[] {
  return [row.metric, value(row.kind, row.before), value(row.kind, row.after), change(row), row.violation ? `✗ ${row.violation}` : ""];
}

const HEADER = ["metric", "before", "after", "change", ""];

/**
 * @example
 * io.stdout.write(renderDiffTable(report));
 */
export function renderDiffTable(report: DiffReport): string {
  const out = [`presets: ${report.before} → ${report.after}`, ""];
  for (const s of report.scenarios) {
    for (const p of s.presets) {
      const rows = [HEADER, ...p.rows.map(cells)];
      const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
      out.push(`${s.name} (${s.file}) · preset ${p.preset}`);
      for (const r of rows)
        out.push(
          `  ${r
            .map((c, i) => c.padEnd(widths[i] ?? 0))
            .join("  ")
            .trimEnd()}`,
        );
      out.push("");
    }
  }
  const noted = notes(report);
  if (noted.length > 0) out.push("notes:", ...noted.map((n) => `  ${n}`), "");
  const broken = violations(report);
  out.push(broken.length === 0 ? "✓ every change is within the thresholds" : `✗ ${broken.length} threshold${broken.length === 1 ? "" : "s"} exceeded:`);
  for (const v of broken) out.push(`  ${v}`);
  return `${out.join("\n")}\n`;
}

/**
 * @example
 * writeFileSync("diff.md", renderDiffMarkdown(report)); // post as a pull-request comment
 */
export function renderDiffMarkdown(report: DiffReport): string {
  const broken = violations(report);
  const out = [
    `### Preset rollout: \`${report.before}\` → \`${report.after}\``,
    "",
    broken.length === 0 ? "✅ Every change is within the thresholds." : `❌ ${broken.length} threshold${broken.length === 1 ? "" : "s"} exceeded.`,
    "",
  ];
  for (const s of report.scenarios) {
    for (const p of s.presets) {
      out.push(`#### ${s.name} · \`${p.preset}\``, "", "| metric | before | after | change | |", "| --- | ---: | ---: | ---: | --- |");
      for (const r of p.rows)
        out.push(
          `| ${cells(r)
            .map((c) => c.replace(/\|/g, "\\|"))
            .join(" | ")} |`,
        );
      out.push("");
    }
  }
  const noted = notes(report);
  if (noted.length > 0) out.push("**Notes**", "", ...noted.map((n) => `- ${n}`), "");
  return `${out.join("\n")}`;
}
