// Decides whether a request may use the response cache, and for how long an answer is kept (§7).
import type { GatewaySettings } from "../gateway/settings.js";
import type { ResponseCachingPolicy } from "../gateway/request/generation-fields.js";
import type { CacheBypassReason } from "./cache-reasons.js";

export interface CachePolicyInput {
  stream: boolean;
  hasTools: boolean;
  // The parsed (camelCase) policies the gateway holds: typed from the request schema so a renamed
  // field is a compile error here, not a TTL silently ignored.
  requestCache?: ResponseCachingPolicy | undefined;
  presetCache?: ResponseCachingPolicy | undefined;
  settings: GatewaySettings;
}

export type CachePolicyDecision =
  | {
      eligible: true;
      ttlSeconds: number;
      /** True when the asked-for TTL was outside the gateway's bounds. */
      clamped: boolean;
      ttlSource: "request" | "preset" | "default";
    }
  | { eligible: false; reason: Exclude<CacheBypassReason, "no_store"> };

/**
 * Eligible: non-streaming, no tools, not disabled anywhere. TTL: the request's, else the preset's,
 * else `settings.cache.defaultTtlSeconds` (300 s), clamped to [minTtlSeconds, maxTtlSeconds] (30 s – 24 h).
 *
 * @example
 * resolveCachePolicy({ stream: false, hasTools: false, presetCache: { ttlSeconds: 5 }, settings });
 * // { eligible: true, ttlSeconds: 30, clamped: true, ttlSource: "preset" }
 */
export function resolveCachePolicy(input: CachePolicyInput): CachePolicyDecision {
  if (input.stream) return { eligible: false, reason: "streaming" };
  if (input.hasTools) return { eligible: false, reason: "tools" };
  if (input.requestCache?.enabled === false || input.presetCache?.enabled === false) return { eligible: false, reason: "disabled_by_policy" };
  const { defaultTtlSeconds, minTtlSeconds, maxTtlSeconds } = input.settings.cache;
  const fromRequest = input.requestCache?.ttlSeconds;
  const fromPreset = input.presetCache?.ttlSeconds;
  const asked = fromRequest ?? fromPreset ?? defaultTtlSeconds;
  const ttlSeconds = Math.min(maxTtlSeconds, Math.max(minTtlSeconds, asked));
  const ttlSource = fromRequest !== undefined ? "request" : fromPreset !== undefined ? "preset" : "default";
  return { eligible: true, ttlSeconds, clamped: ttlSeconds !== asked, ttlSource };
}
