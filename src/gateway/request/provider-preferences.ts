// Provider routing preferences (`provider` / `routing` in a request, `provider` in a preset):
// accepted in snake_case or camelCase, validated, and normalised to one camelCase shape.
import { z } from "zod";

/** Sort modes, and every alias the gateway accepts for them (§1). */
export const SORT_MODES = ["price", "latency", "throughput"] as const;
export type SortMode = (typeof SORT_MODES)[number];
export const SORT_ALIASES: Record<string, SortMode> = {
  price: "price",
  cost: "price",
  pricing: "price",
  latency: "latency",
  speed: "latency",
  throughput: "throughput",
  tps: "throughput",
};

/** Routing filters the real gateway rejects rather than ignores (§1). */
export const UNSUPPORTED_ROUTING_FILTERS = ["data_collection", "quantizations", "enforce_distillable_text"] as const;

/**
 * The unsupported routing filters present in a raw `provider`/`routing` object, as the keys the
 * caller wrote them (snake_case or camelCase), each with its documented snake_case name.
 *
 * @example
 * findUnsupportedRoutingFilters({ sort: "price", dataCollection: "deny" }); // [{ key: "dataCollection", filter: "data_collection" }]
 */
export function findUnsupportedRoutingFilters(value: unknown): { key: string; filter: (typeof UNSUPPORTED_ROUTING_FILTERS)[number] }[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const found: { key: string; filter: (typeof UNSUPPORTED_ROUTING_FILTERS)[number] }[] = [];
  for (const key of Object.keys(value)) {
    const snake = CAMEL_TO_SNAKE[key] ?? key;
    const filter = UNSUPPORTED_ROUTING_FILTERS.find((name) => name === snake);
    if (filter) found.push({ key, filter });
  }
  return found;
}

const CAMEL_TO_SNAKE: Record<string, string> = {
  allowFallbacks: "allow_fallbacks",
  requireParameters: "require_parameters",
  maxPrice: "max_price",
  preferredMaxLatency: "preferred_max_latency",
  preferredMinThroughput: "preferred_min_throughput",
  dataCollection: "data_collection",
  enforceDistillableText: "enforce_distillable_text",
};

/** Rewrites camelCase keys to the documented snake_case, so error paths name what the docs name. */
export function snakeCaseProviderKeys(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const snake = CAMEL_TO_SNAKE[key] ?? key;
    // An explicit snake_case key wins over its camelCase twin.
    if (snake !== key && snake in value) continue;
    out[snake] = v;
  }
  return out;
}

const sortSchema = z
  .union([z.string(), z.strictObject({ by: z.string().optional(), mode: z.string().optional(), metric: z.string().optional() })])
  .transform((raw, ctx): SortMode | undefined => {
    const name = typeof raw === "string" ? raw : (raw.by ?? raw.mode ?? raw.metric);
    if (name === undefined) return undefined;
    const mode = SORT_ALIASES[name.toLowerCase()];
    if (!mode) {
      ctx.addIssue({ code: "custom", message: `expected one of ${Object.keys(SORT_ALIASES).join(", ")}; got "${name}"`, params: { keyword: "enum" } });
      return z.NEVER;
    }
    return mode;
  });

const providerList = z.array(z.string().min(1));

/** The `provider` object schema; output is camelCase. */
export const providerPreferencesSchema = z.preprocess(
  snakeCaseProviderKeys,
  z
    .strictObject({
      order: providerList.optional(),
      only: providerList.optional(),
      ignore: providerList.optional(),
      sort: sortSchema.optional(),
      allow_fallbacks: z.boolean().optional(),
      require_parameters: z.boolean().optional(),
      max_price: z
        .strictObject({ prompt: z.number().min(0).optional(), completion: z.number().min(0).optional(), request: z.number().min(0).optional() })
        .optional(),
      /** Seconds. */
      preferred_max_latency: z.number().positive().optional(),
      /** Tokens per second. */
      preferred_min_throughput: z.number().positive().optional(),
      diagnostics: z.boolean().optional(),
      // Presets may weight providers in the balanced shuffle.
      weights: z.record(z.string(), z.number().min(0)).optional(),
    })
    .transform((p) => ({
      order: p.order,
      only: p.only,
      ignore: p.ignore,
      sort: p.sort,
      allowFallbacks: p.allow_fallbacks,
      requireParameters: p.require_parameters,
      maxPrice: p.max_price,
      preferredMaxLatencySeconds: p.preferred_max_latency,
      preferredMinThroughputTps: p.preferred_min_throughput,
      diagnostics: p.diagnostics,
      weights: p.weights,
    })),
);

/** Normalised provider preferences; every field optional (absent = not set). */
export type ProviderPreferences = z.output<typeof providerPreferencesSchema>;
