// The request half of the pipeline in one call, in the reference's before-stage order: parse the
// body, find its preset (`model: "@slug"`), apply it, run the before-stage provider gates, resolve
// the model suffix and routing-mode sources, and list the parameters `require_parameters` checks.
import { GatewayError } from "../../core/errors.js";
import type { Catalog } from "../catalog/schema.js";
import { byFidelity, type Fidelity } from "../fidelity.js";
import { beforeProviderFilters } from "../request/before-provider-filters.js";
import { parseResponsesRequest, type ParseRequestOptions } from "../request/parse-responses-request.js";
import { requestParameters, type OfferParameter } from "../request/request-parameters.js";
import type { ResponsesRequest } from "../request/responses-request-schema.js";
import { contextRoutingMode, parsePriority, type PriorityProfile, type RoutingMode } from "../request/routing-mode.js";
import type { GatewaySettings } from "../settings.js";
import { applyPreset, type ApplyPresetOptions, type PresetFilter } from "./apply-preset.js";
import type { Preset } from "./preset-schema.js";
import type { PresetStore } from "./preset-store.js";
import { resolvePreset } from "./resolve-preset.js";

/** What routing needs to pick the mode (routing.ts:818-821); the same shape as RoutingInput.modeSources. */
export interface ModeSources {
  /** The request's sort as written (any spelling; even an unknown one makes the ranking deterministic). */
  requestedSort: string | undefined;
  priority: PriorityProfile;
  /** The preset's routing mode: ranked through the weighted shuffle unless `presetRanking` is `sort`. */
  presetMode: RoutingMode | undefined;
  presetRanking: "shuffle" | "sort";
}

export interface PreparedRequest {
  /** The merged request (preset defaults filled in). */
  request: ResponsesRequest & { model: string };
  /** The base model: the catalog, health and pricing id (a `:cheap`/`:fast`/`:nitro` suffix stripped). */
  model: string;
  /** The model as requested, suffix kept (the reference seeds its routing RNG with it). */
  requestedModel: string;
  pinnedProvider: string | undefined;
  preset: Preset | undefined;
  presetFilter: PresetFilter;
  appliedFromPreset: string[];
  /** Catalog parameter names present after the merge (a preset's temperature counts too). */
  parameters: OfferParameter[];
  modeSources: ModeSources;
  /** `ctx.routingMode` after the request override (before/index.ts:820-823): what the cache fingerprint reads. */
  contextRoutingMode: RoutingMode | null;
  /** `debug.enabled` or a truthy `x-gateway-debug`/`x-phaseo-debug` header: diagnostics, meta and a cache bypass. */
  debug: boolean;
  /** Findings about the request itself (a documented-only form that production ignores), shown in the routing diagnostics. */
  warnings: string[];
}

export type PrepareRequestResult = { ok: true; prepared: PreparedRequest } | { ok: false; error: GatewayError };

/** Every request/preset rule that differs between the reference's code and its documentation, resolved. */
export type PrepareOptions = ParseRequestOptions & ApplyPresetOptions & { providerFilterNoMatch: "fail_closed" | "defer_to_routing"; presetRanking: "shuffle" | "sort" };

/**
 * The options `settings` selects: each per-rule setting, else the side `settings.fidelity` picks.
 *
 * @example
 * prepareOptions(defaultGatewaySettings()).presetField; // "ignore"
 */
export function prepareOptions(settings: Pick<GatewaySettings, "fidelity" | "request" | "presets">): PrepareOptions {
  // Settings are fixed for a gateway's life: resolve them once, not per request.
  const cached = OPTIONS.get(settings);
  if (cached) return cached;
  const f: Fidelity = settings.fidelity;
  const options: PrepareOptions = {
    presetField: byFidelity(settings.request.presetField, f, { reference: "ignore", documented: "select" }),
    unknownSort: byFidelity(settings.request.unknownSort, f, { reference: "balanced", documented: "reject" }),
    unknownFields: byFidelity(settings.request.unknownFields, f, { reference: "ignore", documented: "reject" }),
    providerFilterNoMatch: byFidelity(settings.request.providerFilterNoMatch, f, { reference: "fail_closed", documented: "defer_to_routing" }),
    providerFields: byFidelity(settings.presets.providerFields, f, { reference: "reference", documented: "all" }),
    presetRanking: byFidelity(settings.presets.routingModeRanking, f, { reference: "shuffle", documented: "sort" }),
    defaultModel: f,
  };
  OPTIONS.set(settings, options);
  return options;
}

const OPTIONS = new WeakMap<object, PrepareOptions>();

const NO_PROVIDERS: readonly string[] = [];

/** The catalog and the request's headers, when the caller has them. */
export interface PrepareContext {
  catalog?: Catalog | undefined;
  /** `x-gateway-debug` or `x-phaseo-debug` was truthy (`1`, `true`, `yes`). */
  debugHeader?: boolean | undefined;
}

/**
 * @example
 * const prepared = prepareRequest(body, presets, prepareOptions(settings), { catalog });
 * if (!prepared.ok) return { status: prepared.error.status, body: prepared.error.toBody(id) };
 */
export function prepareRequest(body: unknown, presets: PresetStore, options: PrepareOptions, context: PrepareContext = {}): PrepareRequestResult {
  const parsed = parseResponsesRequest(body, options);
  if (!parsed.ok) return parsed;
  const resolved = resolvePreset(parsed.request, presets);
  if (!resolved.ok) return resolved;
  const { preset } = resolved;
  let request: ResponsesRequest & { model: string };
  let presetFilter: PresetFilter = {};
  let appliedFromPreset: string[] = [];
  // The parse result is this call's own: its warnings list is extended in place.
  const warnings = parsed.warnings;
  if (preset) {
    const applied = applyPreset(parsed.request, preset, options);
    if (!applied.ok) return applied;
    ({ request, presetFilter, appliedFromPreset } = applied);
    // The notes are about fields the reference drops; with providerFields `all` they apply.
    if (options.providerFields === "reference") warnings.push(...preset.notes);
  } else {
    const model = parsed.request.model;
    // Unreachable: parseResponsesRequest answers a body that names neither a model nor a preset.
    if (model === undefined) return { ok: false, error: new GatewayError("model_required", 'Set "model" (e.g. "openai/gpt-5.4-nano", or "@slug" for a preset).') };
    // The parsed request already holds this model: only its type narrows (a spread of its ~25 fields cost a copy per request).
    request = parsed.request as ResponsesRequest & { model: string };
  }
  const { base, priority } = parsePriority(request.model);
  const catalog = context.catalog;
  if (catalog) {
    const gated = beforeProviderFilters({
      model: base,
      offers: catalog.models[base] ?? [],
      // Read only to check a `provider:` pin: listing the catalog's providers per request is waste otherwise.
      knownProviders: request.pinnedProvider === undefined ? NO_PROVIDERS : Object.keys(catalog.providers),
      preset: preset ? { slug: preset.slug, ...presetFilter } : undefined,
      pinnedProvider: request.pinnedProvider,
      provider: request.provider,
      providerFilterNoMatch: options.providerFilterNoMatch,
    });
    if (!gated.ok) return gated;
    if (gated.provider !== request.provider) request = { ...request, provider: gated.provider };
  }
  const presetMode = preset?.routingMode;
  const requestedSort = request.requestedSort ?? (options.providerFields === "all" ? preset?.provider?.requestedSort : undefined);
  return {
    ok: true,
    prepared: {
      request,
      model: base,
      requestedModel: request.model,
      pinnedProvider: request.pinnedProvider,
      preset,
      presetFilter,
      appliedFromPreset,
      parameters: requestParameters(request),
      modeSources: { requestedSort, priority, presetMode, presetRanking: options.presetRanking },
      contextRoutingMode: contextRoutingMode(requestedSort, presetMode ?? null),
      debug: request.debug || context.debugHeader === true,
      warnings,
    },
  };
}
