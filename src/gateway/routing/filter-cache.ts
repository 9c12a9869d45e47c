// The filter outcomes routing computes once and reuses: for most requests the pool and its stage
// records depend only on the model's offers, the capability needs and provider.only/ignore.
import { hasResidencyRequirement } from "../catalog/residency.js";
import type { Offer } from "../catalog/schema.js";
import type { FilterStage, RoutingInput } from "../types.js";

/**
 * A remembered filter outcome, the cache's own: the pool is handed out read-only by type; the stage
 * records reach a request's diagnostics, the response and the usage record a user may hold and edit,
 * so each request gets its own copies ({@link copyStages}), and the provider list is copied too.
 * Nothing is frozen: a frozen array takes V8's slow paths (slicing one cost more than filtering afresh).
 */
export interface CachedFilter {
  pool: readonly Offer[];
  stages: readonly FilterStage[];
  /** The pool's providers (the diagnostics' `consideredProviders`), copied per request. */
  providers: readonly string[];
}

/** How many distinct keys one offers list remembers; the oldest leaves first. */
export const MAX_FILTER_KEYS_PER_OFFERS = 64;

/** The most offers a key can describe (four bits each, two flags: within a small integer); a longer list is filtered afresh. */
export const MAX_KEYED_OFFERS = 7;

/**
 * Keyed by the catalog's own offers array, so one catalog's outcomes never serve another's, and they
 * go when the catalog goes. The catalog is parsed input that nothing writes after a gateway is made.
 */
const cache = new WeakMap<readonly Offer[], Map<number, CachedFilter>>();

/**
 * The cache key of a routing's filters, or undefined when the outcome depends on more than the offers,
 * the capability needs and provider.only/ignore (a pinned provider, a preset filter,
 * `require_parameters`, residency, price caps) or the model has more than {@link MAX_KEYED_OFFERS}
 * offers: those requests are filtered afresh.
 *
 * The key is what the filters decide, offer by offer: its capability drop reason (none, no structured
 * output, too few output tokens), whether `only` lists it and whether `ignore` does, after two flags
 * for whether `only` and `ignore` are set at all. Two requests with one key get the same stages and
 * pool; building it allocates nothing.
 *
 * @example
 * filterKey(input); // 0b10_0100_0100 (580): `only` set and listing both offers, nothing dropped
 */
export function filterKey(input: RoutingInput): number | undefined {
  const p = input.preferences;
  const offers = input.offers;
  if (offers.length > MAX_KEYED_OFFERS || input.pinnedProvider !== undefined || p.requireParameters === true || hasResidencyRequirement(p)) return undefined;
  const preset = input.presetFilter;
  if (preset && ((preset.allow?.length ?? 0) > 0 || (preset.deny?.length ?? 0) > 0)) return undefined;
  if (p.maxPrice && hasCap(p.maxPrice)) return undefined;
  const only = p.only !== undefined && p.only.length > 0 ? p.only : undefined;
  const ignore = p.ignore !== undefined && p.ignore.length > 0 ? p.ignore : undefined;
  const { responseFormat, maxOutputTokens } = input.requirements;
  let key = (only ? 2 : 0) + (ignore ? 1 : 0);
  for (const offer of offers) {
    // The order capabilityReason checks in: structured output first, then the token limit.
    const capability = responseFormat && !offer.structuredOutput ? 1 : maxOutputTokens !== undefined && offer.maxOutputTokens < maxOutputTokens ? 2 : 0;
    key = key * 16 + capability + (only?.includes(offer.provider) ? 4 : 0) + (ignore?.includes(offer.provider) ? 8 : 0);
  }
  return key;
}

/**
 * The remembered outcome for `offers` under `key`, if any.
 *
 * @example
 * cachedFilter(offers, key)?.pool;
 */
export function cachedFilter(offers: readonly Offer[], key: number): CachedFilter | undefined {
  return cache.get(offers)?.get(key);
}

/**
 * Remembers an outcome (its own copy of the stage records) and returns it; past
 * {@link MAX_FILTER_KEYS_PER_OFFERS} keys the oldest is forgotten.
 *
 * @example
 * const remembered = rememberFilter(offers, key, pool, stages);
 */
export function rememberFilter(offers: readonly Offer[], key: number, pool: readonly Offer[], stages: readonly FilterStage[]): CachedFilter {
  let byKey = cache.get(offers);
  if (!byKey) {
    byKey = new Map();
    cache.set(offers, byKey);
  }
  const entry: CachedFilter = { pool: [...pool], stages: copyStages(stages), providers: pool.map(providerOf) };
  if (!byKey.has(key) && byKey.size >= MAX_FILTER_KEYS_PER_OFFERS) {
    const oldest = byKey.keys().next();
    if (!oldest.done) byKey.delete(oldest.value);
  }
  byKey.set(key, entry);
  return entry;
}

/**
 * Stage records a request may own: one object per stage and per dropped provider (a few hundred bytes
 * for a small pool), so no request's edit reaches the cache or another request.
 *
 * @example
 * const stages = copyStages(remembered.stages);
 */
export function copyStages(stages: readonly FilterStage[]): FilterStage[] {
  const out = new Array<FilterStage>(stages.length);
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i] as FilterStage;
    const dropped = new Array<FilterStage["dropped"][number]>(stage.dropped.length);
    for (let j = 0; j < dropped.length; j++) dropped[j] = { ...(stage.dropped[j] as FilterStage["dropped"][number]) };
    out[i] = { stage: stage.stage, before: stage.before, after: stage.after, dropped };
  }
  return out;
}

function hasCap(caps: NonNullable<RoutingInput["preferences"]["maxPrice"]>): boolean {
  for (const cap of Object.values(caps)) if (cap !== undefined) return true;
  return false;
}

function providerOf(offer: Offer): string {
  return offer.provider;
}
