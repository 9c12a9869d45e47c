import { describe, expect, it } from "vitest";
import { parseResponsesRequest } from "../request/parse-responses-request.js";
import type { ResponsesRequest } from "../request/responses-request-schema.js";
import { applyPreset, type ApplyPresetOptions } from "./apply-preset.js";
import { inlinePresetSchema, type Preset } from "./preset-schema.js";

function request(body: Record<string, unknown>): ResponsesRequest {
  const parsed = parseResponsesRequest({ input: "Summarise.", model: "@p", ...body });
  if (!parsed.ok) throw parsed.error;
  return parsed.request;
}

function preset(fields: Record<string, unknown>): Preset {
  return inlinePresetSchema.parse({ slug: "p", ...fields });
}

const DOCUMENTED: ApplyPresetOptions = { providerFields: "all", defaultModel: "documented" };

function applied(body: Record<string, unknown>, fields: Record<string, unknown>, options?: ApplyPresetOptions) {
  const result = applyPreset(request(body), preset(fields), options);
  if (!result.ok) throw result.error;
  return result;
}

describe("applyPreset: fill-missing merge", () => {
  it.each([
    ["temperature", { temperature: 0.2 }, {}, { temperature: 0.2 }, ["temperature"]],
    ["temperature (request wins)", { temperature: 0.2 }, { temperature: 0.9 }, { temperature: 0.9 }, []],
    ["temperature 0 in the request still wins", { temperature: 0.7 }, { temperature: 0 }, { temperature: 0 }, []],
    ["top_p", { top_p: 0.5 }, {}, { topP: 0.5 }, ["top_p"]],
    ["max_output_tokens", { max_output_tokens: 300 }, { max_output_tokens: 50 }, { maxOutputTokens: 50 }, []],
    ["stop and seed", { stop: ["##"], seed: 4 }, {}, { stop: ["##"], seed: 4 }, ["stop", "seed"]],
    ["response_format", { response_format: { type: "json_object" } }, {}, { responseFormat: { type: "json_object" } }, ["response_format"]],
    [
      "reasoning shallow: the request's object replaces the preset's (presetMerge.ts:23-29)",
      { reasoning: { effort: "high", max_tokens: 1000 } },
      { reasoning: { effort: "low" } },
      { reasoning: { effort: "low" } },
      [],
    ],
    ["reasoning from the preset when the request has none", { reasoning: { effort: "high" } }, {}, { reasoning: { effort: "high" } }, ["reasoning"]],
    [
      "response_caching key by key",
      { response_caching: { enabled: true, ttl_seconds: 600 } },
      { response_caching: { ttl_seconds: 60 } },
      { responseCaching: { enabled: true, ttlSeconds: 60 } },
      ["response_caching.enabled"],
    ],
    [
      "provider: only the reference's keys merge; sort and allow_fallbacks are dropped (reference)",
      { provider: { sort: "price", allow_fallbacks: false, max_price: { prompt: 2 }, weights: { openai: 2 } } },
      { provider: { diagnostics: true } },
      { provider: expect.objectContaining({ sort: undefined, allowFallbacks: undefined, diagnostics: true, maxPrice: { prompt: 2 }, weights: { openai: 2 } }) },
      ["provider.max_price", "provider.weights"],
    ],
    [
      "provider: request wins per key over the preset's",
      { provider: { order: ["openai", "anthropic"], max_price: { prompt: 0.25, completion: 1.5 } } },
      { provider: { order: ["google-ai-studio"], max_price: { prompt: 0.1 } } },
      { provider: expect.objectContaining({ order: ["google-ai-studio"], only: ["openai", "anthropic"], maxPrice: { prompt: 0.1 } }) },
      ["provider.only"],
    ],
  ])("%s", (_name, presetFields, body, expected, fromPreset) => {
    const result = applied({ model: "openai/gpt-5.4-nano", ...body }, presetFields);
    expect(result.request).toMatchObject(expected);
    expect(result.appliedFromPreset).toEqual(fromPreset);
  });

  it("leaves plugins to layerPlugins and names the preset on the request", () => {
    const result = applied({ model: "openai/gpt-5.4-nano", plugins: [{ id: "response-healing", mode: "strict" }] }, { plugins: [{ id: "response-healing", locked: true }] });
    expect(result.request.plugins).toEqual([{ id: "response-healing", mode: "strict" }]);
    expect(result.request.preset).toBe("p");
  });

  it("does not modify its inputs", () => {
    const req = request({ model: "openai/gpt-5.4-nano", instructions: "Own." });
    const p = preset({ system_prompt: "Preset.", temperature: 0.1, provider: { sort: "price" } });
    const before = [JSON.stringify(req), JSON.stringify(p)];
    applyPreset(req, p);
    expect([JSON.stringify(req), JSON.stringify(p)]).toEqual(before);
  });
});

describe("applyPreset: system prompt", () => {
  it.each([
    ["prepended to instructions with a blank line", { instructions: "Own rules." }, { instructions: "Preset rules.\n\nOwn rules." }],
    ["becomes the instructions when there are none", {}, { instructions: "Preset rules.", input: [{ role: "user", content: "Summarise." }] }],
    [
      "the instructions even when input holds system messages (input is always present: presetMerge.ts:35-36)",
      {
        input: [
          { role: "user", content: "a" },
          { role: "developer", content: "Dev rules." },
          { role: "system", content: "Sys." },
        ],
      },
      {
        instructions: "Preset rules.",
        input: [
          { role: "user", content: "a" },
          { role: "developer", content: "Dev rules." },
          { role: "system", content: "Sys." },
        ],
      },
    ],
  ])("is %s", (_name, body, expected) => {
    const result = applied({ model: "openai/gpt-5.4-nano", ...body }, { system_prompt: "Preset rules." });
    expect(result.request).toMatchObject(expected);
    expect(result.appliedFromPreset).toContain("system_prompt");
  });
});

describe("applyPreset: models", () => {
  const allowlist = { models: ["openai/*", "anthropic/claude-sonnet-4.6"] };

  it.each([
    ["a wildcard match", "openai/gpt-5.4-mini", allowlist],
    ["an exact match", "anthropic/claude-sonnet-4.6", allowlist],
    ["no allowlist", "meta/llama-4-maverick", { model: "openai/gpt-5.4-nano" }],
  ])("keeps the request's model on %s", (_name, model, fields) => {
    const result = applied({ model }, fields);
    expect(result.model).toBe(model);
    expect(result.appliedFromPreset).not.toContain("model");
  });

  it("rejects a model outside the allowlist with preset_model_not_allowed", () => {
    const result = applyPreset(request({ model: "anthropic/claude-opus-4.6" }), preset(allowlist));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("validation_error");
    expect(result.error.details).toEqual([expect.objectContaining({ path: "preset.config.models", keyword: "preset_model_not_allowed", params: { preset: "p", model: "anthropic/claude-opus-4.6" } })]);
    expect(result.error.message).toContain("openai/*");
  });

  it.each([
    ["its default model", { model: "openai/gpt-5.4-mini", models: ["openai/*"] }, "openai/gpt-5.4-mini", undefined],
    ["its default_model", { default_model: "openai/gpt-5.4-mini", models: ["openai/*"] }, "openai/gpt-5.4-mini", undefined],
    ["its single concrete allowlist entry", { models: ["meta/llama-4-maverick"] }, "meta/llama-4-maverick", undefined],
    ["models[0] of several (reference, schemas.ts:449-454)", { models: ["openai/gpt-5.4-mini", "openai/gpt-5.4-nano"] }, "openai/gpt-5.4-mini", undefined],
    ["the one concrete entry beside wildcards (documented)", { models: ["anthropic/*", "openai/gpt-5.4-nano"] }, "openai/gpt-5.4-nano", DOCUMENTED],
  ])("uses %s when the request names none", (_name, fields, model, options) => {
    const result = applied({}, fields, options);
    expect(result.model).toBe(model);
    expect(result.request.model).toBe(model);
    expect(result.appliedFromPreset).toContain("model");
  });

  it.each([
    ["only wildcards", { models: ["openai/*"] }, undefined],
    ["a wildcard first (reference reads models[0])", { models: ["anthropic/*", "openai/gpt-5.4-nano"] }, undefined],
    ["several concrete models (documented)", { models: ["openai/gpt-5.4-mini", "openai/gpt-5.4-nano"] }, DOCUMENTED],
    ["no model at all", { temperature: 0.1 }, undefined],
  ])("is model_required with %s and no request model", (_name, fields, options) => {
    const result = applyPreset(request({}), preset(fields), options);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("model_required");
      expect(result.error.message).toContain('Preset "p"');
    }
  });
});

describe("applyPreset: preset provider filter", () => {
  it.each([
    ["only", { only: ["openai"], order: ["openai-eu"], ignore: ["groq"] }, { allow: ["openai"], deny: ["groq"] }],
    ["order when only is absent", { order: ["openai-eu", "openai"] }, { allow: ["openai-eu", "openai"] }],
    ["nothing", { sort: "price" }, {}],
  ])("builds the allow/deny filter from %s", (_name, provider, filter) => {
    expect(applied({ model: "openai/gpt-5.4-nano" }, { provider }).presetFilter).toEqual(filter);
  });

  it("merges the preset's only/order/ignore under the request's, request winning per key (presetMerge.ts:79-87, 109-116)", () => {
    const result = applied({ model: "openai/gpt-5.4-nano", provider: { ignore: ["openai-eu"] } }, { provider: { only: ["openai"], ignore: ["groq"], order: ["openai"] } });
    expect(result.request.provider).toMatchObject({ only: ["openai"], ignore: ["openai-eu"], order: ["openai"] });
    expect(result.appliedFromPreset).toEqual(expect.arrayContaining(["provider.only", "provider.order"]));
  });

  it("the preset's only defaults to its order (schemas.ts:420)", () => {
    const result = applied({ model: "openai/gpt-5.4-nano" }, { provider: { order: ["openai", "anthropic"] } });
    expect(result.request.provider).toMatchObject({ only: ["openai", "anthropic"], order: ["openai", "anthropic"] });
  });

  it("documented: the preset's sort and allow_fallbacks merge too", () => {
    const result = applied({ model: "openai/gpt-5.4-nano" }, { provider: { sort: "price", allow_fallbacks: false } }, DOCUMENTED);
    expect(result.request.provider).toMatchObject({ sort: "price", allowFallbacks: false });
  });
});
