// The `POST /v1/responses` body (§1) as one strict zod schema: snake_case in, one normalised
// camelCase ResponsesRequest out. Cross-field rules and error shaping live in parse-responses-request.ts.
import { z } from "zod";
import { pluginListSchema } from "../../plugins/plugin-entry-schema.js";
import { responseFormatSchema } from "../../structured-output/response-format-schema.js";
import { maxOutputTokensSchema, reasoningSchema, responseCachingSchema, seedSchema, stopSchema, temperatureSchema, topPSchema } from "./generation-fields.js";
import { IGNORED_OPENAI_PARAMETERS } from "./ignored-parameters.js";
import { inputSchema } from "./input-items.js";
import { emptyProviderPreferences, mergeProviderPreferences } from "./merge-provider-preferences.js";
import { modelReferenceSchema, presetSlugSchema } from "./model-reference.js";
import { keySignature, pickShape, presentKeys, schemaForKeys } from "./present-keys-schema.js";
import { providerPreferencesSchema, providerPreferencesSchemaOf, SORT_ALIASES, type ProviderPreferences } from "./provider-preferences.js";

/**
 * OpenAI marks most parameters nullable: `null` means "not set". `normalise` turns null into undefined;
 * a per-field transform would run for every absent field of every request (zod cannot skip it).
 */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish();
}

const ignoredShape = Object.fromEntries(IGNORED_OPENAI_PARAMETERS.map((name) => [name, z.unknown().optional()])) as Record<(typeof IGNORED_OPENAI_PARAMETERS)[number], z.ZodOptional<z.ZodUnknown>>;

const bodySchema = z.strictObject({
  model: optional(modelReferenceSchema),
  preset: optional(presetSlugSchema),
  input: inputSchema,
  instructions: optional(z.string()),
  temperature: optional(temperatureSchema),
  top_p: optional(topPSchema),
  max_output_tokens: optional(maxOutputTokensSchema),
  stop: optional(stopSchema),
  seed: optional(seedSchema),
  stream: optional(z.boolean()),
  response_format: optional(responseFormatSchema),
  text: optional(
    // Strict (unlike structured-output's textParamSchema) so a misspelt key is an unknown_parameter.
    z.strictObject({ format: optional(responseFormatSchema), verbosity: optional(z.enum(["low", "medium", "high"])) }),
  ),
  /** `locked` is accepted (one schema for every layer) but has no effect: nothing layers after a request. */
  plugins: optional(pluginListSchema),
  meta: optional(z.boolean()),
  /** Debug options (core/schemas.ts:64-74); `enabled` turns on diagnostics, meta and a cache bypass. */
  debug: optional(
    z.strictObject({
      enabled: z.boolean().optional(),
      echo_upstream_body: z.boolean().optional(),
      return_upstream_request: z.boolean().optional(),
      returnUpstreamRequest: z.boolean().optional(),
      return_upstream_response: z.boolean().optional(),
      returnUpstreamResponse: z.boolean().optional(),
      trace: z.boolean().optional(),
      trace_level: z.enum(["summary", "full"]).optional(),
      traceLevel: z.enum(["summary", "full"]).optional(),
    }),
  ),
  provider: optional(providerPreferencesSchema),
  /** Alias of `provider`; wins key by key when both are sent. */
  routing: optional(providerPreferencesSchema),
  /** Kept only so the cache can tell tool requests apart (tools are not executed). */
  tools: optional(z.array(z.record(z.string(), z.unknown()))),
  reasoning: optional(reasoningSchema),
  response_caching: optional(responseCachingSchema),
  ...ignoredShape,
});

/** A validated body before normalisation (snake_case keys, `null` kept). */
export type Body = z.output<typeof bodySchema>;

/** Every top-level key the body schema knows. */
export const BODY_KEYS: ReadonlySet<string> = new Set(Object.keys(bodySchema.shape));

/** Each top-level field's schema: the request fast path checks rare fields with them one by one. */
export const BODY_FIELD_SCHEMAS: Readonly<Record<string, z.ZodType>> = bodySchema.shape;

/**
 * The request schema. Output: the normalised request every later stage reads.
 *
 * @example
 * responsesRequestSchema.parse({ model: "openai/gpt-5.4-nano", input: "Hi", provider: { sort: "cost" } }).provider.sort; // "price"
 */
export const responsesRequestSchema = bodySchema.transform((body) => normalise(body));

const BODY_SCHEMAS = new Map<string, typeof responsesRequestSchema>();

/**
 * {@link responsesRequestSchema} for one body: the same checks, issues and output, run over only
 * the fields the body holds (and its `provider`/`routing` objects' keys) — the request's hot path.
 * Looked up by the body's own key names, so a body shaped like an earlier one costs one Map read.
 *
 * @example
 * requestSchemaOf(raw).safeParse(raw, { reportInput: true });
 */
export function requestSchemaOf(raw: Record<string, unknown>): typeof responsesRequestSchema {
  const signature = keySignature(raw);
  if (signature === undefined) return responsesRequestSchema;
  const provider = nestedSignature(raw["provider"]);
  const routing = nestedSignature(raw["routing"]);
  return schemaForKeys(
    BODY_SCHEMAS,
    `${signature}\u0001${provider}\u0001${routing}`,
    () => {
      const shape = { ...pickShape(bodySchema.shape, presentKeys(bodySchema.shape, raw)) };
      if (shape.provider) shape.provider = optional(providerPreferencesSchemaOf(raw["provider"]));
      if (shape.routing) shape.routing = optional(providerPreferencesSchemaOf(raw["routing"]));
      return z.strictObject(shape).transform((body) => normalise(body));
    },
    responsesRequestSchema,
  );
}

/** The signature of a `provider`/`routing` value: its key names when a plain object, else its kind (the full schema parses it). */
function nestedSignature(value: unknown): string {
  if (typeof value !== "object" || value === null) return typeof value;
  return keySignature(value) ?? "other";
}

/** A parsed, normalised Responses request. `undefined` always means "the caller did not set it". */
export type ResponsesRequest = z.output<typeof responsesRequestSchema>;

/**
 * `routing` over `provider`, key by key, with the requested mode resolved as the reference reads it:
 * `routing.mode` first, and `provider.mode` never (requestRouting.ts:367-371). So `requestedSort`
 * and `sort` on the merged hints are the request's sort, and `mode` is not a second one.
 */
function mergedHints(provider: ProviderPreferences | undefined, routing: ProviderPreferences | undefined): ProviderPreferences {
  // `provider` alone (most requests): merged over nothing it would be copied field for field, in the
  // same order; the parsed object is this request's own (nothing else holds it), so it is used itself.
  const merged = routing === undefined && provider !== undefined ? provider : mergeProviderPreferences(provider, routing);
  merged.mode = undefined;
  const mode = routing?.mode;
  if (mode !== undefined) {
    merged.requestedSort = mode;
    merged.sort = SORT_ALIASES[mode.toLowerCase()];
  }
  return merged;
}

/**
 * The validated body as the request every later stage reads; the request fast path ends here too.
 *
 * @example
 * normalise({ model: { kind: "model", model: "openai/gpt-5.4-nano" }, input: [{ role: "user", content: "Hi" }] }).stream; // false
 */
export function normalise(body: Body) {
  const reference = body.model ?? undefined;
  return {
    model: reference?.kind === "model" ? reference.model : undefined,
    /** From `provider:org/model`: the only provider routing may use. */
    pinnedProvider: reference?.kind === "model" ? reference.pinnedProvider : undefined,
    preset: body.preset ?? (reference?.kind === "preset" ? reference.preset : undefined),
    /** Which field named the preset, for error paths. */
    presetSource: body.preset != null ? ("preset" as const) : reference?.kind === "preset" ? ("model" as const) : undefined,
    /** `input` as chat messages, in order. */
    input: body.input,
    instructions: body.instructions ?? undefined,
    temperature: body.temperature ?? undefined,
    topP: body.top_p ?? undefined,
    maxOutputTokens: body.max_output_tokens ?? undefined,
    stop: body.stop ?? undefined,
    seed: body.seed ?? undefined,
    stream: body.stream ?? false,
    /** `response_format` or `text.format`, normalised (the parser rejects both at once). */
    responseFormat: body.response_format ?? body.text?.format ?? undefined,
    textVerbosity: body.text?.verbosity ?? undefined,
    plugins: body.plugins ?? undefined,
    meta: body.meta ?? false,
    /** `debug.enabled` (the `x-gateway-debug` header is read by the caller). */
    debug: body.debug?.enabled === true,
    /**
     * The requested routing mode as written: `routing.mode` (a string), else `routing.sort`, else
     * `provider.sort` (requestRouting.ts:367-371). `provider.mode` is never read.
     */
    requestedSort: body.routing?.mode ?? body.routing?.requestedSort ?? body.provider?.requestedSort,
    /** `provider` and `routing` merged, `routing` winning key by key. */
    provider: body.provider || body.routing ? mergedHints(body.provider ?? undefined, body.routing ?? undefined) : emptyProviderPreferences(),
    tools: body.tools ?? undefined,
    reasoning: body.reasoning ?? undefined,
    responseCaching: body.response_caching ?? undefined,
    /** OpenAI parameters present in the body that have no effect here. */
    ignoredParameters: ignoredParameters(body),
  };
}

type IgnoredParameter = (typeof IGNORED_OPENAI_PARAMETERS)[number];
/** Each ignored parameter's place in the registry. */
const IGNORED_ORDER = new Map<string, number>(IGNORED_OPENAI_PARAMETERS.map((name, index) => [name, index]));

/**
 * The ignored OpenAI parameters the body sets, in registry order. Walks the body's few keys rather
 * than looking up all seventeen names, which most bodies lack (this runs per request).
 */
function ignoredParameters(body: Body): IgnoredParameter[] {
  const present: IgnoredParameter[] = [];
  const values = body as Record<string, unknown>;
  for (const key in values) {
    if (Object.hasOwn(values, key) && IGNORED_ORDER.has(key) && values[key] !== undefined) present.push(key as IgnoredParameter);
  }
  if (present.length > 1) present.sort((a, b) => (IGNORED_ORDER.get(a) ?? 0) - (IGNORED_ORDER.get(b) ?? 0));
  return present;
}
