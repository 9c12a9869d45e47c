import { describe, expect, it } from "vitest";
import type { BreakerState, RoutingDiagnostics } from "../../gateway/types.js";
import { expectationSchema } from "../schema/expectations.js";
import { createEvaluator } from "./evaluate.js";
import { makeOutcome, makeRecord } from "./outcome.fixture.js";
import type { RequestOutcome } from "./outcome.js";

const base = makeRecord().routing_diagnostics as RoutingDiagnostics;

/** Request `i` saw openai's breaker in `state` (its attempt admitted as a probe when `probe`). */
function seen(i: number, state: BreakerState, probe = false): RequestOutcome {
  const rankedProviders = base.rankedProviders.map((r) => (r.provider === "openai" ? { ...r, breaker: state } : r));
  const attempts = [{ attempt: 1, provider: "openai", outcome: "success" as const, status: 200, duration_ms: 800, was_probe: probe }];
  return makeOutcome(i, { routing_diagnostics: { ...base, rankedProviders }, attempts });
}

function evaluate(breaker: unknown, outcomes: RequestOutcome[]) {
  const e = expectationSchema.parse({ name: "breaker", breaker });
  const ev = createEvaluator(e, { incidents: {} });
  // Finish order differs from sending order: the check sorts by index.
  for (const o of [...outcomes].reverse()) ev.observe(o);
  return ev.finish();
}

const story = [seen(0, "closed"), seen(1, "closed"), seen(2, "open"), seen(3, "open"), seen(4, "half_open", true), seen(5, "half_open"), seen(6, "closed")];

describe("breaker expectation", () => {
  it("passes when the breaker opens in time, probes and closes", () => {
    const result = evaluate({ provider: "openai", opens_within: 3, sequence: ["closed", "open", "half_open", "closed"], probes: { min: 1 }, final: "closed" }, story);
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it("says when it opened too late, in which order states came, and how many probes it saw", () => {
    const result = evaluate({ provider: "openai", opens_within: 2, sequence: ["open", "closed", "open"], probes: { min: 2 }, final: "open" }, story);
    expect(result.failures).toEqual([
      { check: "breaker.opens_within (openai)", expected: "open by request 2 of the selection", actual: "first seen open at request 3" },
      { check: "breaker.sequence (openai)", expected: "open → closed → open", actual: "closed → open → half_open → closed" },
      { check: "breaker.probes (openai)", expected: ">= 2 half-open probes", actual: "1" },
      { check: "breaker.final (openai)", expected: "open", actual: "closed" },
    ]);
  });

  it("needs at least one check", () => {
    expect(expectationSchema.safeParse({ name: "x", breaker: { provider: "openai" } }).success).toBe(false);
  });

  it("as: documented reads the documented breaker that reference fidelity only shadows", () => {
    const shadow = (i: number, open: boolean): RequestOutcome => {
      const rankedProviders = base.rankedProviders.map((r) => (r.provider === "openai" ? { ...r, breaker: "closed" as const, ...(open ? { documentedBreakerOpen: true } : {}) } : r));
      return makeOutcome(i, { routing_diagnostics: { ...base, rankedProviders } });
    };
    const outcomes = [shadow(0, false), shadow(1, true), shadow(2, true)];
    expect(evaluate({ provider: "openai", as: "documented", opens_within: 2, sequence: ["closed", "open"] }, outcomes).failures).toEqual([]);
    expect(evaluate({ provider: "openai", opens_within: 2 }, outcomes).failures).toEqual([
      { check: "breaker.opens_within (openai)", expected: "open by request 2 of the selection", actual: "never seen open" },
    ]);
  });
});
