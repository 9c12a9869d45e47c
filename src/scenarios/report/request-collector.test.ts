import { describe, expect, it } from "vitest";
import { makeRecord } from "../expect/outcome.fixture.js";
import { renderJsonReport } from "./json-reporter.js";
import { createRequestCollector, DETAIL_FIRST, DETAIL_MAX } from "./request-collector.js";
import { MAX_BODY_CHARS } from "./request-detail.js";
import { summarise, type ScenarioReport } from "./types.js";

const failover = makeRecord({
  selected_provider: "openai-eu",
  attempts: [
    { attempt: 1, provider: "openai", outcome: "retryable_error", status: 503, duration_ms: 120.04 },
    { attempt: 2, provider: "openai-eu", outcome: "success", status: 200, duration_ms: 680 },
  ],
});

describe("request collector", () => {
  it("keeps one row per request in sending order, with breakers padded to every provider", () => {
    const c = createRequestCollector();
    c.add({ index: 1, name: "load", offsetMs: 1000, record: failover, requestBody: { input: "x" }, responseBody: { ok: true } });
    c.add({
      index: 0,
      name: null,
      offsetMs: 0,
      record: makeRecord({ selected_provider: null, status: "failed", http_status: 502, routing_diagnostics: null }),
      requestBody: {},
      responseBody: undefined,
    });
    const s = c.finish([{ provider: "deepinfra", fault: "http_error", name: "burst", from_ms: 0, to_ms: 10 }]);
    expect(s.providers).toEqual(["openai", "openai-eu", "deepinfra"]);
    expect(s.rows.map((r) => r[0])).toEqual([0, 1]);
    const [first, second] = s.rows;
    expect(first?.[4]).toBe(-1);
    expect(first?.[13]).toBe("---");
    expect(second?.[10]).toEqual([0, 1]);
    expect(second?.[13]).toBe("cc-");
    expect(s.details[second?.[14] ?? -1]?.attempts[0]?.duration_ms).toBe(120);
    expect(s.details[first?.[14] ?? -1]?.response_body).toBeNull();
  });

  it("keeps full details for the first requests, then only notable ones, up to a cap", () => {
    const c = createRequestCollector();
    for (let i = 0; i < DETAIL_MAX * 3; i++)
      c.add({ index: i, name: null, offsetMs: i, record: i % 2 ? failover : makeRecord(), requestBody: "x".repeat(MAX_BODY_CHARS * 2), responseBody: undefined });
    const s = c.finish([]);
    expect(s.details).toHaveLength(DETAIL_MAX);
    expect(s.rows.slice(0, DETAIL_FIRST).every((r) => r[14] >= 0)).toBe(true);
    expect(
      s.rows
        .slice(DETAIL_FIRST)
        .filter((r) => r[14] >= 0)
        .every((r) => r[10].length > 1),
    ).toBe(true);
    expect(s.details[0]?.request_body).toEqual({ text: `"${"x".repeat(MAX_BODY_CHARS - 1)}`, truncated: true });
  });

  it("prints one request per line in the JSON report, deterministically", () => {
    const c = createRequestCollector();
    for (let i = 0; i < 3; i++) c.add({ index: i, name: "load", offsetMs: i * 10, record: failover, requestBody: {}, responseBody: {} });
    const scenario: ScenarioReport = {
      file: "s.yaml",
      name: "s",
      description: null,
      seed: "1",
      status: "passed",
      issues: [],
      runs: null,
      expectations: [],
      snapshot: null,
      stats: { requests: 3, simulated_ms: 30, cost_usd: 0.003, client_errors: 0 },
      error: null,
      requests: c.finish([]),
    };
    const report = { summary: summarise([scenario]), scenarios: [scenario] };
    const text = renderJsonReport(report);
    expect(renderJsonReport(report)).toBe(text);
    const parsed = JSON.parse(text) as { scenarios: { requests: { rows: unknown[] } }[] };
    expect(parsed.scenarios[0]?.requests.rows).toEqual(scenario.requests?.rows);
    expect(text.split("\n").filter((l) => l.startsWith("          [0,"))).toHaveLength(1);
  });
});
