import { describe, expect, it } from "vitest";
import type { RoutingDiagnostics } from "../gateway/types.js";
import { replayRecord } from "./replay-record-fixture.js";
import { replayBody } from "./replay-request.js";
import { replayPresets } from "./replay-presets.js";

function routed(strategy: RoutingDiagnostics["strategy"], routingMode: RoutingDiagnostics["routingMode"], sort?: "price") {
  const r = replayRecord({ model: "openai/gpt-5.4-mini", ranked: { openai: 1, "openai-eu": 0 }, tokens: [16, 20], costUsd: 0 });
  if (r.routing_diagnostics) Object.assign(r.routing_diagnostics, { strategy, routingMode, sort });
  return r;
}

describe("replayPresets", () => {
  it("gives a preset's weighted shuffle a preset of its own, named by the request", () => {
    const records = [routed("weighted_shuffle", "price"), routed("weighted_shuffle", "price"), routed("weighted_shuffle", "latency")];
    expect(replayPresets(records)).toEqual([
      { slug: "replay-price-openai-gpt-5-4-mini", model: "openai/gpt-5.4-mini", routing_mode: "price" },
      { slug: "replay-latency-openai-gpt-5-4-mini", model: "openai/gpt-5.4-mini", routing_mode: "latency" },
    ]);
    expect(replayBody(records[0] ?? routed("weighted_shuffle", "price"), 0)?.model).toBe("@replay-price-openai-gpt-5-4-mini");
  });

  it("leaves requests whose order a request field gives as they are", () => {
    const records = [routed("explicit_sort", "price", "price"), routed("balanced_sort", "balanced")];
    expect(replayPresets(records)).toEqual([]);
    expect(records.map((r) => replayBody(r, 0)?.model)).toEqual(["openai/gpt-5.4-mini", "openai/gpt-5.4-mini"]);
  });
});
