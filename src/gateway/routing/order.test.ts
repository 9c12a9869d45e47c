import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { route } from "./route.js";
import { defaultOffers, makeInput } from "./route-fixtures.js";

const providers = (result: ReturnType<typeof route>): string[] => result.diagnostics.rankedProviders.map((r) => r.provider);

describe("provider.order", () => {
  it("seed 002: order [anthropic-us, anthropic] tries anthropic-us first, then anthropic", () => {
    for (let i = 0; i < 20; i++) {
      const result = route(makeInput({ offers: defaultOffers("anthropic/claude-opus-4.6"), provider: { order: ["anthropic-us", "anthropic"] }, random: createRandom("o", String(i)) }));
      expect(result.ok && result.candidates.map((o) => o.provider)).toEqual(["anthropic-us", "anthropic"]);
      expect(result.diagnostics.rankedProviders.map((r) => r.placedBy)).toEqual(["order", "order"]);
    }
  });

  it("puts the listed providers first and ranks the rest after them, without restricting the pool", () => {
    const offers = defaultOffers("meta/llama-4-maverick");
    const rests = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const result = route(makeInput({ offers, provider: { order: ["groq"] }, modeSources: { presetMode: "latency" }, random: createRandom("rest", String(i)) }));
      const [first, ...rest] = result.diagnostics.rankedProviders;
      expect(first).toMatchObject({ provider: "groq", rank: 1, placedBy: "order" });
      expect(rest.map((r) => r.placedBy)).toEqual(["shuffle", "shuffle"]);
      expect(rest.map((r) => r.rank)).toEqual([2, 3]);
      rests.add(rest.map((r) => r.provider).join(","));
    }
    // A preset's mode ranks the rest by the weighted shuffle, so both orders of deepinfra/together occur.
    expect(rests).toEqual(new Set(["deepinfra,together", "together,deepinfra"]));
  });

  it("never adds a provider a filter removed, and warns about it", () => {
    const result = route(makeInput({ offers: defaultOffers("meta/llama-4-maverick"), provider: { order: ["deepinfra", "together"], ignore: ["deepinfra"] } }));
    expect(providers(result)[0]).toBe("together");
    expect(providers(result)).not.toContain("deepinfra");
    expect(result.diagnostics.warnings).toEqual([
      "provider.order lists deepinfra, which is not a candidate for meta/llama-4-maverick (not offered, or removed by a filter); order never adds a provider.",
    ]);
  });
});
