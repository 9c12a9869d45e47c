// The filter outcomes routing computes once and reuses: for most requests the pool and its stage
// records depend only on the model's offers, the capability needs and provider.only/ignore.
import { hasResidencyRequirement } from "../catalog/residency.js";
import type { Offer } from "../catalog/schema.js";
import type { FilterStage, RoutingInput } from "../types.js";

/** A remembered filter outcome: frozen, so a request that shares it can never write into another's. */
export interface CachedFilter {
  pool: readonly Offer[];
  stages: readonly FilterStage[];
  /** The pool's providers (the diagnostics' `consideredProviders`), copied per request. */
  providers: readonly string[];
}

/** How many distinct requirement keys one offers list remembers; the oldest leaves first. */
export const MAX_FILTER_KEYS_PER_OFFERS = 64;

/**
 * Keyed by the catalog's own offers array, so one catalog's outcomes never serve another's, and they
 * go when the catalog goes. The catalog is parsed input that nothing writes after a gateway is made.
 */
const cache = new WeakMap<readonly Offer[], Map<string, CachedFilter>>();

/**
 * The cache key of a routing's filters, or undefined when the outcome depends on more than the offers,
 * the capability needs and provider.only/ignore (a pinned provider, a preset filter,
 * `require_parameters`, residency, price caps): those requests are filtered afresh.
 *
 * @example
 * filterKey(input); // "0;u;[6:openai9:openai-eu];u"
 */
export function filterKey(input: RoutingInput): string | undefined {
  const p = input.preferences;
  if (input.pinnedProvider !== undefined || p.requireParameters === true || hasResidencyRequirement(p)) return undefined;
  const preset = input.presetFilter;
  if (preset && ((preset.allow?.length ?? 0) > 0 || (preset.deny?.length ?? 0) > 0)) return undefined;
  if (p.maxPrice && hasCap(p.maxPrice)) return undefined;
  const max = input.requirements.maxOutputTokens;
  return `${input.requirements.responseFormat ? 1 : 0};${max === undefined ? "u" : max};${listKey(p.only)};${listKey(p.ignore)}`;
}

/**
 * The remembered outcome for `offers` under `key`, if any.
 *
 * @example
 * cachedFilter(offers, key)?.pool;
 */
export function cachedFilter(offers: readonly Offer[], key: string): CachedFilter | undefined {
  return cache.get(offers)?.get(key);
}

/**
 * Remembers an outcome (freezing its pool, stage records and provider list) and returns it; past
 * {@link MAX_FILTER_KEYS_PER_OFFERS} keys the oldest is forgotten.
 *
 * @example
 * const remembered = rememberFilter(offers, key, pool, stages);
 */
export function rememberFilter(offers: readonly Offer[], key: string, pool: readonly Offer[], stages: readonly FilterStage[]): CachedFilter {
  let byKey = cache.get(offers);
  if (!byKey) {
    byKey = new Map();
    cache.set(offers, byKey);
  }
  const frozenStages: FilterStage[] = [];
  for (const stage of stages) {
    Object.freeze(stage.dropped);
    frozenStages.push(Object.freeze(stage));
  }
  const entry: CachedFilter = Object.freeze({ pool: Object.freeze([...pool]), stages: Object.freeze(frozenStages), providers: Object.freeze(pool.map(providerOf)) });
  if (!byKey.has(key) && byKey.size >= MAX_FILTER_KEYS_PER_OFFERS) {
    const oldest = byKey.keys().next();
    if (!oldest.done) byKey.delete(oldest.value);
  }
  byKey.set(key, entry);
  return entry;
}

/** A list as a key part that no other list shares: each name after its length, so no name can fake a separator. */
function listKey(list: readonly string[] | undefined): string {
  if (list === undefined) return "u";
  let key = "[";
  for (const name of list) key += `${name.length}:${name}`;
  return `${key}]`;
}

function hasCap(caps: NonNullable<RoutingInput["preferences"]["maxPrice"]>): boolean {
  for (const cap of Object.values(caps)) if (cap !== undefined) return true;
  return false;
}

function providerOf(offer: Offer): string {
  return offer.provider;
}
