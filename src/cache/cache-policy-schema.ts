// The response-caching policy as requests and presets write it (reference §7).
//   preset:  response_caching: { enabled?, ttl_seconds? }   (the seed's "response caching policy")
//   request: response_caching: { … } — the same field, so a preset's policy can be tried inline — or
//            its short alias `cache: { … }`; when both are set, `response_caching` wins field by field.
import { z } from "zod";

/**
 * One caching policy. `enabled: false` anywhere bypasses the cache; `ttl_seconds` is clamped to the
 * gateway's bounds (30 s – 24 h by default), not rejected.
 *
 * @example
 * cachePolicySchema.parse({ enabled: true, ttl_seconds: 600 });
 */
export const cachePolicySchema = z.strictObject({
  enabled: z.boolean().optional(),
  ttl_seconds: z.number().positive({ error: "must be a positive number of seconds" }).optional(),
});

export type CachePolicy = z.infer<typeof cachePolicySchema>;

/** The request body fields that carry a caching policy, to spread into the request's object schema. */
export const requestCachePolicyFields = {
  response_caching: cachePolicySchema.optional(),
  cache: cachePolicySchema.optional(),
};

/** The preset field. */
export const PRESET_CACHE_POLICY_FIELD = "response_caching";

/**
 * The request's policy from its two spellings (`response_caching` wins over `cache`).
 *
 * @example
 * requestCachePolicy({ cache: { ttl_seconds: 60 }, response_caching: { enabled: true } }); // { ttl_seconds: 60, enabled: true }
 */
export function requestCachePolicy(fields: { response_caching?: CachePolicy | undefined; cache?: CachePolicy | undefined }): CachePolicy | undefined {
  if (fields.response_caching === undefined && fields.cache === undefined) return undefined;
  const merged: CachePolicy = { ...fields.cache };
  for (const [key, value] of Object.entries(fields.response_caching ?? {})) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}
