import { describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog/load-catalog.js";
import { defaultGatewaySettings, gatewaySettingsSchema } from "../settings.js";
import { inlinePresetSchema } from "./preset-schema.js";
import { createPresetStore } from "./preset-store.js";
import { prepareOptions, prepareRequest } from "./prepare-request.js";

const store = createPresetStore([
  inlinePresetSchema.parse({
    slug: "bulk-backfill",
    models: ["meta/llama-4-maverick"],
    temperature: 0,
    routing_mode: "throughput",
    provider: { only: ["deepinfra", "together"] },
  }),
  inlinePresetSchema.parse({ slug: "sorted", model: "openai/gpt-5.4-nano", provider: { sort: "price" } }),
]);
const REFERENCE = prepareOptions(defaultGatewaySettings());
const DOCUMENTED = prepareOptions(gatewaySettingsSchema.parse({ fidelity: "documented" }));

describe("prepareRequest", () => {
  it("runs a request without preset straight through", () => {
    const result = prepareRequest({ model: "together:meta/llama-4-maverick", input: "x", top_p: 0.5 }, store, REFERENCE);
    if (!result.ok) throw result.error;
    expect(result.prepared).toMatchObject({ model: "meta/llama-4-maverick", pinnedProvider: "together", preset: undefined, presetFilter: {}, parameters: ["top_p"] });
  });

  it("applies the preset, hands its routing mode to routing as a preset mode (not a request sort)", () => {
    const result = prepareRequest({ model: "@bulk-backfill", input: "x" }, store, REFERENCE);
    if (!result.ok) throw result.error;
    expect(result.prepared).toMatchObject({
      model: "meta/llama-4-maverick",
      presetFilter: { allow: ["deepinfra", "together"] },
      parameters: ["temperature"],
      modeSources: { requestedSort: undefined, priority: "default", presetMode: "throughput", presetRanking: "shuffle" },
      contextRoutingMode: "throughput",
    });
    expect(result.prepared.request.provider.sort).toBeUndefined();
    expect(result.prepared.preset?.slug).toBe("bulk-backfill");
  });

  it("reference: a preset's provider.sort is dropped and the warning names routing_mode; documented: it is a request sort", () => {
    const reference = prepareRequest({ model: "@sorted", input: "x" }, store, REFERENCE);
    if (!reference.ok) throw reference.error;
    expect(reference.prepared.modeSources.requestedSort).toBeUndefined();
    expect(reference.prepared.warnings.join(" ")).toContain("routing_mode: price");
    const documented = prepareRequest({ model: "@sorted", input: "x" }, store, DOCUMENTED);
    if (!documented.ok) throw documented.error;
    expect(documented.prepared.modeSources).toMatchObject({ requestedSort: "price", presetRanking: "sort" });
    expect(documented.prepared.warnings).toEqual([]);
  });

  it("strips a :cheap suffix for the catalog model and keeps it for the requested model", () => {
    const result = prepareRequest({ model: "openai/gpt-5.4-nano:cheap", input: "x" }, store, REFERENCE);
    if (!result.ok) throw result.error;
    expect(result.prepared).toMatchObject({ model: "openai/gpt-5.4-nano", requestedModel: "openai/gpt-5.4-nano:cheap", modeSources: { priority: "cheap" } });
  });

  it("debug: debug.enabled or the x-gateway-debug header", () => {
    const body = prepareRequest({ model: "openai/gpt-5.4-nano", input: "x", debug: { enabled: true } }, store, REFERENCE);
    const header = prepareRequest({ model: "openai/gpt-5.4-nano", input: "x" }, store, REFERENCE, { debugHeader: true });
    const neither = prepareRequest({ model: "openai/gpt-5.4-nano", input: "x" }, store, REFERENCE);
    expect([body, header, neither].map((r) => r.ok && r.prepared.debug)).toEqual([true, true, false]);
  });

  it.each([
    ["reference", { input: "x" }, "validation_error", REFERENCE],
    ["documented", { input: "x" }, "model_required", DOCUMENTED],
    ["reference", { preset: "bulk-backfill", input: "x" }, "validation_error", REFERENCE],
    ["documented", { preset: "bulk-backfill", input: "x" }, "ok", DOCUMENTED],
    ["documented", { preset: "nope", input: "x" }, "validation_error", DOCUMENTED],
    ["reference", { model: "@nope", input: "x" }, "validation_error", REFERENCE],
    ["documented", { preset: "bulk-backfill", model: "openai/gpt-5.4-nano", input: "x" }, "validation_error", DOCUMENTED],
    ["reference", { preset: "bulk-backfill", model: "openai/gpt-5.4-nano", input: "x" }, "ok", REFERENCE],
    ["reference", { model: "openai/gpt-5.4-nano", input: "x", provider: { quantizations: ["fp8"] } }, "validation_error", REFERENCE],
  ])("%s: %j → %s", (_fidelity, body, code, options) => {
    const result = prepareRequest(body, store, options);
    expect(result.ok ? "ok" : result.error.code).toBe(code);
  });
});

describe("prepareRequest: before-stage provider gates (with the catalog)", () => {
  const catalog = loadCatalog("catalog/default.yaml");
  if (!catalog.ok) throw new Error("default catalog");
  const context = { catalog: catalog.value };

  it("request only that matches nothing → 400 request_provider_filter_no_match (reference), deferred under documented", () => {
    const body = { model: "openai/gpt-5.4-nano", input: "x", provider: { only: ["no-such-provider"] } };
    const reference = prepareRequest(body, store, REFERENCE, context);
    expect(reference.ok ? undefined : reference.error.details?.[0]).toMatchObject({ path: "provider", keyword: "request_provider_filter_no_match" });
    expect(prepareRequest(body, store, DOCUMENTED, context).ok).toBe(true);
  });
});
