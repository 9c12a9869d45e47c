import { describe, expect, it } from "vitest";
import type { RoutingDiagnostics } from "../gateway/types.js";
import { replayRecord } from "./replay-record-fixture.js";
import { loggedFidelity, replaySettings, withReplaySettings } from "./replay-settings.js";

/** A record whose routing used `strategy`, with openai's breaker in state `breaker`. */
function routed(strategy: RoutingDiagnostics["strategy"], breaker: "closed" | "open" = "closed") {
  const r = replayRecord({ model: "openai/gpt-5.4-nano", ranked: { openai: 0.6, "openai-eu": 0.4 }, tokens: [16, 20], costUsd: 0 });
  if (r.routing_diagnostics) {
    r.routing_diagnostics.strategy = strategy;
    const first = r.routing_diagnostics.rankedProviders[0];
    if (first) first.breaker = breaker;
  }
  return r;
}

describe("loggedFidelity", () => {
  it("reads documented fidelity from the documented balanced shuffle or a breaker that opened", () => {
    expect(loggedFidelity([routed("balanced_shuffle")])).toBe("documented");
    expect(loggedFidelity([routed("explicit_sort"), routed("explicit_sort", "open")])).toBe("documented");
  });

  it("stays with the default (reference) on any reference sign, or none", () => {
    expect(loggedFidelity([routed("explicit_sort", "open"), routed("balanced_sort")])).toBeUndefined();
    expect(loggedFidelity([routed("weighted_shuffle")])).toBeUndefined();
    expect(loggedFidelity([routed("explicit_sort")])).toBeUndefined();
  });
});

describe("replaySettings", () => {
  it("writes settings only when the log needs them", () => {
    expect(replaySettings([routed("balanced_sort")])).toEqual({});
    expect(replaySettings([routed("balanced_shuffle")])).toEqual({ settings: { fidelity: "documented" } });
  });
});

describe("withReplaySettings", () => {
  it("puts the settings after the catalog, merged with settings the scenario already has", () => {
    const scenario = { name: "r", catalog: "default", settings: { execution: { hangBoundMs: 720_000 } }, providers: [] };
    const out = withReplaySettings([routed("balanced_shuffle")], scenario);
    expect(Object.keys(out)).toEqual(["name", "catalog", "settings", "providers"]);
    expect(out.settings).toEqual({ execution: { hangBoundMs: 720_000 }, fidelity: "documented" });
    expect(withReplaySettings([routed("balanced_sort")], scenario)).toBe(scenario);
  });
});
