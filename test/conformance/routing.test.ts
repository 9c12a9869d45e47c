// Runs the reference's routing test vectors (routing.vectors.ts) against gateway-sim's route(),
// with the reference's own generator (mulberry32 seeded by "{requestId}:{workspaceId}:{model}").
import { describe, expect, it } from "vitest";
import type { Random } from "../../src/core/random.js";
import { mulberry32, referenceSeed } from "../../src/gateway/routing/beta-sampler.js";
import { makeInput, makeOffer } from "../../src/gateway/routing/route-fixtures.js";
import { route } from "../../src/gateway/routing/route.js";
import { parsePriority } from "../../src/gateway/request/routing-mode.js";
import type { HealthStore, ProviderHealth } from "../../src/gateway/types.js";
import { ROUTING_NOT_PORTED, ROUTING_TEST, ROUTING_VECTORS, TEST_HEALTH_DEFAULTS, type HealthOverrides, type RoutingVector } from "./routing.vectors.js";

const NOW = 1_000_000;
const WORKSPACE = "team_123";

function referenceRandom(requestId: string, model: string): Random {
  const next = mulberry32(referenceSeed(`${requestId}:${WORKSPACE}:${model}`));
  return { next, int: (min, max) => min + Math.floor(next() * (max - min)), pick: (items) => items[Math.floor(next() * items.length)] as never, normal: () => 0, chance: (p) => next() < p };
}

function providerHealth(provider: string, model: string, o: HealthOverrides): ProviderHealth {
  const d = TEST_HEALTH_DEFAULTS;
  return {
    provider,
    model,
    lat_ewma_10s: d.lat_ewma_10s,
    lat_ewma_60s: o.lat_ewma_60s ?? d.lat_ewma_60s,
    lat_ewma_300s: o.lat_ewma_300s ?? d.lat_ewma_300s,
    err_ewma_10s: 0,
    err_ewma_60s: o.err_ewma_60s ?? d.err_ewma_60s,
    err_ewma_300s: 0,
    rate_10s: 0,
    rate_60s: o.rate_60s ?? d.rate_60s,
    tp_ewma_60s: o.tp_ewma_60s ?? d.tp_ewma_60s,
    rec_ok_ew_60s: 0,
    rec_tot_ew_60s: 0,
    inflight: 0,
    current_load: o.current_load ?? 0,
    breaker: o.breaker ?? "closed",
    breaker_until_ms: o.breaker_until_in_ms === undefined ? 0 : NOW + o.breaker_until_in_ms,
    breaker_attempts: 0,
    last_ts_10s: 0,
    last_ts_60s: 0,
    last_ts_300s: 0,
    attempts_60s: 0,
    failures_60s: 0,
    documented_breaker_until_ms: 0,
  };
}

/** A health store that answers the vector's fixed health (the reference test mocks readHealthManyOptimistic). */
function fixedHealth(v: RoutingVector, model: string, swap = false): HealthStore {
  const providers = v.candidates.map((c) => c.provider);
  return {
    get(provider) {
      const overrides = { ...(v.health[provider] ?? {}) };
      if (swap) {
        const other = providers.find((p) => p !== provider) ?? provider;
        overrides.current_load = v.health[other]?.current_load ?? 0;
      }
      return providerHealth(provider, model, overrides);
    },
    admit: () => "closed",
    record: () => undefined,
    begin: () => () => undefined,
    snapshot: () => [],
  };
}

function routeVector(v: RoutingVector, requestId: string, swap = false) {
  const { base, priority } = parsePriority(v.model);
  const offers = v.candidates.map((c) => makeOffer(c.provider, { price: c.card ? { input: c.card[0] * 1e6, output: c.card[1] * 1e6 } : { input: 0, output: 0 }, ...c.residency }, base));
  return route(
    makeInput({
      model: base,
      offers,
      provider: v.provider ?? {},
      modeSources: { priority },
      health: fixedHealth(v, base, swap),
      now: NOW,
      random: referenceRandom(requestId, v.model),
    }),
  );
}

describe(`conformance: ${ROUTING_TEST}`, () => {
  for (const v of ROUTING_VECTORS) {
    it(`${v.test} (line ${v.line})`, () => {
      const ids = v.requestIds ?? [""];
      const results = ids.map((id) => routeVector(v, id));
      const first = results[0];
      if (!first) throw new Error("no routing");
      const ranked = (r: typeof first) => r.diagnostics.rankedProviders.map((p) => p.provider);
      if (v.expect.first) expect(ranked(first)[0]).toBe(v.expect.first);
      if (v.expect.order) expect(ranked(first)).toEqual(v.expect.order);
      if (v.expect.routingMode) expect(first.diagnostics.routingMode).toBe(v.expect.routingMode);
      if (v.expect.firstPriceScore !== undefined) expect(first.diagnostics.rankedProviders[0]?.scoreFactors.priceScore).toBe(v.expect.firstPriceScore);
      if (v.expect.firstSet) expect(new Set(results.map((r) => ranked(r)[0]))).toEqual(new Set(v.expect.firstSet));
      if (v.expect.pricingCapAfterCount !== undefined) expect(first.diagnostics.filterStages.find((s) => s.stage === "pricing_cap_gate")?.after).toBe(v.expect.pricingCapAfterCount);
      if (v.expect.residencyAfterCount !== undefined) expect(first.diagnostics.filterStages.find((s) => s.stage === "residency_gate")?.after).toBe(v.expect.residencyAfterCount);
      if (v.expect.breakerStage) {
        const stage = first.diagnostics.filterStages.find((s) => s.stage === "health_breaker");
        expect(stage).toEqual({ stage: "health_breaker", before: v.expect.breakerStage.beforeCount, after: v.expect.breakerStage.afterCount, dropped: v.expect.breakerStage.dropped });
      }
      if (v.expect.factorKeys) {
        expect(Object.keys(first.diagnostics.rankedProviders[0]?.scoreFactors ?? {})).toEqual(
          expect.arrayContaining(["successRate", "latencyScore", "throughputScore", "priceScore", "tokenAffinity", "cacheBoostMultiplier"]),
        );
        expect(first.diagnostics.consideredProviders).toEqual(v.candidates.map((c) => c.provider));
      }
      if (v.swapLoads) expect(ranked(routeVector(v, ids[0] ?? "", true))).toEqual(ranked(first));
    });
  }

  it(`lists the ${ROUTING_NOT_PORTED.length} tests not ported, each with a reason`, () => {
    for (const t of ROUTING_NOT_PORTED) expect(t.why.length).toBeGreaterThan(0);
    expect(ROUTING_VECTORS.length + ROUTING_NOT_PORTED.length).toBe(33);
  });
});
