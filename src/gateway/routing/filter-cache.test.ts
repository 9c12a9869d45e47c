import { describe, expect, it } from "vitest";
import type { Offer } from "../catalog/schema.js";
import { cachedFilter, filterKey, MAX_FILTER_KEYS_PER_OFFERS, rememberFilter } from "./filter-cache.js";
import { makeInput, makeOffer, type InputOverrides } from "./route-fixtures.js";
import { runFilters } from "./run-filters.js";

const catalogOffers = (): Offer[] => [makeOffer("cheap", { parameters: ["temperature"] }), makeOffer("mid", { maxOutputTokens: 4096 }), makeOffer("plain", { structuredOutput: false })];

/** The outcome's visible parts, as plain data. */
const shape = (overrides: InputOverrides) => {
  const out = runFilters(makeInput(overrides));
  return out.ok ? { pool: out.pool.map((o) => o.provider), considered: out.consideredProviders, stages: out.stages, warnings: out.warnings } : { error: out.error.message };
};

describe("the filter cache", () => {
  const requests: InputOverrides[] = [
    {},
    { provider: { only: ["cheap", "plain"] } },
    { provider: { ignore: ["mid"] } },
    { provider: { only: ["cheap", "mid"], ignore: ["cheap"] } },
    { requirements: { responseFormat: true, parameters: [] } },
    { requirements: { responseFormat: false, maxOutputTokens: 8000, parameters: [] } },
    { requirements: { responseFormat: true, maxOutputTokens: 8000, parameters: [] }, provider: { only: ["plain", "mid", "cheap"] } },
  ];

  it("gives what filtering afresh gives, on the first request and on every later one", () => {
    const shared = catalogOffers();
    for (const request of requests) {
      // A fresh offers array each time is never cached under the shared one's key.
      const fresh = shape({ ...request, offers: catalogOffers() });
      expect(shape({ ...request, offers: shared })).toEqual(fresh);
      expect(shape({ ...request, offers: shared })).toEqual(fresh);
      expect(filterKey(makeInput({ ...request, offers: shared }))).toBeDefined();
    }
  });

  it("hands each request fresh stage and warning lists over frozen, shared records", () => {
    const offers = catalogOffers();
    const first = runFilters(makeInput({ offers, provider: { ignore: ["mid"] } }));
    const second = runFilters(makeInput({ offers, provider: { ignore: ["mid"] } }));
    if (!first.ok || !second.ok) throw new Error("expected a pool");
    expect(second.stages).not.toBe(first.stages);
    expect(second.consideredProviders).not.toBe(first.consideredProviders);
    first.stages.push({ stage: "health_breaker", before: 2, after: 2, dropped: [] });
    first.warnings.push("one request's warning");
    first.consideredProviders.push("extra");
    const third = runFilters(makeInput({ offers, provider: { ignore: ["mid"] } }));
    if (!third.ok) throw new Error("expected a pool");
    expect(third.stages.map((s) => s.stage)).toEqual(["capabilities", "hints.ignore"]);
    expect(third.warnings).toEqual([]);
    expect(third.consideredProviders).toEqual(["cheap", "plain"]);
    expect(Object.isFrozen(third.stages[1])).toBe(true);
    expect(() => (third.stages[1] as { dropped: unknown[] }).dropped.push({ provider: "x", reason: "y" })).toThrow(TypeError);
  });

  it("keeps each offers list's outcomes apart: another catalog's offers never get them", () => {
    const a = [makeOffer("p", { structuredOutput: true }), makeOffer("q")];
    const b = [makeOffer("p", { structuredOutput: false }), makeOffer("q")];
    const needs = { requirements: { responseFormat: true, parameters: [] } };
    expect(shape({ ...needs, offers: a }).pool).toEqual(["p", "q"]);
    expect(shape({ ...needs, offers: b }).pool).toEqual(["q"]);
    expect(shape({ ...needs, offers: a }).pool).toEqual(["p", "q"]);
  });

  it("never remembers an outcome with a warning (the restored pool names the model and the policy)", () => {
    const offers = catalogOffers();
    const restored = { offers, provider: { only: ["nobody"] } };
    expect(shape(restored).warnings).toHaveLength(1);
    expect(shape(restored).warnings).toHaveLength(1);
    expect(cachedFilter(offers, filterKey(makeInput(restored)) as string)).toBeUndefined();
  });

  it("filters afresh whatever depends on more than the offers and the request's lists", () => {
    const uncached: InputOverrides[] = [
      { pinnedProvider: "cheap" },
      { presetFilter: { allow: ["cheap"] } },
      { provider: { require_parameters: true } },
      { provider: { max_price: { prompt: 1 } } },
      { provider: { zdr: true } },
    ];
    for (const overrides of uncached) expect(filterKey(makeInput({ offers: catalogOffers(), ...overrides }))).toBeUndefined();
  });

  it("gives lists that differ different keys, whatever characters a provider name holds", () => {
    const key = (provider: unknown) => filterKey(makeInput({ provider }));
    const keys = [key({}), key({ only: [] }), key({ only: ["a;b"] }), key({ only: ["a", "b"] }), key({ only: ["1:a"] }), key({ ignore: ["a;b"] }), key({ only: ["a"], ignore: ["b"] })];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it(`remembers at most ${MAX_FILTER_KEYS_PER_OFFERS} keys per offers list, forgetting the oldest`, () => {
    const offers = catalogOffers();
    for (let i = 0; i <= MAX_FILTER_KEYS_PER_OFFERS; i++) rememberFilter(offers, `key-${i}`, offers, []);
    expect(cachedFilter(offers, "key-0")).toBeUndefined();
    expect(cachedFilter(offers, "key-1")?.providers).toEqual(["cheap", "mid", "plain"]);
    expect(cachedFilter(offers, `key-${MAX_FILTER_KEYS_PER_OFFERS}`)).toBeDefined();
  });
});
