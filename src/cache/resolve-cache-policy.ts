// Decides whether a request may use the response cache and for how long an answer is kept:
// eligibility (core/response-cache.ts:177-200) and the TTL policy (:202-257).
import type { CacheTtlSource } from "../gateway/types.js";
import type { ResponseCachingPolicy } from "../gateway/request/generation-fields.js";
import type { CacheEligibilityReason } from "./cache-reasons.js";

/** The endpoints the reference caches (core/response-cache.ts:8-12). */
export const CACHE_ELIGIBLE_ENDPOINTS = ["responses", "chat.completions", "messages"] as const;

export interface CacheEligibilityInput {
  endpoint: string;
  stream: boolean;
  debug: boolean;
  serverTools: boolean;
  hasTools: boolean;
}

/**
 * The first reason a request may not use the cache, in the reference's order, or `eligible`.
 *
 * @example
 * cacheEligibility({ endpoint: "responses", stream: true, debug: true, serverTools: false, hasTools: true }); // "streaming_request"
 */
export function cacheEligibility(input: CacheEligibilityInput): CacheEligibilityReason | "eligible" {
  if (!(CACHE_ELIGIBLE_ENDPOINTS as readonly string[]).includes(input.endpoint)) return "unsupported_endpoint";
  if (input.stream) return "streaming_request";
  if (input.debug) return "debug_enabled";
  if (input.serverTools) return "server_tools_enabled";
  if (input.hasTools) return "tools_present";
  return "eligible";
}

export interface CachePolicyInput {
  // The parsed (camelCase) policies the gateway holds: typed from the request schema so a renamed
  // field is a compile error here, not a TTL silently ignored.
  requestCache?: ResponseCachingPolicy | undefined;
  presetCache?: ResponseCachingPolicy | undefined;
  bounds: { defaultTtlSeconds: number; minTtlSeconds: number; maxTtlSeconds: number };
}

export type CachePolicyDecision = { enabled: true; ttlSeconds: number; ttlSource: CacheTtlSource } | { enabled: false; ttlSeconds: null; ttlSource: "disabled" };

const positiveInteger = (value: number | undefined): number | undefined => {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const floored = Math.floor(value);
  return floored > 0 ? floored : undefined;
};

/**
 * Any `enabled: false` wins (source `disabled`); else the first positive integer of the request's
 * and the preset's TTL, else the platform default (300 s), floored and clamped to [30, 86 400] s.
 * The caller decides which inputs are wired (the reference passes only the preset's).
 *
 * @example
 * resolveCachePolicy({ presetCache: { ttlSeconds: 5 }, bounds }); // { enabled: true, ttlSeconds: 30, ttlSource: "preset" }
 */
export function resolveCachePolicy(input: CachePolicyInput): CachePolicyDecision {
  if (input.requestCache?.enabled === false || input.presetCache?.enabled === false) return { enabled: false, ttlSeconds: null, ttlSource: "disabled" };
  const { defaultTtlSeconds, minTtlSeconds, maxTtlSeconds } = input.bounds;
  const sources: [CacheTtlSource, number | undefined][] = [
    ["request", positiveInteger(input.requestCache?.ttlSeconds)],
    ["preset", positiveInteger(input.presetCache?.ttlSeconds)],
    ["platform_default", positiveInteger(defaultTtlSeconds) ?? 300],
  ];
  for (const [ttlSource, ttl] of sources) {
    if (ttl !== undefined) return { enabled: true, ttlSeconds: Math.max(minTtlSeconds, Math.min(maxTtlSeconds, ttl)), ttlSource };
  }
  return { enabled: false, ttlSeconds: null, ttlSource: "disabled" };
}
