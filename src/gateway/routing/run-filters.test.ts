import { describe, expect, it } from "vitest";
import { makeInput, makeOffer } from "./route-fixtures.js";
import { runFilters } from "./run-filters.js";

const offers = [
  makeOffer("cheap", { price: { input: 0.1, output: 0.4 }, parameters: ["temperature", "seed"] }),
  makeOffer("mid", { price: { input: 1, output: 4 }, maxOutputTokens: 4096 }),
  makeOffer("plain", { price: { input: 0.5, output: 2 }, structuredOutput: false }),
];

describe("runFilters", () => {
  it("fails with unsupported_model_or_endpoint for a model nobody offers", () => {
    const out = runFilters(makeInput({ offers: [], model: "nobody/none" }));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.code).toBe("unsupported_model_or_endpoint");
    expect(out.error.status).toBe(400);
  });

  it("keeps only the pinned provider, and fails clearly when it does not offer the model", () => {
    const out = runFilters(makeInput({ offers, pinnedProvider: "mid" }));
    expect(out.ok && out.pool.map((o) => o.provider)).toEqual(["mid"]);
    expect(out.stages[0]).toEqual({
      stage: "pinned_provider",
      before: 3,
      after: 1,
      dropped: [
        { provider: "cheap", reason: "not_pinned_provider" },
        { provider: "plain", reason: "not_pinned_provider" },
      ],
    });
    const missing = runFilters(makeInput({ offers, pinnedProvider: "elsewhere" }));
    expect(!missing.ok && missing.error.message).toBe("Provider elsewhere does not offer test/model (offered by cheap, mid, plain).");
  });

  it("applies the preset allowlist and denylist before the request's filters", () => {
    const out = runFilters(makeInput({ offers, presetFilter: { allow: ["cheap", "mid"], deny: ["mid"] } }));
    expect(out.ok && out.pool.map((o) => o.provider)).toEqual(["cheap"]);
    expect(out.stages[0]?.dropped).toEqual([
      { provider: "mid", reason: "listed_in_preset_denylist" },
      { provider: "plain", reason: "not_in_preset_allowlist" },
    ]);
  });

  it("fails with no_providers_after_preset_filter (400) when the preset leaves nothing", () => {
    const out = runFilters(makeInput({ offers, presetFilter: { allow: ["elsewhere"] } }));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.code).toBe("no_providers_after_preset_filter");
    expect(out.error.status).toBe(400);
    expect(out.stages.map((s) => s.stage)).toEqual(["preset_filter"]);
  });

  it("does not record a preset stage for an empty preset filter", () => {
    const out = runFilters(makeInput({ offers, presetFilter: { allow: [], deny: [] } }));
    expect(out.stages.map((s) => s.stage)).toEqual(["capabilities"]);
  });

  it("drops offers without structured output when a response format is requested", () => {
    const out = runFilters(makeInput({ offers, requirements: { responseFormat: true, parameters: [] } }));
    expect(out.stages[0]).toMatchObject({ stage: "capabilities", before: 3, after: 2, dropped: [{ provider: "plain", reason: "no_structured_output" }] });
  });

  it("drops offers whose max output is below max_output_tokens", () => {
    const out = runFilters(makeInput({ offers, requirements: { responseFormat: false, maxOutputTokens: 8000, parameters: [] } }));
    expect(out.stages[0]?.dropped).toEqual([{ provider: "mid", reason: "max_output_tokens_below_request" }]);
  });

  it("checks requested parameters only with require_parameters", () => {
    const requirements = { responseFormat: false, parameters: ["temperature", "top_p"] };
    const lax = runFilters(makeInput({ offers, requirements }));
    expect(lax.stages[0]?.dropped).toEqual([]);
    const strict = runFilters(makeInput({ offers, requirements, provider: { require_parameters: true } }));
    expect(strict.stages[0]?.dropped).toEqual([{ provider: "cheap", reason: "missing_required_parameter:top_p" }]);
  });

  it("drops offers above max_price: prompt against input, completion against output", () => {
    const prompt = runFilters(makeInput({ offers, provider: { max_price: { prompt: 0.5 } } }));
    expect(prompt.stages.at(-1)).toEqual({ stage: "pricing_cap_gate", before: 3, after: 2, dropped: [{ provider: "mid", reason: "exceeds_max_price" }] });
    const completion = runFilters(makeInput({ offers, provider: { max_price: { completion: 1 } } }));
    expect(completion.ok && completion.pool.map((o) => o.provider)).toEqual(["cheap"]);
    // No catalog offer prices the `requests` meter: at the pin a request cap drops them all (routing.ts:458-462).
    const request = runFilters(makeInput({ offers, provider: { max_price: { request: 0 } } }));
    expect(request.ok).toBe(false);
    const kept = runFilters(makeInput({ offers, provider: { max_price: { request: 0 } }, settings: { fidelity: "documented" } }));
    expect(kept.ok && kept.pool).toHaveLength(3);
  });

  it("documented: fails with unsupported_model_or_endpoint when the filters empty the pool, naming every drop", () => {
    const out = runFilters(
      makeInput({ offers, requirements: { responseFormat: true, parameters: [] }, provider: { max_price: { prompt: 0.05 } }, settings: { routing: { emptyPoolAfterGates: "unsupported_model" } } }),
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.code).toBe("unsupported_model_or_endpoint");
    expect(out.error.message).toBe("No provider can serve test/model for this request: plain (no_structured_output), cheap (exceeds_max_price), mid (exceeds_max_price).");
    expect(out.error.details).toEqual([
      { message: "plain: no_structured_output", path: "response_format", keyword: "no_structured_output" },
      { message: "cheap: exceeds_max_price", path: "provider.max_price", keyword: "exceeds_max_price" },
      { message: "mid: exceeds_max_price", path: "provider.max_price", keyword: "exceeds_max_price" },
    ]);
  });
});
