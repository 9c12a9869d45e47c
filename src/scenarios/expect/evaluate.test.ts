import { describe, expect, it } from "vitest";
import { expectationSchema } from "../schema/expectations.js";
import { createEvaluator } from "./evaluate.js";
import { makeOutcome } from "./outcome.fixture.js";
import type { RunFacts } from "./outcome.js";

const noFacts: RunFacts = { incidents: {} };
const parse = (input: unknown) => expectationSchema.parse(input);

describe("createEvaluator — per-request checks", () => {
  it("passes when every selected request matches", () => {
    const ev = createEvaluator(parse({ name: "cheapest", request: "extract", selected_provider: "openai", ranked_order: ["openai", "openai-eu"] }), noFacts);
    ev.observe(makeOutcome(0));
    ev.observe(makeOutcome(1));
    expect(ev.finish()).toMatchObject({ passed: true, selected: 2, failures: [] });
  });

  it("reports expected vs actual, how many failed and the first examples", () => {
    const ev = createEvaluator(parse({ name: "cheapest", selected_provider: "openai" }), noFacts);
    ev.observe(makeOutcome(0));
    ev.observe(makeOutcome(1, { selected_provider: "openai-eu" }));
    ev.observe(makeOutcome(2, { selected_provider: "openai-eu" }));
    const result = ev.finish();
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([
      {
        check: "selected_provider",
        expected: "openai",
        actual: "openai-eu",
        failing: 2,
        examples: [
          { request: '#1 "extract" at 1s (G-0001)', actual: "openai-eu" },
          { request: '#2 "extract" at 2s (G-0002)', actual: "openai-eu" },
        ],
      },
    ]);
  });

  it("checks attempts, failover path, exclusions, healing and cache", () => {
    const attempts = [
      { attempt: 1, provider: "openai", outcome: "retryable_error" as const, status: 503, duration_ms: 100 },
      { attempt: 2, provider: "openai-eu", outcome: "success" as const, status: 200, duration_ms: 700 },
    ];
    const healing = {
      id: "response-healing",
      stage: "response.post_provider" as const,
      changed: true,
      status: "applied" as const,
      metadata: { attempted: true, healed: true, mode: "safe", transforms_applied: ["strip_markdown_fence"] },
    };
    const ev = createEvaluator(
      parse({
        name: "fails over",
        attempts: [
          { provider: "openai", outcome: "retryable_error", status: 503 },
          { provider: "openai-eu", outcome: "success" },
        ],
        failover_path: ["openai", "openai-eu"],
        excluded: { deepinfra: "listed_in_provider.ignore" },
        healing: { status: "applied", transforms: ["strip_markdown_fence"] },
        cache: "miss",
      }),
      noFacts,
    );
    ev.observe(makeOutcome(0, { attempts, plugin_executions: [healing], selected_provider: "openai-eu" }));
    expect(ev.finish().failures).toEqual([]);

    const bad = createEvaluator(parse({ name: "x", failover_path: ["openai", "openai-eu"], healing: { status: "failed", reason: "truncated" }, cache: { status: "hit" } }), noFacts);
    bad.observe(makeOutcome(0));
    const checks = bad.finish().failures.map((f) => [f.check, f.expected, f.actual]);
    expect(checks).toEqual([
      ["failover_path", "openai → openai-eu", "openai success 200"],
      ["healing", "failed (truncated)", "none (plugin did not run)"],
      ["cache", "hit", "miss"],
    ]);
  });

  it("fails an expectation that selects nothing, naming the selection", () => {
    const ev = createEvaluator(parse({ name: "late", window: { from: "10m" }, status: "completed" }), noFacts);
    ev.observe(makeOutcome(0));
    expect(ev.finish().failures).toEqual([{ check: "selection", expected: "at least one of the requests from 10m", actual: "no request selected" }]);
  });

  it("selects by index and by time window", () => {
    const byIndex = createEvaluator(parse({ name: "i", request: 1, selected_provider: "openai-eu" }), noFacts);
    const byWindow = createEvaluator(parse({ name: "w", window: { from: "1s", to: "2s" }, selected_provider: "openai-eu" }), noFacts);
    for (const o of [makeOutcome(0), makeOutcome(1, { selected_provider: "openai-eu" }), makeOutcome(2)]) {
      byIndex.observe(o);
      byWindow.observe(o);
    }
    expect(byIndex.finish()).toMatchObject({ passed: true, selected: 1 });
    expect(byWindow.finish()).toMatchObject({ passed: true, selected: 1 });
  });
});

describe("createEvaluator — aggregate checks", () => {
  const outcomes = [
    makeOutcome(0, { latency_ms: 100, ttft_ms: 50, cost_usd: 0.001 }),
    makeOutcome(1, { latency_ms: 200, ttft_ms: 60, cost_usd: 0.002 }),
    makeOutcome(2, { latency_ms: 300, ttft_ms: 70, cost_usd: 0.003, selected_provider: "openai-eu" }),
    makeOutcome(3, { latency_ms: 4000, ttft_ms: null, cost_usd: 0, status: "failed", http_status: 502, selected_provider: null, error_code: "upstream_error" }),
  ];
  const run = (input: Record<string, unknown>) => {
    const ev = createEvaluator(parse({ name: "agg", ...input }), noFacts);
    outcomes.forEach((o) => ev.observe(o));
    return ev.finish();
  };

  it("measures provider share against a tolerance", () => {
    expect(run({ provider_share: { openai: { equals: 0.5, tolerance: 0.01 } } }).passed).toBe(true);
    expect(run({ provider_share: { openai: { min: 0.9 } } }).failures[0]).toEqual({
      check: "provider_share.openai",
      expected: ">= 90%",
      actual: "50% (all: openai 50%, openai-eu 25%)",
    });
  });

  it("measures client error rate, latency percentiles and cost", () => {
    expect(run({ client_error_rate: { max: 0.25 } }).passed).toBe(true);
    expect(run({ client_error_rate: { max: 0.1 } }).failures[0]?.actual).toBe("25% (1 of 4 requests)");
    expect(run({ latency: { total: { p50: { max: "200ms" } }, ttft: { max: { max: "70ms" } } } }).passed).toBe(true);
    expect(run({ latency: { total: { p99: { max: "1s" } } } }).failures[0]).toMatchObject({ check: "latency.total.p99", expected: "<= 1s", actual: "4s" });
    expect(run({ cost: { total: { max: 0.006 }, mean: { equals: 0.0015 } } }).passed).toBe(true);
    expect(run({ cost: { per_request: { max: 0.0025 } } }).failures[0]).toMatchObject({ check: "cost.per_request", failing: 1, actual: "$0.003" });
  });

  it("computes the schema-valid rate over structured-output requests only", () => {
    const ev = createEvaluator(parse({ name: "valid", schema_valid_rate: { min: 0.5 } }), noFacts);
    ev.observe(makeOutcome(0, {}, { schemaValid: true }));
    ev.observe(makeOutcome(1, {}, { schemaValid: false }));
    ev.observe(makeOutcome(2, {}, { schemaValid: null }));
    expect(ev.finish().passed).toBe(true);
    const strict = createEvaluator(parse({ name: "valid", schema_valid_rate: { min: 0.9 } }), noFacts);
    strict.observe(makeOutcome(0, {}, { schemaValid: false }));
    expect(strict.finish().failures[0]?.actual).toBe("0% (0 of 1)");
  });
});

describe("createEvaluator — failover within a deadline", () => {
  const facts: RunFacts = { incidents: { "openai-503": { provider: "openai", startMs: 60_000, endMs: 300_000 } } };
  const spec = { name: "fails over", failover: { from: "openai", incident: "openai-503", within: "30s" } };

  it("passes when traffic has left the provider by the deadline", () => {
    const ev = createEvaluator(parse(spec), facts);
    ev.observe(makeOutcome(0, {}, { offsetMs: 10_000 }));
    ev.observe(makeOutcome(1, { status: "failed", http_status: 502, selected_provider: null }, { offsetMs: 65_000 }));
    ev.observe(makeOutcome(2, { selected_provider: "openai-eu" }, { offsetMs: 95_000 }));
    ev.observe(makeOutcome(3, {}, { offsetMs: 310_000 }));
    expect(ev.finish()).toMatchObject({ passed: true });
  });

  it("fails with the requests still on the provider after the deadline", () => {
    const ev = createEvaluator(parse(spec), facts);
    ev.observe(makeOutcome(0, { selected_provider: "openai-eu" }, { offsetMs: 80_000 }));
    ev.observe(makeOutcome(1, {}, { offsetMs: 120_000 }));
    const [failure] = ev.finish().failures;
    expect(failure).toMatchObject({ check: "failover", failing: 1, actual: "requests still on openai or failing 1m after the incident started" });
    expect(failure?.expected).toContain("every request from 90s on");
  });

  it("fails when no request arrives after the deadline", () => {
    const ev = createEvaluator(parse(spec), facts);
    ev.observe(makeOutcome(0, {}, { offsetMs: 10_000 }));
    expect(ev.finish().failures[0]?.actual).toContain("no request was sent");
  });
});
