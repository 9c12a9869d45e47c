import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/virtual-clock.js";
import { rankedProviderFixture, routingDiagnosticsFixture, scoreFactorsFixture } from "../gateway/routing/routing-diagnostics.fixture.js";
import type { RoutingDiagnostics } from "../gateway/types.js";
import { createMemoryUsageLog } from "../gateway/usage/memory-usage-log.js";
import { usageRecord } from "../gateway/usage/usage-record-fixture.js";
import { loadScenario } from "../scenarios/load/load-scenario.js";
import { listGenerations } from "../server/generations-list-query.js";
import { liveRequestsView } from "./live-requests-view.js";
import { createUsageJournal } from "./usage-journal.js";

const loaded = loadScenario("scenarios/incidents/openai-503-burst.yaml");
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
const scenario = loaded.scenario;
const START = 1_000_000;

const diagnostics: RoutingDiagnostics = routingDiagnosticsFixture([
  rankedProviderFixture("openai", 1, { score: 0.123456789, breaker: "open", scoreFactors: scoreFactorsFixture({ successRate: 0.4 }) }),
  rankedProviderFixture("openai-eu", 2, { score: 0.1, scoreFactors: scoreFactorsFixture({ priceScore: 0.9 }) }),
]);
const healed = {
  id: "response-healing",
  stage: "response.post_provider" as const,
  changed: true,
  status: "applied" as const,
  metadata: { attempted: true, healed: true, mode: "json", transforms_applied: ["strip_fences"] },
};

describe("liveRequestsView", () => {
  it("turns a page of the log into report rows and details, with names, bodies and the phases so far", async () => {
    const clock = new VirtualClock({ start: START });
    const usage = createMemoryUsageLog();
    const journal = createUsageJournal(10);
    const body = { model: "openai/gpt-5.4-nano", input: "Extract the action items." };
    journal.expectName(body, "extraction");
    usage.append(usageRecord({ id: "G-a", time_ms: START + 5_000, selected_provider: "openai", latency_ms: 420.04 }));
    journal.noteAnswer("G-a", body, { id: "G-a", status: "completed" });
    usage.append(
      usageRecord({
        id: "G-b",
        time_ms: START + 150_000,
        selected_provider: "openai-eu",
        routing_diagnostics: diagnostics,
        plugin_executions: [healed],
        attempts: [
          { attempt: 1, provider: "openai", outcome: "retryable_error", status: 503, duration_ms: 80 },
          { attempt: 2, provider: "openai-eu", outcome: "success", status: 200, duration_ms: 300 },
        ],
      }),
    );
    await clock.advance(180_000);
    const view = liveRequestsView({ scenario, journal, clock, runStart: () => START });
    const listed = listGenerations(usage, { after: "0" });
    if (!listed.ok) throw new Error(listed.error.message);
    const { section, next_cursor, has_more, elapsed_ms } = view(listed.page);

    expect([next_cursor, has_more, elapsed_ms]).toEqual(["2", false, 180_000]);
    expect(section.providers).toEqual(["openai", "openai-eu"]);
    expect(section.names).toEqual(["extraction"]);
    // The timeline's 2m burst, clipped at the 3 minutes served so far.
    expect(section.phases).toEqual([{ provider: "openai", fault: "http_error", name: "openai-503-burst", from_ms: 120_000, to_ms: 180_000 }]);
    expect(section.rows).toEqual([
      [0, 5_000, 0, "G-a", 0, "completed", 200, 420, null, 0.0000126, [0], "none", null, "--", 0],
      [1, 150_000, -1, "G-b", 1, "completed", 200, 420, null, 0.0000126, [0, 1], "applied", null, "oc", 1],
    ]);
    expect(section.details[0]?.request_body).toEqual({ text: JSON.stringify(body), truncated: false });
    expect(section.details[0]?.response_body?.text).toContain('"G-a"');
    expect(section.details[1]?.request_body).toBeNull();
    expect(section.details[1]?.routing?.rankedProviders[0]?.score).toBe(0.123457);
  });

  it("keeps every record's detail in a page of the largest size", () => {
    const usage = createMemoryUsageLog();
    for (let i = 0; i < 150; i++) usage.append(usageRecord({ id: `G-${i}`, time_ms: START + i }));
    const view = liveRequestsView({ scenario, journal: createUsageJournal(10), clock: new VirtualClock({ start: START }), runStart: () => START });
    const listed = listGenerations(usage, { after: "0", limit: "100" });
    if (!listed.ok) throw new Error(listed.error.message);
    const { section, next_cursor, has_more } = view(listed.page);
    expect([section.rows.length, section.details.length, next_cursor, has_more]).toEqual([100, 100, "100", true]);
    expect(section.rows.every((r) => r[14] >= 0)).toBe(true);
  });

  it("carries the usage export's state, read at each page, or null when the run does not export", () => {
    const usage = createMemoryUsageLog();
    usage.append(usageRecord({ id: "G-a", time_ms: START }));
    const listed = listGenerations(usage, { after: "0", limit: "100" });
    if (!listed.ok) throw new Error(listed.error.message);
    const parts = { scenario, journal: createUsageJournal(10), clock: new VirtualClock({ start: START }), runStart: () => START };
    expect(liveRequestsView(parts)(listed.page).export).toBeNull();
    let dropped = 0;
    const state = () => ({ file: "u.jsonl", written: 1, pending: 0, dropped, failed: 0, error: null, complete: dropped === 0, summary: `${dropped} dropped` });
    const view = liveRequestsView({ ...parts, exportState: state });
    expect(view(listed.page).export).toMatchObject({ dropped: 0, complete: true });
    dropped = 7;
    expect(view(listed.page).export).toMatchObject({ dropped: 7, complete: false, summary: "7 dropped" });
  });
});
