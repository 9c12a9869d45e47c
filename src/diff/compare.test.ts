import { describe, expect, it } from "vitest";
import { compareMetrics, DEFAULT_THRESHOLDS } from "./compare.js";
import type { PresetMetrics } from "./metrics.js";
import { renderDiffMarkdown, renderDiffTable, violations } from "./render-diff.js";

const base: PresetMetrics = {
  requests: 100,
  providerShare: { openai: 1 },
  costPerRequest: 0.0001,
  latencyP50: 800,
  latencyP95: 2000,
  schemaValidRate: undefined,
  healingRate: undefined,
  cacheHitRate: 0.2,
  clientErrorRate: 0,
};

describe("compareMetrics", () => {
  it("flags a cost increase over the limit and leaves the rest alone", () => {
    const after: PresetMetrics = { ...base, providerShare: { "openai-eu": 1 }, costPerRequest: 0.00011, latencyP95: 2100 };
    const rows = compareMetrics(base, after, DEFAULT_THRESHOLDS);
    expect(rows.filter((r) => r.violation).map((r) => r.violation)).toEqual(["cost +10% > +5%"]);
    expect(rows.find((r) => r.metric === "share openai-eu")).toMatchObject({ before: 0, after: 1 });
  });

  it("checks p95, error and cache thresholds, and a preset only one side used", () => {
    const after: PresetMetrics = { ...base, latencyP95: 2300, clientErrorRate: 0.05, cacheHitRate: 0.05 };
    const rows = compareMetrics(base, after, { ...DEFAULT_THRESHOLDS, maxCacheHitDecrease: 0.1 });
    expect(rows.filter((r) => r.violation).map((r) => r.violation)).toEqual(["p95 +15% > +10%", "cache hits −15 pts > −10 pts", "client errors +5 pts > +1 pts"]);
    expect(compareMetrics(undefined, base, DEFAULT_THRESHOLDS).every((r) => r.violation === undefined && r.before === undefined)).toBe(true);
  });
});

describe("render", () => {
  const after: PresetMetrics = { ...base, providerShare: { "openai-eu": 1 }, costPerRequest: 0.00011 };
  const report = { before: "v1", after: "v2", scenarios: [{ file: "s.yaml", name: "s", presets: [{ preset: "triage", rows: compareMetrics(base, after, DEFAULT_THRESHOLDS) }], notes: [] }] };

  it("prints an aligned table with the changes and the broken thresholds", () => {
    const table = renderDiffTable(report);
    expect(table).toContain("s (s.yaml) · preset triage");
    expect(table).toMatch(/share openai-eu +0% +100% +\+100 pts/);
    expect(table).toMatch(/cost \/ request +\$0\.000100 +\$0\.000110 +\+10% +✗ cost \+10% > \+5%/);
    expect(table).toContain("✗ 1 threshold exceeded:\n  s · triage: cost +10% > +5%");
    expect(violations(report)).toHaveLength(1);
  });

  it("lists each scenario's notes before the verdict, in the table and in markdown", () => {
    const noted = { ...report, scenarios: report.scenarios.map((s) => ({ ...s, notes: ['preset "triage" is defined inline'] })) };
    expect(renderDiffTable(noted)).toContain('notes:\n  s (s.yaml): preset "triage" is defined inline\n\n✗ 1 threshold exceeded:');
    expect(renderDiffMarkdown(noted)).toContain('**Notes**\n\n- s (s.yaml): preset "triage" is defined inline');
    expect(renderDiffTable(report)).not.toContain("notes:");
  });

  it("renders markdown for a pull-request comment", () => {
    const md = renderDiffMarkdown(report);
    expect(md).toContain("### Preset rollout: `v1` → `v2`");
    expect(md).toContain("❌ 1 threshold exceeded.");
    expect(md).toContain("| cost / request | $0.000100 | $0.000110 | +10% | ✗ cost +10% > +5% |");
  });
});
