// Field schemas a request and a preset share (generation parameters, reasoning, cache policy;
// plugin entries come from src/plugins/plugin-entry-schema.ts): written once in snake_case as users send them, output in camelCase.
import { z } from "zod";
import { definedOnly } from "./defined-only.js";

/** Inclusive bounds of the sampling parameters; the request fast path (fast-request-body.ts) reads the same ones. */
export const TEMPERATURE_RANGE = { min: 0, max: 2 } as const;
export const TOP_P_RANGE = { min: 0, max: 1 } as const;
/** Stop sequences: each at least `minLength` characters, at most `maxSequences` of them. */
export const STOP_LIMITS = { minLength: 1, maxSequences: 4 } as const;

export const temperatureSchema = z.number().min(TEMPERATURE_RANGE.min).max(TEMPERATURE_RANGE.max);
export const topPSchema = z.number().min(TOP_P_RANGE.min).max(TOP_P_RANGE.max);
export const maxOutputTokensSchema = z.int().positive();
/** Chat-completions style stop sequences (a gateway extension of the Responses API); at most 4. */
export const stopSchema = z
  .union([z.string().min(STOP_LIMITS.minLength), z.array(z.string().min(STOP_LIMITS.minLength)).min(1).max(STOP_LIMITS.maxSequences)])
  .transform((value) => (typeof value === "string" ? [value] : value));
export const seedSchema = z.int();

/** Reasoning efforts the reference gateway passes through (OpenAI's range plus `max`). */
export const REASONING_EFFORTS = ["none", "minimal", "low", "medium", "high", "xhigh", "max"] as const;

/**
 * `reasoning`: OpenAI's `{effort, summary}` plus the gateway's `{enabled, max_tokens, exclude}`.
 *
 * @example
 * reasoningSchema.parse({ effort: "low", max_tokens: 2048 }); // { effort: "low", maxTokens: 2048 }
 */
export const reasoningSchema = z
  .strictObject({
    effort: z.enum(REASONING_EFFORTS).optional(),
    summary: z.enum(["auto", "concise", "detailed"]).nullish(),
    /** Deprecated OpenAI spelling of `summary` (used when `summary` is absent). */
    generate_summary: z.enum(["auto", "concise", "detailed"]).nullish(),
    max_tokens: z.int().positive().optional(),
    enabled: z.boolean().optional(),
    exclude: z.boolean().optional(),
  })
  .transform((r) => definedOnly({ effort: r.effort, summary: r.summary ?? r.generate_summary ?? undefined, maxTokens: r.max_tokens, enabled: r.enabled, exclude: r.exclude }));
export type ReasoningConfig = z.output<typeof reasoningSchema>;

/**
 * Response-caching policy (§7), on a preset and per request: `enabled: false` bypasses the cache,
 * `ttl_seconds` overrides the TTL (clamped by the cache, not here).
 *
 * @example
 * responseCachingSchema.parse({ enabled: true, ttl_seconds: 600 }); // { enabled: true, ttlSeconds: 600 }
 */
export const responseCachingSchema = z
  .strictObject({ enabled: z.boolean().optional(), ttl_seconds: z.number().positive().optional() })
  .transform((c) => definedOnly({ enabled: c.enabled, ttlSeconds: c.ttl_seconds }));
export type ResponseCachingPolicy = z.output<typeof responseCachingSchema>;
