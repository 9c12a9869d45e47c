import { describe, expect, it } from "vitest";
import type { BreakerState, RankedProvider, RoutingDiagnostics } from "../gateway/types.js";
import { usageRecord } from "../gateway/usage/usage-record-fixture.js";
import { breakerWatch } from "./breaker-watch.js";

function withBreakers(states: Record<string, BreakerState>) {
  const rankedProviders: RankedProvider[] = Object.entries(states).map(([provider, breaker], i) => ({
    provider, rank: i + 1, score: 1, breaker, placedBy: "sort",
    scoreFactors: { successRate: 1, latencyScore: 1, tailLatencyScore: 1, throughputScore: 1, priceScore: 1, loadScore: 1 },
  }));
  const diagnostics: RoutingDiagnostics = {
    model: "openai/gpt-5.4-nano", strategy: "explicit_sort", sort: "price", filterStages: [], consideredProviders: Object.keys(states),
    rankedProviders, warnings: [], finalCandidateCount: rankedProviders.length,
  };
  return usageRecord({ routing_diagnostics: diagnostics });
}

describe("breakerWatch", () => {
  it("announces each change once, not the initial closed state", () => {
    const seen: string[] = [];
    const watch = breakerWatch((provider, state) => seen.push(`${provider} ${state}`));
    watch(withBreakers({ openai: "closed", "openai-eu": "closed" }));
    watch(withBreakers({ openai: "open", "openai-eu": "closed" }));
    watch(withBreakers({ openai: "open", "openai-eu": "closed" }));
    watch(usageRecord());
    watch(withBreakers({ openai: "half_open" }));
    watch(withBreakers({ openai: "closed" }));
    expect(seen).toEqual(["openai open", "openai half_open", "openai closed"]);
  });
});
