// Runs the reference's preset test vectors (presets.vectors.ts) against gateway-sim's preset
// functions: each case names the reference test it comes from.
import { describe, expect, it } from "vitest";
import { layerPlugins } from "../../src/plugins/layer-plugins.js";
import { pluginListSchema } from "../../src/plugins/plugin-entry-schema.js";
import { applyPreset } from "../../src/gateway/presets/apply-preset.js";
import { isModelAllowed } from "../../src/gateway/presets/model-allowlist.js";
import { inlinePresetSchema } from "../../src/gateway/presets/preset-schema.js";
import { resolvePresetModel } from "../../src/gateway/presets/resolve-preset-model.js";
import { parseResponsesRequest } from "../../src/gateway/request/parse-responses-request.js";
import { contextRoutingMode } from "../../src/gateway/request/routing-mode.js";
import {
  INSTRUCTIONS_VECTORS,
  MODEL_ALLOWLIST_VECTORS,
  PLUGIN_VECTORS,
  PRESET_MERGE_TEST,
  PRESET_SCHEMA_TEST,
  PRESET_SCHEMA_VECTORS,
  PROVIDER_MERGE_VECTORS,
  REASONING_EFFORT_VECTORS,
  ROUTING_MODE_VECTORS,
} from "./presets.vectors.js";

function preset(fields: Record<string, unknown>) {
  return inlinePresetSchema.parse({ slug: "p", ...fields });
}

function requestFor(body: Record<string, unknown>) {
  const parsed = parseResponsesRequest({ model: "@p", input: "Hello", ...body });
  if (!parsed.ok) throw parsed.error;
  return parsed.request;
}

describe(`conformance: ${PRESET_MERGE_TEST}`, () => {
  it.each(MODEL_ALLOWLIST_VECTORS.map((v) => [v.test, v] as const))("%s", (_name, { model, allowedModels, allowed }) => {
    expect(isModelAllowed(model, allowedModels)).toBe(allowed);
    const result = resolvePresetModel(model, preset({ models: [...allowedModels], model: allowedModels.find((m) => !m.includes("*")) }));
    expect(result.ok ? "ok" : result.error.details?.[0]?.keyword).toBe(allowed ? "ok" : "preset_model_not_allowed");
  });

  it.each(ROUTING_MODE_VECTORS.map((v) => [v.test, v] as const))("%s", (_name, { presetMode, expected, differs }) => {
    const mode = contextRoutingMode(undefined, presetMode ?? null);
    // A named deliberate difference asserts gateway-sim's side (no workspace settings: null).
    expect(mode).toBe(differs === undefined ? expected : null);
  });

  it.each(INSTRUCTIONS_VECTORS.map((v) => [v.test, v] as const))("%s", (_name, { systemPrompt, body, instructions }) => {
    const applied = applyPreset(requestFor(body), preset({ model: "openai/gpt-5.4-nano", system_prompt: systemPrompt }));
    expect(applied.ok && applied.request.instructions).toBe(instructions);
  });

  it.each(PLUGIN_VECTORS.map((v) => [v.test, v] as const))("%s", (_name, { presetPlugins, requestPlugins, expected }) => {
    const layered = layerPlugins([
      { source: "preset", plugins: pluginListSchema.parse(presetPlugins) },
      { source: "request", plugins: pluginListSchema.parse(requestPlugins) },
    ]);
    if (!layered.ok) throw layered.error;
    expect(layered.plugins).toEqual(expected.map((p) => expect.objectContaining(p)));
  });

  it.each(PROVIDER_MERGE_VECTORS.map((v) => [v.test, v] as const))("%s", (_name, { preset: fields, request, model, provider }) => {
    const p = inlinePresetSchema.parse({ slug: "p", ...fields });
    const applied = applyPreset(requestFor(request), p);
    if (!applied.ok) throw applied.error;
    expect(applied.model).toBe(model);
    const { weights: _weights, ...merged } = Object.fromEntries(Object.entries(applied.request.provider).filter(([, v]) => v !== undefined));
    expect(merged).toEqual(provider);
  });
});

describe(`conformance: ${PRESET_SCHEMA_TEST}`, () => {
  it(REASONING_EFFORT_VECTORS.test, () => {
    for (const effort of REASONING_EFFORT_VECTORS.efforts) {
      expect(preset({ reasoning: { enabled: true, effort } }).reasoning).toEqual({ enabled: true, effort });
    }
  });

  it.each(PRESET_SCHEMA_VECTORS.map((v) => [v.test, v] as const))("%s", (_name, { input, expected }) => {
    const parsed = preset(input);
    const { defaultModel, provider, ...rest } = expected as typeof expected & { provider?: Record<string, unknown> };
    expect(resolvePresetModel(undefined, parsed).ok && resolvePresetModel(undefined, parsed)).toMatchObject({ model: defaultModel });
    expect(parsed).toMatchObject(rest);
    if (provider) expect(Object.fromEntries(Object.entries(parsed.provider ?? {}).filter(([, v]) => v !== undefined))).toEqual(provider);
  });
});
