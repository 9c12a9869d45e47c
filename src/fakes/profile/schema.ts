// A fake provider's profile, as scenario files declare it: what it serves and at what price (the
// same field names as catalog offers), how fast, how much load it takes, and how it degrades.
import { z } from "zod";
import { durationSchema } from "../../core/duration.js";
import { OFFER_PARAMETERS, offerFileSchema } from "../../gateway/catalog/schema.js";
import { WIRE_FORMATS } from "../../providers/wire-formats.js";
import { attemptTraceSchema } from "./attempt-trace-schema.js";
import { degradationPhaseSchema } from "./degradation-schema.js";
import { durationDistributionSchema, numberDistributionSchema, type DistributionSpec } from "./distribution-schema.js";
import { fallbackBaseUrl, knownProvider } from "./known-providers.js";

/** Defaults when a profile leaves a distribution out (documented in the profile's JSDoc). */
export const PROFILE_DEFAULTS = {
  ttft: { distribution: { kind: "lognormal", median: 400, p99: 1500 }, min: undefined, cap: undefined } satisfies DistributionSpec,
  throughput: { distribution: { kind: "normal", mean: 80, sd: 15 }, min: 1, cap: undefined } satisfies DistributionSpec,
  outputTokens: { distribution: { kind: "lognormal", median: 150, p99: 800 }, min: 1, cap: undefined } satisfies DistributionSpec,
  chunkTokens: 4,
} as const;

// The catalog's offer fields; parameters and weight stay unset so the catalog's own defaults apply.
const offerSchema = offerFileSchema.extend({
  /** Passed through to the catalog only. */
  parameters: z.array(z.enum(OFFER_PARAMETERS)).optional(),
  /** Passed through to the catalog only. */
  weight: z.number().positive().optional(),
});

const capacitySchema = z.strictObject({
  /** Requests served at once; the rest queue. Default: unlimited. */
  max_concurrent: z.number().int().min(1).optional(),
  /**
   * Requests that may wait for a slot (default 0). Beyond it the provider answers "overloaded" as the
   * real ones do: OpenAI format 503 `server_error` ("The server is overloaded or not ready yet."),
   * Anthropic 529 `overloaded_error`.
   */
  queue: z.number().int().min(0).default(0),
  /** A queued request waiting longer than this is answered "overloaded". Default: no limit. */
  queue_timeout: durationSchema.optional(),
  /** Latency and time to first token grow by this share per other request in flight (0.05: 20 others → ×2). */
  load_latency_factor: z.number().min(0).default(0),
});

const rateLimitSchema = z.strictObject({
  /** Requests per minute window. */
  rpm: z.number().int().min(1).optional(),
  /** Tokens per minute window: input tokens plus the requested max output tokens, charged at admission. */
  tpm: z.number().int().min(1).optional(),
});

/**
 * A fake provider profile.
 *
 * - `latency`: total time of a non-streaming answer; when absent it is `ttft + output_tokens / throughput`.
 * - `ttft`: time to the first streamed token (default lognormal median 400ms, p99 1.5s).
 * - `throughput`: streamed output tokens per second after the first (default normal mean 80, sd 15, min 1).
 * - `output_tokens`: length of free-text answers (default lognormal median 150, p99 800); JSON answers are as
 *   long as the generated value. Any answer longer than the request's max tokens is cut with finish reason `length`.
 * - `chunk_tokens`: tokens per streamed chunk (default 4).
 * - `attempt_trace`: logged attempts answered at their logged times (incident replay); other calls get the rest.
 *
 * @example
 * fakeProviderProfileSchema.parse({
 *   id: "openai",
 *   models: { "openai/gpt-5.4-nano": { model: "gpt-5.4-nano", price: { input: 0.05, output: 0.4 } } },
 *   latency: { lognormal: { median: "800ms", p99: "3s" } },
 * });
 */
export const fakeProviderProfileSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a provider id such as "openai-eu" (lowercase, digits, dashes)'),
    name: z.string().optional(),
    /** Optional for the known provider ids (see KNOWN_PROVIDERS). */
    format: z.enum(WIRE_FORMATS).optional(),
    /** Optional: the real base URL for known ids, else https://<id>.gateway-sim.test. */
    base_url: z.url().optional(),
    /** When set, a request without this key gets the provider's real 401. */
    api_key: z.string().min(1).optional(),
    models: z.record(z.string().regex(/^[a-z0-9-]+\/[A-Za-z0-9._-]+$/, 'expected a model id such as "openai/gpt-5.4-nano"'), offerSchema),
    latency: durationDistributionSchema.optional(),
    ttft: durationDistributionSchema.optional(),
    throughput: numberDistributionSchema.optional(),
    output_tokens: numberDistributionSchema.optional(),
    chunk_tokens: z.number().int().min(1).default(PROFILE_DEFAULTS.chunkTokens),
    capacity: capacitySchema.prefault({}),
    rate_limits: rateLimitSchema.prefault({}),
    degradations: z.array(degradationPhaseSchema).default([]),
    attempt_trace: attemptTraceSchema.optional(),
  })
  .superRefine((profile, ctx) => {
    if (!profile.format && !knownProvider(profile.id)) {
      ctx.addIssue({ code: "custom", path: ["format"], message: `"${profile.id}" is not a known provider: give format (one of ${WIRE_FORMATS.join(", ")})` });
    }
  })
  .transform((profile) => {
    const known = knownProvider(profile.id);
    const format = profile.format ?? known?.format ?? "openai-chat";
    const baseUrl = (profile.base_url ?? (known && known.format === format ? known.baseUrl : fallbackBaseUrl(profile.id, format))).replace(/\/+$/, "");
    return {
      ...profile,
      format,
      base_url: baseUrl,
      ttft: profile.ttft ?? PROFILE_DEFAULTS.ttft,
      throughput: profile.throughput ?? PROFILE_DEFAULTS.throughput,
      output_tokens: profile.output_tokens ?? PROFILE_DEFAULTS.outputTokens,
    };
  });

/** A validated profile (durations in ms, defaults filled). */
export type FakeProviderProfile = z.output<typeof fakeProviderProfileSchema>;
/** A profile as written in YAML or passed in code. */
export type FakeProviderProfileInput = z.input<typeof fakeProviderProfileSchema>;
export type FakeOffer = FakeProviderProfile["models"][string];

/** Parses one profile, throwing a zod error on bad input (use parseConfig for located file errors). */
export function defineFakeProvider(input: FakeProviderProfileInput): FakeProviderProfile {
  return fakeProviderProfileSchema.parse(input);
}

/**
 * A list of profiles with unique ids (a scenario's `providers:` section).
 *
 * @example
 * parseConfig("scenario.yaml", text, z.strictObject({ providers: fakeProviderListSchema }));
 */
export const fakeProviderListSchema = z.array(fakeProviderProfileSchema).superRefine((profiles, ctx) => {
  const seen = new Set<string>();
  profiles.forEach((profile, index) => {
    if (seen.has(profile.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `duplicate provider id "${profile.id}"` });
    seen.add(profile.id);
  });
});
