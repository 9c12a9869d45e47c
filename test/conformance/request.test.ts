// Runs the reference's request-contract vectors (request.vectors.ts) against gateway-sim's request
// parsing, before-stage gates and mode resolution: each case names its reference test or code line.
import { describe, expect, it } from "vitest";
import type { Offer } from "../../src/gateway/catalog/schema.js";
import { debugHeader } from "../../src/gateway/pipeline/prepare-stage.js";
import { prepareOptions, prepareRequest } from "../../src/gateway/presets/prepare-request.js";
import { createPresetStore } from "../../src/gateway/presets/preset-store.js";
import { beforeProviderFilters } from "../../src/gateway/request/before-provider-filters.js";
import { parseModelReference } from "../../src/gateway/request/model-reference.js";
import { parseResponsesRequest } from "../../src/gateway/request/parse-responses-request.js";
import { contextRoutingMode, routingModeOf } from "../../src/gateway/request/routing-mode.js";
import { resolveMode } from "../../src/gateway/routing/routing-mode.js";
import { defaultGatewaySettings } from "../../src/gateway/settings.js";
import {
  CONTEXT_SPELLING_VECTORS,
  DEBUG_HEADER_VECTORS,
  HINT_VECTORS,
  MODE_VECTORS,
  MODEL_REFERENCE_VECTORS,
  PIN_VECTORS,
  PROVIDER_QUALIFIED_TEST,
  ROUTING_SPELLING_VECTORS,
  ROUTING_TEST,
  UNSUPPORTED_FILTER_VECTORS,
} from "./request.vectors.js";

const REFERENCE = prepareOptions(defaultGatewaySettings());
const NO_PRESETS = createPresetStore([]);

function offer(provider: string): Offer {
  return {
    provider,
    model: "m/m",
    providerModel: "m",
    format: "openai-chat",
    baseUrl: "http://127.0.0.1:1",
    apiKeyEnv: undefined,
    price: { input: 1, output: 1 },
    structuredOutput: true,
    maxOutputTokens: 1000,
    parameters: [],
    weight: 1,
  };
}

function parsed(body: Record<string, unknown>) {
  const result = parseResponsesRequest({ model: "openai/gpt-4o-mini", input: "hello", ...body });
  if (!result.ok) throw result.error;
  return result.request;
}

describe(`conformance: ${PROVIDER_QUALIFIED_TEST}`, () => {
  it.each(MODEL_REFERENCE_VECTORS.map((v) => [v.test, v] as const))("%s", (_name, { model, expected }) => {
    const result = parseModelReference(model);
    if (expected.ok) {
      expect(result).toEqual({ ok: true, reference: { kind: "model", model: expected.model, pinnedProvider: expected.pinnedProvider } });
    } else {
      expect(result.ok ? undefined : result.keyword).toBe(expected.keyword);
    }
  });

  it.each(PIN_VECTORS.map((v) => [v.test, v] as const))("%s", (_name, { model, body, known, offered, expected }) => {
    const request = parsed({ model, ...body });
    const gated = beforeProviderFilters({
      model: request.model ?? "",
      offers: offered.map(offer),
      knownProviders: known,
      preset: undefined,
      pinnedProvider: request.pinnedProvider,
      provider: request.provider,
      providerFilterNoMatch: "fail_closed",
    });
    if (expected.keyword === undefined) {
      expect(gated.ok && gated.provider.only).toEqual(expected.only);
    } else {
      const detail = gated.ok ? undefined : gated.error.details?.[0];
      expect(detail?.keyword).toBe(expected.keyword);
      if ("path" in expected) expect(detail?.path).toBe(expected.path);
    }
  });
});

describe(`conformance: ${ROUTING_TEST} and the sort spellings`, () => {
  it.each(ROUTING_SPELLING_VECTORS)("code: routing.ts:65-75 maps %j to %s", (spelling, mode) => {
    expect(routingModeOf(spelling)).toBe(mode);
  });

  it.each(
    CONTEXT_SPELLING_VECTORS.map(
      (v) => [`code: before/index.ts:48-73 maps ${v.requested === undefined ? "no sort" : JSON.stringify(v.requested)} (fallback ${String(v.fallback)}) to ${String(v.expected)}`, v] as const,
    ),
  )("%s", (_name, { requested, fallback, expected }) => {
    expect(contextRoutingMode(requested, fallback)).toBe(expected);
  });

  it.each(MODE_VECTORS.map((v) => [v.test, v] as const))("%s", (_name, { body, expected }) => {
    const prepared = prepareRequest({ input: "hello", ...body }, NO_PRESETS, REFERENCE);
    if (!prepared.ok) throw prepared.error;
    expect(resolveMode(prepared.prepared.modeSources)).toEqual(expected);
    // Routing also reads the merged hints' requestedSort (route.ts): it must be the same request sort.
    expect(prepared.prepared.request.provider.requestedSort).toBe(prepared.prepared.modeSources.requestedSort);
    expect(prepared.prepared.request.provider.mode).toBeUndefined();
  });

  it.each(HINT_VECTORS.map((v) => [v.test, v] as const))("%s", (_name, { body, expected }) => {
    expect(parsed(body).provider).toMatchObject(expected);
  });

  it.each(UNSUPPORTED_FILTER_VECTORS.map((v) => [v.test, v] as const))("%s", (_name, { body, expected }) => {
    const result = parseResponsesRequest({ model: "openai/gpt-4o-mini", input: "hello", ...body });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("validation_error");
    expect(result.error.details?.map((d) => ({ path: d.path, field: d.params?.["field"] }))).toEqual(expected);
  });

  it.each(DEBUG_HEADER_VECTORS.map((v) => [`code: before/index.ts:263-268 reads ${JSON.stringify(v.headers)} as debug ${v.debug}`, v] as const))("%s", (_name, { headers, debug }) => {
    expect(debugHeader({ headers })).toBe(debug);
  });
});
