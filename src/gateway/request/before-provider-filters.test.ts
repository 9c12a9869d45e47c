import { describe, expect, it } from "vitest";
import { makeOffer } from "../routing/route-fixtures.js";
import { beforeProviderFilters, type BeforeFilterInput } from "./before-provider-filters.js";
import { emptyProviderPreferences } from "./merge-provider-preferences.js";

function input(overrides: Partial<BeforeFilterInput>): BeforeFilterInput {
  return {
    model: "test/model",
    offers: [makeOffer("openai"), makeOffer("openai-eu"), makeOffer("groq")],
    knownProviders: ["openai", "openai-eu", "groq", "together"],
    preset: undefined,
    pinnedProvider: undefined,
    provider: emptyProviderPreferences(),
    providerFilterNoMatch: "fail_closed",
    ...overrides,
  };
}

function failure(overrides: Partial<BeforeFilterInput>) {
  const result = beforeProviderFilters(input(overrides));
  if (result.ok) throw new Error("expected a 400");
  return { code: result.error.code, status: result.error.status, detail: result.error.details?.[0], body: result.error.toBody("G-1") };
}

describe("beforeProviderFilters (reference before/index.ts:552-788)", () => {
  it("preset allow/deny that leave nothing: 400 no_providers_after_preset_filter, path preset", () => {
    const out = failure({ preset: { slug: "eu-only", allow: ["together"] } });
    expect(out).toMatchObject({ code: "validation_error", status: 400, detail: { path: "preset", keyword: "no_providers_after_preset_filter", params: { preset: "eu-only" } } });
    expect(beforeProviderFilters(input({ preset: { slug: "p", allow: ["openai"], deny: ["groq"] } })).ok).toBe(true);
  });

  it("a pin outside only, or inside ignore: provider_qualified_model_conflict with params {provider, model, field, values}", () => {
    const requested = ["groq"];
    const only = failure({ pinnedProvider: "openai", provider: { ...emptyProviderPreferences(), only: requested } });
    expect(only.detail).toMatchObject({
      path: "provider.only",
      keyword: "provider_qualified_model_conflict",
      params: { provider: "openai", model: "test/model", field: "provider.only", values: ["groq"] },
    });
    // The error's list is its own copy, not the request's.
    (only.detail?.params?.["values"] as string[]).push("x");
    expect(requested).toEqual(["groq"]);
    const ignore = failure({ pinnedProvider: "openai", provider: { ...emptyProviderPreferences(), ignore: ["OpenAI"] } });
    expect(ignore.detail).toMatchObject({ path: "provider.ignore", params: { values: ["openai"] } });
  });

  it("a pin rewrites only to itself; a pin the model's offers lack is qualified_provider_unavailable", () => {
    const ok = beforeProviderFilters(input({ pinnedProvider: "openai-eu", provider: { ...emptyProviderPreferences(), only: ["openai-eu", "openai"] } }));
    expect(ok.ok && ok.provider.only).toEqual(["openai-eu"]);
    expect(failure({ pinnedProvider: "together" })).toMatchObject({ detail: { keyword: "qualified_provider_unavailable" }, body: { reason: "qualified_provider_unavailable" } });
    expect(failure({ pinnedProvider: "nobody" }).detail).toMatchObject({ keyword: "unknown_provider_slug" });
  });

  it("request only/ignore that leave nothing: 400 request_provider_filter_no_match (reason and keyword), or deferred to routing", () => {
    const provider = { ...emptyProviderPreferences(), only: ["openai"], ignore: ["openai"] };
    const out = failure({ provider });
    expect(out).toMatchObject({
      code: "validation_error",
      detail: { path: "provider", keyword: "request_provider_filter_no_match" },
      body: { reason: "request_provider_filter_no_match", model: "test/model" },
    });
    expect(beforeProviderFilters(input({ provider, providerFilterNoMatch: "defer_to_routing" })).ok).toBe(true);
  });

  it("reads only/ignore trimmed and case-folded, and names the lists and candidates in a no-match error", () => {
    const kept = beforeProviderFilters(input({ provider: { ...emptyProviderPreferences(), only: [" OpenAI-EU ", "nobody"], ignore: ["GROQ"] } }));
    expect(kept.ok).toBe(true);
    const out = failure({ provider: { ...emptyProviderPreferences(), only: [" Mistral", ""], ignore: [] } });
    expect(out.detail?.params).toEqual({ only: ["mistral"], ignore: [], candidates: ["openai", "openai-eu", "groq"] });
    expect(out.detail?.message).toContain("(only: [mistral], ignore: []; candidates: openai, openai-eu, groq)");
    // The error's lists are its own: changing them changes no later request's.
    (out.detail?.params?.["ignore"] as string[]).push("x");
    expect(failure({ provider: { ...emptyProviderPreferences(), only: ["mistral"] } }).detail?.params).toMatchObject({ ignore: [] });
  });

  it("leaves an unknown model to routing", () => {
    expect(beforeProviderFilters(input({ offers: [], provider: { ...emptyProviderPreferences(), only: ["nobody"] } })).ok).toBe(true);
  });
});
