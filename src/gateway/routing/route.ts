// Routing (reference routing.ts:787-1441): filters the model's offers, moves `provider.order` first,
// scores every survivor in that order, and ranks them by the resolved mode's rule, returning the
// candidates with the diagnostics that explain them.
import type { Offer } from "../catalog/schema.js";
import type { FilterStage, RankedProvider, RoutingDiagnostics, RoutingInput, RoutingResult } from "../types.js";
import { isRecentOutage, placedBy, type Candidate, type ScoredCandidate } from "./candidate.js";
import { finalOrder, orderFirst } from "./final-order.js";
import { resolveMode, type ResolvedMode } from "./routing-mode.js";
import { runFilters } from "./run-filters.js";
import { roundDiagnostic, scoreCandidates } from "./score.js";
import { byFidelity } from "../fidelity.js";
import { readForRouting } from "../health/routing-read.js";

/**
 * Routes one request. Expected failures (empty pool, preset filter) are a result, not a throw.
 * Random draws, all from `input.random` in candidate order: each candidate's reliability draw, then
 * its jitter (explicit modes), then the weighted shuffle when the mode shuffles.
 *
 * @example
 * const result = route({ model, offers: catalog.models[model] ?? [], preferences, requirements, health, now, random, settings });
 * if (result.ok) for (const offer of result.candidates) await tryProvider(offer);
 */
export function route(input: RoutingInput): RoutingResult {
  // A request-level sort, in any spelling (`routing.mode` too), makes the ranking deterministic (routing.ts:818-821).
  const sources = input.modeSources;
  // A literal of the four fields, not a spread of the sources (a slow path per request on Node 20).
  const mode = resolveMode({
    requestedSort: sources?.requestedSort ?? input.preferences.requestedSort ?? input.preferences.mode,
    priority: sources?.priority,
    presetMode: sources?.presetMode,
    presetRanking: sources?.presetRanking,
  });
  const strategy = strategyOf(input, mode);
  const filtered = runFilters(input);
  if (!filtered.ok) return { ok: false, error: filtered.error, diagnostics: diagnosticsOf(input, mode, strategy, filtered.stages, [], [], [...filtered.warnings]) };

  const order = input.preferences.order;
  // Without `order` the pool is read as it is (it may be shared, and nothing here writes it).
  const pool = order !== undefined && order.length > 0 ? orderFirst(filtered.pool, order) : filtered.pool;
  const candidates = candidatesOf(pool, input);
  // runFilters' lists are this routing's own: appended to, not copied.
  const stages = filtered.stages;
  const breakerStage = healthBreakerStage(candidates, input.now);
  if (breakerStage) stages.push(breakerStage);
  const next = input.random.next;
  const scored = scoreCandidates(candidates, {
    mode,
    preferences: input.preferences,
    requestedMaxTokens: input.requirements.maxOutputTokens,
    settings: input.settings,
    now: input.now,
    next,
  });
  const ranking = strategy === "balanced_shuffle" || strategy === "weighted_shuffle" ? "shuffle" : "sort";
  const ordered = finalOrder(scored, input.preferences.order, ranking, next);
  const ranked = strategy === "pinned" ? ordered.map((c) => placedBy(c, "pinned")) : ordered;
  const warnings = filtered.warnings;
  appendAll(warnings, orderWarnings(input, pool));
  appendAll(warnings, documentedBreakerWarnings(candidates, input));
  // Sized once: pushing into `[]` allocates room for 16 on the first push.
  const offers: Offer[] = ranked.map(offerOf);
  const rankedProviders = new Array<RankedProvider>(ranked.length);
  for (let i = 0; i < ranked.length; i++) rankedProviders[i] = toRankedProvider(ranked[i] as ScoredCandidate, i, input.now);
  return {
    ok: true,
    candidates: offers,
    diagnostics: diagnosticsOf(input, mode, strategy, stages, filtered.consideredProviders, rankedProviders, warnings),
  };
}

/** Each offer with its health, read once per routing (the store's in-place view: read here and in this routing only). */
function candidatesOf(pool: readonly Offer[], input: RoutingInput): Candidate[] {
  // Sized once and filled by index (pushing into `[]` allocates room for 16 on the first push).
  const out = new Array<Candidate>(pool.length);
  for (let i = 0; i < pool.length; i++) {
    const offer = pool[i] as Offer;
    out[i] = { offer, health: readForRouting(input.health, offer.provider, input.model, input.now) };
  }
  return out;
}

function offerOf(candidate: ScoredCandidate): Offer {
  return candidate.offer;
}

/** Indexed, not for-of: the shared empty list is frozen, and a for-of over it allocates an iterator. */
function appendAll(to: string[], from: readonly string[]): void {
  for (let i = 0; i < from.length; i++) to.push(from[i] as string);
}

/** Balanced mode's two sides, built once (a literal per call would be an object per request). */
const BALANCED_SIDES = { reference: "thompson_sort", documented: "reliability_shuffle" } as const;

/** How the final order was made, for the diagnostics. */
function strategyOf(input: RoutingInput, mode: ResolvedMode): RoutingDiagnostics["strategy"] {
  if (input.pinnedProvider !== undefined) return "pinned";
  if (mode.mode === "balanced") {
    const balanced = byFidelity<"thompson_sort" | "reliability_shuffle">(input.settings.routing.balanced, input.settings.fidelity, BALANCED_SIDES);
    return balanced === "thompson_sort" ? "balanced_sort" : "balanced_shuffle";
  }
  return mode.deterministic ? "explicit_sort" : "weighted_shuffle";
}

/**
 * The `health_breaker` stage (routing.ts:1233-1247), only when a candidate's breaker is open inside its
 * window: nothing is removed (before = after); the open providers are listed as deranked.
 */
function healthBreakerStage(candidates: readonly Candidate[], now: number): FilterStage | undefined {
  if (!anyRecentOutage(candidates, now)) return undefined;
  const open = candidates.filter((c) => isRecentOutage(c.health, now));
  return { stage: "health_breaker", before: candidates.length, after: candidates.length, dropped: open.map((c) => ({ provider: c.offer.provider, reason: "breaker_open_deranked" })) };
}

// The two checks every routing makes, as loops: a `some` with an arrow over `now` is a closure per request.
function anyRecentOutage(candidates: readonly Candidate[], now: number): boolean {
  for (let i = 0; i < candidates.length; i++) if (isRecentOutage((candidates[i] as Candidate).health, now)) return true;
  return false;
}

function anyDocumentedOpen(candidates: readonly Candidate[], now: number): boolean {
  for (let i = 0; i < candidates.length; i++) if ((candidates[i] as Candidate).health.documented_breaker_until_ms > now) return true;
  return false;
}

/** Shared and never written: what the warning builders return when they have nothing to say. */
const NO_WARNINGS: readonly string[] = Object.freeze([]);

function orderWarnings(input: RoutingInput, pool: readonly { provider: string }[]): readonly string[] {
  if (input.preferences.order === undefined || input.preferences.order.length === 0) return NO_WARNINGS;
  const present = new Set(pool.map((o) => o.provider));
  const missing = [...new Set(input.preferences.order ?? [])].filter((p) => !present.has(p));
  if (missing.length === 0) return [];
  return [
    `provider.order lists ${missing.join(", ")}, which ${missing.length === 1 ? "is" : "are"} not a candidate for ${input.model} (not offered, or removed by a filter); order never adds a provider.`,
  ];
}

/**
 * "Your gateway's breaker would never have opened": under the reference's volume source, a provider
 * for which the documented rule would have the breaker open now gets a warning naming both rules.
 */
function documentedBreakerWarnings(candidates: readonly Candidate[], input: RoutingInput): readonly string[] {
  if (!anyDocumentedOpen(candidates, input.now)) return NO_WARNINGS;
  return candidates
    .filter((c) => c.health.documented_breaker_until_ms > input.now)
    .map(
      (c) =>
        `breaker: the documented breaker (error rate >= ${input.settings.breaker.errorRateThreshold} over >= ${input.settings.breaker.minVolume} attempts in 60 s; ` +
        `here ${c.health.failures_60s}/${c.health.attempts_60s}) would have opened for ${c.offer.provider}, but the reference code's volume check reads rec_tot_ew_60s ` +
        `(${roundDiagnostic(c.health.rec_tot_ew_60s)}, an EWMA of the constant 1) against a floor of 8, so production's breaker stays closed and ${c.offer.provider} keeps its rank. ` +
        `Set breaker.volumeSource: request_count (or fidelity: documented) to simulate the documented breaker.`,
    );
}

function toRankedProvider(candidate: ScoredCandidate, index: number, now: number): RankedProvider {
  const ranked: RankedProvider = {
    provider: candidate.offer.provider,
    rank: index + 1,
    score: roundDiagnostic(candidate.score),
    // Already rounded by scoring, and this routing's own: shared, not copied.
    scoreFactors: candidate.scoreFactors,
    breaker: candidate.health.breaker,
    breakerUntilMs: candidate.health.breaker_until_ms,
    placedBy: candidate.placedBy,
  };
  if (candidate.health.documented_breaker_until_ms > now) ranked.documentedBreakerOpen = true;
  return ranked;
}

/** The diagnostics of one routing, every field written out in the order the diagnostics print. */
function diagnosticsOf(
  input: RoutingInput,
  mode: ResolvedMode,
  strategy: RoutingDiagnostics["strategy"],
  filterStages: RoutingDiagnostics["filterStages"],
  consideredProviders: string[],
  rankedProviders: RankedProvider[],
  warnings: string[],
): RoutingDiagnostics {
  return {
    model: input.model,
    strategy,
    routingMode: mode.mode,
    priority: mode.priority,
    sort: input.preferences.sort,
    filterStages,
    consideredProviders,
    rankedProviders,
    warnings,
    finalCandidateCount: rankedProviders.length,
  };
}
