// Response cache around the pipeline (§7): decide eligibility, look up before routing, store after.
import { computeCacheKey } from "../../cache/cache-key.js";
import { bypassInfo, lookupCache } from "../../cache/cache-outcome.js";
import { resolveCachePolicy } from "../../cache/resolve-cache-policy.js";
import type { ResponseCacheInfo } from "../types.js";
import type { GatewayEnv } from "./gateway-env.js";
import type { Prepared } from "./prepare-stage.js";
import type { ResponseFacts } from "./response-body.js";

export type CachePlan =
  | { status: "bypass"; info: ResponseCacheInfo }
  | { status: "hit"; info: ResponseCacheInfo; body: unknown }
  | { status: "miss"; info: ResponseCacheInfo; key: string; ttlSeconds: number };

/** The routing mode as the cache key names it: the same body under another mode is another answer. */
export function routingModeOf(prepared: Prepared, strategy: string): string {
  if (prepared.pinnedProvider) return "pinned";
  const sort = prepared.request.provider.sort;
  return sort ? `explicit_sort:${sort}` : strategy;
}

/**
 * @example
 * const plan = planCache(body, prepared, env);
 * if (plan.status === "hit") return replay(plan.body);
 */
export function planCache(body: unknown, prepared: Prepared, env: GatewayEnv): CachePlan {
  const { request, preset } = prepared;
  const policy = resolveCachePolicy({
    stream: request.stream,
    hasTools: (request.tools?.length ?? 0) > 0,
    requestCache: request.responseCaching,
    presetCache: preset?.responseCaching,
    settings: env.settings,
  });
  if (!policy.eligible) return { status: "bypass", info: bypassInfo(policy.reason) };
  const key = computeCacheKey({
    endpoint: "/v1/responses",
    model: prepared.model,
    preset: preset?.slug,
    routingMode: routingModeOf(prepared, env.settings.routing.strategy),
    body,
  });
  const lookup = lookupCache(env.cache, key, env.clock.now(), policy.ttlSeconds);
  if (lookup.status === "hit") return { status: "hit", info: lookup.info, body: lookup.entry.body };
  return { status: "miss", info: lookup.info, key, ttlSeconds: policy.ttlSeconds };
}

/**
 * Whether an answer is worth replaying. The reference does not say; gateway-sim keeps out answers cut
 * off at the output limit and answers whose healing failed, so one bad answer is not replayed for the
 * whole TTL to every caller of a stable preset.
 */
export function isCacheable(facts: Pick<ResponseFacts, "finishReason" | "pluginExecutions">): boolean {
  return facts.finishReason !== "length" && facts.pluginExecutions.every((execution) => execution.status !== "failed");
}

/** Stores a successful, cacheable answer under a miss plan. */
export function storeInCache(plan: CachePlan, body: unknown, facts: Pick<ResponseFacts, "finishReason" | "pluginExecutions">, env: GatewayEnv): void {
  if (plan.status !== "miss" || !isCacheable(facts)) return;
  const now = env.clock.now();
  env.cache.set(plan.key, { body, storedAt: now, expiresAt: now + plan.ttlSeconds * 1000 });
}
