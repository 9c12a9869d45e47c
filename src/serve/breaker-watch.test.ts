import { describe, expect, it } from "vitest";
import type { BreakerState, RankedProvider, RoutingDiagnostics } from "../gateway/types.js";
import { rankedProviderFixture, routingDiagnosticsFixture } from "../gateway/routing/routing-diagnostics.fixture.js";
import { usageRecord } from "../gateway/usage/usage-record-fixture.js";
import { breakerWatch } from "./breaker-watch.js";

function withBreakers(states: Record<string, BreakerState>) {
  const rankedProviders: RankedProvider[] = Object.entries(states).map(([provider, breaker], i) => rankedProviderFixture(provider, i + 1, { breaker }));
  const diagnostics: RoutingDiagnostics = routingDiagnosticsFixture(rankedProviders);
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
