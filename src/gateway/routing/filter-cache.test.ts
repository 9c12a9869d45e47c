import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Offer } from "../catalog/schema.js";
import type { FilterStage } from "../types.js";
import { cachedFilter, filterKey, MAX_FILTER_KEYS_PER_OFFERS, MAX_KEYED_OFFERS, rememberFilter } from "./filter-cache.js";
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

  it("hands each request its own stage records and lists: one request's edits reach neither the cache nor another", () => {
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
    const edited = third.stages[1] as FilterStage;
    expect(edited.dropped).toHaveLength(1);
    edited.dropped.push({ provider: "x", reason: "y" });
    (edited.dropped[0] as { provider: string }).provider = "edited";
    edited.after = 99;
    second.stages[0]?.dropped.push({ provider: "z", reason: "y" });
    const fourth = runFilters(makeInput({ offers, provider: { ignore: ["mid"] } }));
    if (!fourth.ok) throw new Error("expected a pool");
    // A new offers array is filtered afresh: what the records were before anyone edited them.
    const fresh = runFilters(makeInput({ offers: catalogOffers(), provider: { ignore: ["mid"] } }));
    if (!fresh.ok) throw new Error("expected a pool");
    expect(fourth.stages).toEqual(fresh.stages);
    expect(fourth.stages[1]).not.toBe(edited);
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
    expect(cachedFilter(offers, filterKey(makeInput(restored)) as number)).toBeUndefined();
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

  it("gives any request on a shared offers list what filtering afresh gives (random offers, lists and needs)", () => {
    const names = ["a", "b", "c", "zz"];
    const offer = fc.record({ provider: fc.constantFrom(...names), structuredOutput: fc.boolean(), maxOutputTokens: fc.constantFrom(1000, 4096, 16_384) });
    const list = fc.option(fc.array(fc.constantFrom(...names, "unknown"), { maxLength: 3 }), { nil: undefined });
    const request = fc.record({ only: list, ignore: list, responseFormat: fc.boolean(), maxOutputTokens: fc.option(fc.constantFrom(999, 1000, 4096, 20_000), { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(offer, { minLength: 1, maxLength: 4 }), fc.array(request, { minLength: 1, maxLength: 12 }), (specs, requests) => {
        const build = () => specs.map((o) => makeOffer(o.provider, { structuredOutput: o.structuredOutput, maxOutputTokens: o.maxOutputTokens }));
        const shared = build();
        for (const r of requests) {
          const overrides = (offers: Offer[]): InputOverrides => ({
            offers,
            provider: { only: r.only, ignore: r.ignore },
            requirements: { responseFormat: r.responseFormat, maxOutputTokens: r.maxOutputTokens, parameters: [] },
          });
          expect(shape(overrides(shared))).toEqual(shape(overrides(build())));
        }
      }),
    );
  });

  it(`filters a model with more than ${MAX_KEYED_OFFERS} offers afresh`, () => {
    const many = Array.from({ length: MAX_KEYED_OFFERS + 1 }, (_, i) => makeOffer(`p${i}`));
    expect(filterKey(makeInput({ offers: many }))).toBeUndefined();
    expect(filterKey(makeInput({ offers: many.slice(0, MAX_KEYED_OFFERS), provider: { only: ["p0"], ignore: ["p1"] } }))).toBeDefined();
  });

  it(`remembers at most ${MAX_FILTER_KEYS_PER_OFFERS} keys per offers list, forgetting the oldest`, () => {
    const offers = catalogOffers();
    for (let key = 0; key <= MAX_FILTER_KEYS_PER_OFFERS; key++) rememberFilter(offers, key, offers, []);
    expect(cachedFilter(offers, 0)).toBeUndefined();
    expect(cachedFilter(offers, 1)?.providers).toEqual(["cheap", "mid", "plain"]);
    expect(cachedFilter(offers, MAX_FILTER_KEYS_PER_OFFERS)).toBeDefined();
  });
});
