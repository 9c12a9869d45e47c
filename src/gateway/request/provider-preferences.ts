// Provider routing preferences (`provider` / `routing` in a request, `provider` in a preset):
// accepted in snake_case or camelCase, validated, and normalised to one camelCase shape.
import { z } from "zod";
import { keySignature, pickShape, presentKeys, schemaForKeys } from "./present-keys-schema.js";

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
export function findUnsupportedRoutingFilters(value: unknown): readonly { key: string; filter: (typeof UNSUPPORTED_ROUTING_FILTERS)[number] }[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  // Every request's provider object is checked: no entries, Set or key array for one that names none of them.
  if (!hasOwnKeyIn(value, UNSUPPORTED_SPELLINGS)) return NONE_FOUND;
  const found: { key: string; filter: (typeof UNSUPPORTED_ROUTING_FILTERS)[number] }[] = [];
  const seen = new Set<string>();
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue;
    const snake = CAMEL_TO_SNAKE[key] ?? key;
    const filter = UNSUPPORTED_ROUTING_FILTERS.find((name) => name === snake);
    // One entry per field even when both spellings are sent (requestRouting.ts:543-556).
    if (filter && !seen.has(filter)) {
      seen.add(filter);
      found.push({ key, filter });
    }
  }
  return found;
}

/** The answer for an object naming no unsupported filter: shared, so frozen. */
const NONE_FOUND: readonly never[] = Object.freeze([]);

/** Whether `value` has an own key in `keys` (for…in over own keys: what Object.keys lists, without the array). */
function hasOwnKeyIn(value: object, keys: ReadonlySet<string>): boolean {
  for (const key in value) if (Object.hasOwn(value, key) && keys.has(key)) return true;
  return false;
}

const CAMEL_TO_SNAKE: Record<string, string> = {
  allowFallbacks: "allow_fallbacks",
  requireParameters: "require_parameters",
  maxPrice: "max_price",
  preferredMaxLatency: "preferred_max_latency",
  preferredMinThroughput: "preferred_min_throughput",
  dataCollection: "data_collection",
  enforceDistillableText: "enforce_distillable_text",
  requireZeroDataRetention: "require_zero_data_retention",
  requiredExecutionRegion: "required_execution_region",
  requiredDataRegion: "required_data_region",
  returnDiagnostics: "return_diagnostics",
  includeAlpha: "include_alpha",
};

/** Every key that names an unsupported filter, in either case style. */
const UNSUPPORTED_SPELLINGS: ReadonlySet<string> = new Set([
  ...UNSUPPORTED_ROUTING_FILTERS,
  ...Object.entries(CAMEL_TO_SNAKE)
    .filter(([, snake]) => (UNSUPPORTED_ROUTING_FILTERS as readonly string[]).includes(snake))
    .map(([camel]) => camel),
]);

/**
 * True when `value` holds a camelCase key that {@link snakeCaseProviderKeys} renames (most objects hold none).
 *
 * @example
 * hasCamelCaseProviderKey({ allowFallbacks: false }); // true
 */
export function hasCamelCaseProviderKey(value: object): boolean {
  for (const key in value) if (Object.hasOwn(value, key) && CAMEL_TO_SNAKE[key] !== undefined) return true;
  return false;
}

/** Rewrites camelCase keys to the documented snake_case, so error paths name what the docs name. */
export function snakeCaseProviderKeys(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const snake = CAMEL_TO_SNAKE[key] ?? key;
    // An explicit snake_case key wins over its camelCase twin (requestRouting.ts:391-466 reads snake first).
    if (snake !== key && snake in value && (value as Record<string, unknown>)[snake] != null) continue;
    out[snake] = v;
  }
  return out;
}

/**
 * The requested mode of one `sort` value (requestRouting.ts:34-43): a string as written, or an
 * object's `mode`, else `metric`, else `by`. Not yet mapped to a mode: spellings are the caller's.
 */
export function readSortMode(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null) {
    const sort = value as Record<string, unknown>;
    for (const key of ["mode", "metric", "by"]) if (typeof sort[key] === "string") return sort[key];
  }
  return undefined;
}

/** Any string or object is accepted (core/schemas.ts:40); an unknown spelling is never a 400 here. */
const sortSchema = z.union([z.string(), z.record(z.string(), z.unknown())]);

/**
 * A price cap: a number or a numeric string (routing.ts:410-417). A string that is not a number
 * is kept out of the caps (the reference reads it as "no cap") and reported by `unreadCaps`.
 */
const priceCapSchema = z.union([z.number(), z.string()]);

/** `preferred_*`: a number, or an object of percentiles (core/schemas.ts:55-58). */
const preferenceSchema = z.union([z.number(), z.record(z.string(), z.number())]);

/** The scalar of a `preferred_*` value: a number, else the first of p50…p99, else the first number (requestRouting.ts:485-504). */
export function preferenceScalar(value: number | Record<string, number> | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  for (const key of ["p50", "p75", "p90", "p95", "p99"]) {
    const next = value[key];
    if (typeof next === "number" && Number.isFinite(next)) return next;
  }
  for (const next of Object.values(value)) if (Number.isFinite(next)) return next;
  return undefined;
}

function priceCap(value: number | string | undefined): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string") {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** The meters a `max_price` may cap (routing.ts:419-436). */
export const PRICE_CAP_KEYS = ["prompt", "completion", "image", "audio", "request"] as const;
export type PriceCaps = { [K in (typeof PRICE_CAP_KEYS)[number]]?: number };

function priceCaps(raw: { [K in (typeof PRICE_CAP_KEYS)[number]]?: number | string | undefined }): PriceCaps {
  const caps: PriceCaps = {};
  for (const key of PRICE_CAP_KEYS) {
    const cap = priceCap(raw[key]);
    if (cap !== undefined) caps[key] = cap;
  }
  return caps;
}

/** The shortest provider id an `order`/`only`/`ignore` entry may be (the request fast path reads it too). */
export const PROVIDER_LIST_ENTRY_MIN_LENGTH = 1;
const providerList = z.array(z.string().min(PROVIDER_LIST_ENTRY_MIN_LENGTH));

/** The `provider` object schema (core/schemas.ts:15-62); output is camelCase. `null` means "not set". */
const providerShapeSchema = z.strictObject({
  /** Read only from `routing` (requestRouting.ts:368); accepted in `provider` too. */
  mode: z.string().nullish(),
  order: providerList.optional(),
  only: providerList.optional(),
  ignore: providerList.optional(),
  sort: sortSchema.nullish(),
  allow_fallbacks: z.boolean().nullish(),
  require_parameters: z.boolean().nullish(),
  require_zero_data_retention: z.boolean().nullish(),
  /** Shortcut of require_zero_data_retention, read when the long form is absent. */
  zdr: z.boolean().nullish(),
  required_execution_region: z.string().nullish(),
  required_data_region: z.string().nullish(),
  /** USD per 1M tokens (token meters) or per unit (`image`, `audio`, `request`). */
  max_price: z
    .strictObject({ prompt: priceCapSchema.optional(), completion: priceCapSchema.optional(), image: priceCapSchema.optional(), audio: priceCapSchema.optional(), request: priceCapSchema.optional() })
    .optional(),
  /** Seconds. */
  preferred_max_latency: preferenceSchema.optional(),
  /** Tokens per second. */
  preferred_min_throughput: preferenceSchema.optional(),
  diagnostics: z.boolean().nullish(),
  return_diagnostics: z.boolean().nullish(),
  // Unsupported routing filters: type-checked here (core/schemas.ts:34-39), then refused by the parser.
  data_collection: z.enum(["allow", "deny"]).nullish(),
  enforce_distillable_text: z.boolean().nullish(),
  quantizations: z.array(z.string()).nullish(),
  /** Accepted by the reference schema; alpha providers do not exist here. */
  include_alpha: z.boolean().optional(),
  // Presets may weight providers in the balanced shuffle.
  weights: z.record(z.string(), z.number().min(0)).optional(),
});

/** Every key a `provider`/`routing` object may hold, in either case style. */
export const PROVIDER_KEYS: ReadonlySet<string> = new Set([...Object.keys(providerShapeSchema.shape), ...Object.keys(CAMEL_TO_SNAKE)]);

/** Each snake_case field's schema: the request fast path checks rare fields with them one by one. */
export const PROVIDER_FIELD_SCHEMAS: Readonly<Record<string, z.ZodType>> = providerShapeSchema.shape;

/** A validated `provider` object before normalisation (snake_case keys). */
export type ProviderShape = z.output<typeof providerShapeSchema>;

/**
 * The validated object, camelCased and resolved (sort aliases, price caps, preference scalars).
 *
 * @example
 * normalisePreferences({ sort: "cost" }).sort; // "price"
 */
export function normalisePreferences(p: ProviderShape) {
  const requestedSort = readSortMode(p.sort ?? undefined);
  const maxPrice = p.max_price ? priceCaps(p.max_price) : undefined;
  return {
    order: p.order,
    only: p.only,
    ignore: p.ignore,
    /** A recognised explicit sort (price/latency/throughput); the final mode is resolved per request. */
    sort: requestedSort === undefined ? undefined : SORT_ALIASES[requestedSort.toLowerCase()],
    /** The requested mode as written (a string, or a sort object's mode/metric/by). */
    requestedSort,
    /** `mode` as written; only `routing.mode` counts as a request sort. */
    mode: p.mode ?? undefined,
    allowFallbacks: p.allow_fallbacks ?? undefined,
    requireParameters: p.require_parameters ?? undefined,
    requireZeroDataRetention: p.require_zero_data_retention ?? p.zdr ?? undefined,
    requiredExecutionRegion: p.required_execution_region ?? undefined,
    requiredDataRegion: p.required_data_region ?? undefined,
    maxPrice,
    preferredMaxLatencySeconds: preferenceScalar(p.preferred_max_latency),
    preferredMinThroughputTps: preferenceScalar(p.preferred_min_throughput),
    diagnostics: p.diagnostics ?? p.return_diagnostics ?? undefined,
    weights: p.weights,
  };
}

export const providerPreferencesSchema = z.preprocess(snakeCaseProviderKeys, providerShapeSchema.transform(normalisePreferences));

/** Normalised provider preferences; every field optional (absent = not set). */
export type ProviderPreferences = z.output<typeof providerPreferencesSchema>;

/**
 * {@link providerPreferencesSchema} for one value: the same checks, issues and output, over only the
 * keys `value` holds (zod's object parse runs every field's schema, absent ones too). Camel- and
 * snake-case spellings of a key give one snake-case key, whatever the values, so the key names decide.
 */
export function providerPreferencesSchemaOf(value: unknown): typeof providerPreferencesSchema {
  const signature = typeof value === "object" && value !== null ? keySignature(value) : undefined;
  if (signature === undefined) return providerPreferencesSchema;
  return schemaForKeys(
    PROVIDER_SCHEMAS,
    signature,
    () => {
      const keys = presentKeys(providerShapeSchema.shape, snakeCaseProviderKeys(value) as object);
      return z.preprocess(snakeCaseProviderKeys, z.strictObject(pickShape(providerShapeSchema.shape, keys)).transform(normalisePreferences));
    },
    providerPreferencesSchema,
  );
}

const PROVIDER_SCHEMAS = new Map<string, typeof providerPreferencesSchema>();
