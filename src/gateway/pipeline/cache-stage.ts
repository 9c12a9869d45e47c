// Response cache around the pipeline (surfaces/text-generate.ts:644-747 at the pin): decide
// eligibility and policy, look up before routing, store after a successful non-stream answer.
import { computeCacheKey } from "../../cache/cache-key.js";
import { bypassInfo, lookupCache } from "../../cache/cache-outcome.js";
import type { CacheEntry } from "../../cache/cache-store.js";
import { cacheEligibility, resolveCachePolicy } from "../../cache/resolve-cache-policy.js";
import { byFidelity } from "../fidelity.js";
import type { ResponseCacheInfo } from "../types.js";
import type { GatewayEnv } from "./gateway-env.js";
import type { Prepared } from "./prepare-stage.js";
import type { ResponseFacts } from "./response-body.js";

export type CachePlan =
  | { status: "bypass"; info: ResponseCacheInfo }
  | { status: "hit"; info: ResponseCacheInfo; entry: CacheEntry }
  | { status: "miss"; info: ResponseCacheInfo; key: string; ttlSeconds: number };

/** The routing mode as the key names it: `ctx.routingMode` after the request override (before/index.ts:515-823). */
export function routingModeOf(prepared: Pick<Prepared, "contextRoutingMode">): string | null {
  return prepared.contextRoutingMode;
}

/** `debug.enabled` in the body (before/index.ts:263-268): a debug request bypasses the cache. */
export function debugEnabled(body: unknown): boolean {
  const debug = typeof body === "object" && body !== null ? (body as Record<string, unknown>)["debug"] : undefined;
  return typeof debug === "object" && debug !== null && (debug as Record<string, unknown>)["enabled"] === true;
}

/**
 * @example
 * const plan = planCache(body, prepared, env);
 * if (plan.status === "hit") return replay(plan.entry.body);
 */
export function planCache(body: unknown, prepared: Prepared, env: GatewayEnv): CachePlan {
  const { request, preset } = prepared;
  const { cache } = env.settings;
  const eligibility = cacheEligibility({
    endpoint: "responses",
    stream: request.stream,
    // debug.enabled or the debug headers (prepare-stage reads both): a debug request is never cached.
    debug: prepared.debug,
    serverTools: false,
    hasTools: (request.tools?.length ?? 0) > 0,
  });
  if (eligibility !== "eligible") return { status: "bypass", info: bypassInfo(eligibility) };
  if (cache.store === "none") return { status: "bypass", info: bypassInfo("store_not_configured") };
  const readRequest = byFidelity(cache.requestTtl, env.settings.fidelity, { reference: false, documented: true });
  const policy = resolveCachePolicy({
    requestCache: readRequest ? request.responseCaching : undefined,
    presetCache: preset?.responseCaching,
    bounds: cache,
  });
  if (!policy.enabled) return { status: "bypass", info: bypassInfo("disabled_by_policy", policy.ttlSource) };
  const { key, fingerprint } = computeCacheKey({
    workspaceId: cache.workspaceId,
    endpoint: "responses",
    model: prepared.model,
    protocol: "openai.responses",
    // gateway-sim's presets have no database id: the slug stands for both.
    preset: { id: preset?.slug ?? null, slug: preset?.slug ?? null },
    routingMode: routingModeOf(prepared),
    body,
    ignoreOutputFlags: byFidelity(cache.keyIgnoresOutputFlags, env.settings.fidelity, { reference: false, documented: true }),
  });
  const lookup = lookupCache(env.cache, { key, fingerprint, ttlSeconds: policy.ttlSeconds, ttlSource: policy.ttlSource }, env.clock.now());
  if (lookup.status === "hit") return { status: "hit", info: lookup.info, entry: lookup.entry };
  return { status: "miss", info: lookup.info, key, ttlSeconds: policy.ttlSeconds };
}

/**
 * Whether an answer is stored. The reference stores every successful non-stream answer on a miss;
 * `cache.skipUnreliableAnswers` (gateway-sim's own, off by default) keeps out answers cut off at the
 * output limit and answers whose healing did not succeed.
 */
export function isCacheable(facts: Pick<ResponseFacts, "finishReason" | "pluginExecutions">, skipUnreliable: boolean): boolean {
  if (!skipUnreliable) return true;
  const healingFailed = facts.pluginExecutions.some(
    (execution) => execution.status === "failed" || (execution.metadata.failure_reason !== undefined && execution.metadata.failure_reason !== "not_json"),
  );
  return facts.finishReason !== "length" && !healingFailed;
}

/**
 * Stores the client body of a successful answer under a miss plan. An answer the store refuses (too
 * large for its byte budget) leaves the outcome `miss`, as a failed write does in the reference
 * (pipeline/after/index.ts:206-213 only logs it), and is reported as a `cache:not-stored` event.
 */
export function storeInCache(plan: CachePlan, body: unknown, facts: Pick<ResponseFacts, "id" | "finishReason" | "pluginExecutions" | "selectedProvider">, env: GatewayEnv): void {
  if (plan.status !== "miss" || !isCacheable(facts, env.settings.cache.skipUnreliableAnswers)) return;
  const now = env.clock.now();
  const result = env.cache.set(plan.key, { body, storedAt: now, expiresAt: now + plan.ttlSeconds * 1000, providerId: facts.selectedProvider });
  if (result === undefined || result.stored) return;
  env.onEvent?.({ type: "cache:not-stored", id: facts.id, at: now, key: plan.key, reason: result.reason, bytes: result.bytes, maxBytes: result.maxBytes });
}
