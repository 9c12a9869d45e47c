// The filter chain in order: pinned provider, preset allow/deny and capability gates (gateway-sim's
// stand-ins for the reference's before-stage checks), then the routing gates hints.only, hints.ignore
// (with the empty-pool policy) and pricing_cap_gate; an empty pool ends routing with an error.
import { GatewayError, type ErrorDetail } from "../../core/errors.js";
import { hasResidencyRequirement, residencyDropReason } from "../catalog/residency.js";
import type { Offer } from "../catalog/schema.js";
import { byFidelity } from "../fidelity.js";
import type { FilterStage, RoutingInput } from "../types.js";
import { runFilterStage, type DropReason } from "./filter-stage.js";
import { cachedFilter, copyStages, filterKey, rememberFilter } from "./filter-cache.js";
import { capabilityReason, DROP_REASONS, maxPriceReason, pinnedReason, presetReason } from "./filters.js";
import { applyProviderFilter } from "./provider-filter.js";

/**
 * What filtering left, or why it failed. `stages` and `warnings` are fresh arrays the caller may append to;
 * `pool` (read-only) and the stage records (frozen) may be shared with other requests.
 */
export type FilterOutcome =
  | { ok: true; pool: readonly Offer[]; consideredProviders: string[]; stages: FilterStage[]; warnings: string[] }
  | { ok: false; error: GatewayError; stages: FilterStage[]; warnings: string[] };

/**
 * Runs every filter stage that applies to this request and records each one.
 *
 * @example
 * const out = runFilters(input);
 * if (!out.ok) return out.error; // 400 unsupported_model_or_endpoint or no_providers_after_preset_filter
 */
export function runFilters(input: RoutingInput): FilterOutcome {
  const key = filterKey(input);
  const hit = key === undefined ? undefined : cachedFilter(input.offers, key);
  if (hit) return { ok: true, pool: hit.pool, consideredProviders: hit.providers.slice(), stages: copyStages(hit.stages), warnings: [] };
  const out = filterAfresh(input);
  // Only an outcome with nothing to say is remembered: a warning names the model and the settings' policy.
  if (key === undefined || !out.ok || out.warnings.length > 0) return out;
  // The first request keeps the records it built; the cache keeps copies.
  const remembered = rememberFilter(input.offers, key, out.pool, out.stages);
  return { ok: true, pool: remembered.pool, consideredProviders: remembered.providers.slice(), stages: out.stages, warnings: out.warnings };
}

function filterAfresh(input: RoutingInput): FilterOutcome {
  const stages: FilterStage[] = [];
  const warnings: string[] = [];
  let pool: Offer[] = [...input.offers];
  if (pool.length === 0) {
    return fail(new GatewayError("unsupported_model_or_endpoint", `Model ${input.model} is not offered by any provider in the catalog.`), stages, warnings);
  }

  if (input.pinnedProvider !== undefined) {
    pool = step(stages, "pinned_provider", pool, pinnedReason(input.pinnedProvider));
    if (pool.length === 0) {
      const offered = input.offers.map((o) => o.provider).join(", ");
      const message = `Provider ${input.pinnedProvider} does not offer ${input.model} (offered by ${offered}).`;
      return fail(new GatewayError("unsupported_model_or_endpoint", message, { details: [{ message, path: "model", keyword: "pinned_provider_not_offered" }] }), stages, warnings);
    }
  }
  const preset = input.presetFilter;
  if (preset && ((preset.allow?.length ?? 0) > 0 || (preset.deny?.length ?? 0) > 0)) {
    pool = step(stages, "preset_filter", pool, presetReason(preset));
    if (pool.length === 0) {
      const message = `The preset's provider filter leaves no provider for ${input.model} (allow: [${(preset.allow ?? []).join(", ")}], deny: [${(preset.deny ?? []).join(", ")}]; offered by ${input.offers.map((o) => o.provider).join(", ")}).`;
      return fail(new GatewayError("no_providers_after_preset_filter", message), stages, warnings);
    }
  }
  pool = step(stages, "capabilities", pool, capabilityReason(input.requirements, input.preferences.requireParameters === true));

  const providerFilter = applyProviderFilter(input.model, pool, input.preferences, input.settings);
  stages.push(...providerFilter.stages);
  if (!providerFilter.ok) return fail(providerFilter.error, stages, warnings);
  pool = providerFilter.pool;
  warnings.push(...providerFilter.warnings);

  // Region and zero-data-retention requirements (routing.ts:1151-1187), before the price caps.
  if (hasResidencyRequirement(input.preferences)) pool = step(stages, "residency_gate", pool, residencyDropReason(input.preferences));

  const maxPrice = input.preferences.maxPrice;
  if (maxPrice && Object.values(maxPrice).some((cap) => cap !== undefined)) {
    const missingMeter = byFidelity<"drop" | "keep">(input.settings.routing.priceCapMissingMeter, input.settings.fidelity, { reference: "drop", documented: "keep" });
    pool = step(stages, "pricing_cap_gate", pool, maxPriceReason(maxPrice, missingMeter));
  }

  if (pool.length === 0) {
    const policy = byFidelity<"upstream_error" | "unsupported_model">(input.settings.routing.emptyPoolAfterGates, input.settings.fidelity, {
      reference: "upstream_error",
      documented: "unsupported_model",
    });
    return fail(policy === "upstream_error" ? emptyPoolUpstreamError(input.model, stages) : emptyPoolError(input.model, stages), stages, warnings);
  }
  return { ok: true, pool, consideredProviders: pool.map(providerOf), stages, warnings };
}

function providerOf(offer: Offer): string {
  return offer.provider;
}

/**
 * The reference's answer when the routing gates empty the pool (index.ts:471-545, guards.ts:398-517):
 * zero attempts, then the all-failed guard: 502 upstream_error, all_candidates_failed, no attempt data.
 */
function emptyPoolUpstreamError(model: string, stages: readonly FilterStage[]): GatewayError {
  const drops = stages.flatMap((s) => s.dropped.map((d) => `${d.provider} (${s.stage}: ${d.reason})`)).join(", ");
  return new GatewayError(
    "upstream_error",
    `All 0 provider attempts failed for endpoint "responses" on model "${model}". No per-attempt diagnostics were captured. ` +
      `(gateway-sim: the routing gates left no candidate: ${drops}. The documented contract answers 400 unsupported_model_or_endpoint; set routing.emptyPoolAfterGates: unsupported_model.)`,
    { extra: { reason: "all_candidates_failed", failed_providers: null, failed_statuses: null, failure_sample: null } },
  );
}

/** Runs one stage over `pool`, records it, and returns what is left. Module level: a closure per request costs a keepNames wrapper under tsx. */
function step(stages: FilterStage[], stage: string, pool: readonly Offer[], reason: DropReason): Offer[] {
  const out = runFilterStage(stage, pool, reason);
  stages.push(out.record);
  return out.pool;
}

function fail(error: GatewayError, stages: FilterStage[], warnings: string[]): FilterOutcome {
  return { ok: false, error, stages, warnings };
}

function emptyPoolError(model: string, stages: readonly FilterStage[]): GatewayError {
  const drops = stages.flatMap((s) => s.dropped.map((d) => ({ ...d, stage: s.stage })));
  const details: ErrorDetail[] = drops.map((d) => ({ message: `${d.provider}: ${d.reason}`, path: detailPath(d.stage, d.reason), keyword: d.reason }));
  const summary = drops.map((d) => `${d.provider} (${d.reason})`).join(", ");
  return new GatewayError("unsupported_model_or_endpoint", `No provider can serve ${model} for this request: ${summary}.`, { details });
}

/** The request field a drop points back to, so a user knows what to change. */
function detailPath(stage: string, reason: string): string {
  if (reason === DROP_REASONS.noStructuredOutput) return "response_format";
  if (reason === DROP_REASONS.maxOutputTokensBelowRequest) return "max_output_tokens";
  if (reason.startsWith(DROP_REASONS.missingRequiredParameter)) return "provider.require_parameters";
  const paths: Record<string, string> = { pinned_provider: "model", preset_filter: "preset", "hints.only": "provider.only", "hints.ignore": "provider.ignore", pricing_cap_gate: "provider.max_price" };
  return paths[stage] ?? "provider";
}
