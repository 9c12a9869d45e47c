// `routing_diagnostics` as the reference returns it (pipeline/execute/routing.ts:569-634, 919-961):
// gateway-sim's routing diagnostics renamed field by field, so tooling written against production
// reads them unchanged. gateway-sim's own fields are `warnings` and, under `gateway_sim`, the
// strategy, the recognised sort and how each provider was placed.
import type { Offer } from "../catalog/schema.js";
import type { ProviderPreferences } from "../request/provider-preferences.js";
import type { RoutingDiagnostics, ScoreFactors } from "../types.js";

/** Numbers rounded to 6 decimals, non-finite ones 0 (routing.ts:636-638). */
const round6 = (value: number): number => (Number.isFinite(value) ? Number(value.toFixed(6)) : 0);

function roundFactors(factors: ScoreFactors): ScoreFactors {
  const out: Record<string, number> = {};
  for (const key in factors) out[key] = round6(factors[key as keyof ScoreFactors]);
  return out as unknown as ScoreFactors;
}

export interface ReferenceRoutingDiagnostics {
  model: string;
  endpoint: "responses";
  priority: RoutingDiagnostics["priority"];
  routingMode: RoutingDiagnostics["routingMode"];
  requestedRouting: {
    requestedMode: string | null;
    allowFallbacks: boolean;
    requireParameters: boolean;
    returnDiagnostics: boolean;
    requiredExecutionRegion: string | null;
    requiredDataRegion: string | null;
    requireZeroDataRetention: boolean | null;
    maxPrice: Record<string, unknown> | null;
    preferredMinThroughput: number | null;
    preferredMaxLatency: number | null;
  };
  filterStages: { stage: string; beforeCount: number; afterCount: number; droppedProviders: { providerId: string; apiModelId: string | null; providerModelSlug: string | null; reason: string }[] }[];
  consideredProviders: {
    providerId: string;
    apiModelId: string | null;
    providerModelSlug: string | null;
    providerStatus: "active";
    providerRoutingStatus: "active";
    modelRoutingStatus: "active";
    capabilityStatus: "active";
    baseWeight: number;
  }[];
  rankedProviders: { providerId: string; apiModelId: string | null; providerModelSlug: string | null; score: number; breaker: string; breakerUntilMs: number | null; scoreFactors: ScoreFactors }[];
  finalCandidateCount: number;
  /** gateway-sim's addition: findings about the request (a documented-only form production ignores, …). */
  warnings: string[];
  /** gateway-sim's additions, not in the reference. */
  gateway_sim: { strategy: RoutingDiagnostics["strategy"]; sort: string | null; placedBy: Record<string, string> };
}

/**
 * @example
 * body.routing_diagnostics = toReferenceDiagnostics(routing.diagnostics, catalog.models[model] ?? [], prepared.request.provider);
 */
export function toReferenceDiagnostics(diagnostics: RoutingDiagnostics, offers: readonly Offer[], preferences: ProviderPreferences): ReferenceRoutingDiagnostics {
  const offerOf = (provider: string): Offer | undefined => offers.find((offer) => offer.provider === provider);
  const modelOf = (provider: string): string | null => offerOf(provider)?.providerModel ?? null;
  const maxPrice = preferences.maxPrice as Record<string, unknown> | undefined;
  return {
    model: diagnostics.model,
    endpoint: "responses",
    priority: diagnostics.priority,
    routingMode: diagnostics.routingMode,
    requestedRouting: {
      requestedMode: preferences.requestedSort ?? null,
      allowFallbacks: preferences.allowFallbacks ?? true,
      requireParameters: preferences.requireParameters ?? false,
      returnDiagnostics: preferences.diagnostics ?? false,
      requiredExecutionRegion: preferences.requiredExecutionRegion ?? null,
      requiredDataRegion: preferences.requiredDataRegion ?? null,
      requireZeroDataRetention: preferences.requireZeroDataRetention ?? null,
      maxPrice: maxPrice ?? null,
      preferredMinThroughput: preferences.preferredMinThroughputTps ?? null,
      preferredMaxLatency: preferences.preferredMaxLatencySeconds ?? null,
    },
    filterStages: diagnostics.filterStages.map((stage) => ({
      stage: stage.stage,
      beforeCount: stage.before,
      afterCount: stage.after,
      droppedProviders: stage.dropped.map((drop) => ({ providerId: drop.provider, apiModelId: modelOf(drop.provider), providerModelSlug: modelOf(drop.provider), reason: drop.reason })),
    })),
    consideredProviders: diagnostics.consideredProviders.map((provider) => ({
      providerId: provider,
      apiModelId: modelOf(provider),
      providerModelSlug: modelOf(provider),
      providerStatus: "active",
      providerRoutingStatus: "active",
      modelRoutingStatus: "active",
      capabilityStatus: "active",
      baseWeight: offerOf(provider)?.weight ?? 1,
    })),
    rankedProviders: diagnostics.rankedProviders.map((ranked) => ({
      providerId: ranked.provider,
      apiModelId: modelOf(ranked.provider),
      providerModelSlug: modelOf(ranked.provider),
      score: round6(ranked.score),
      breaker: ranked.breaker,
      breakerUntilMs: ranked.breakerUntilMs,
      scoreFactors: roundFactors(ranked.scoreFactors),
    })),
    finalCandidateCount: diagnostics.finalCandidateCount,
    warnings: diagnostics.warnings,
    gateway_sim: {
      strategy: diagnostics.strategy,
      sort: diagnostics.sort ?? null,
      placedBy: Object.fromEntries(diagnostics.rankedProviders.map((ranked) => [ranked.provider, ranked.placedBy])),
    },
  };
}

/**
 * The diagnostics without `consideredProviders` and `rankedProviders`, as the reference fills them only
 * with the diagnostics flag or debug (routing.ts:949, 959).
 *
 * @example
 * withoutProviderLists(diagnostics).rankedProviders; // []
 */
export function withoutProviderLists(diagnostics: ReferenceRoutingDiagnostics): ReferenceRoutingDiagnostics {
  return { ...diagnostics, consideredProviders: [], rankedProviders: [] };
}
