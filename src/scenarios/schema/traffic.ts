// The traffic a scenario sends: explicit requests (a real /v1/responses body at a time) and
// generated load (a count or a rate over a duration, from weighted templates with faker input).
import { z } from "zod";
import { durationSchema } from "../../core/duration.js";
import { GATEWAY_SURFACES } from "../../gateway/surfaces/surfaces.js";

/** A `POST /v1/responses` body, sent as written; the gateway, not the scenario, validates it. */
export const requestBodySchema = z.record(z.string(), z.unknown());

const requestName = z.string().min(1);

/**
 * The API a request is sent to: `responses` (POST /v1/responses, the default), `chat.completions`
 * (POST /v1/chat/completions) or `messages` (POST /v1/messages); `body` is that API's body.
 */
export const surfaceSchema = z.enum(GATEWAY_SURFACES).default("responses");

/** One explicit request, optionally repeated. */
export const explicitRequestSchema = z.strictObject({
  /** Selects this request in expectations; repeats share the name. */
  name: requestName.optional(),
  /** Offset from the start of the run. */
  at: durationSchema.default(0),
  /** How many times to send it. */
  repeat: z.number().int().min(1).default(1),
  /** Spacing between repeats. */
  every: durationSchema.default(0),
  surface: surfaceSchema,
  body: requestBodySchema,
  /**
   * The generation id the gateway gives this request instead of drawing one: a replay re-sends each
   * logged request under its logged id, so what production derives from the id (the half-open probe
   * draw, health.ts:670-679) repeats. Once per scenario; not with `repeat`.
   */
  id: z.string().min(1).max(200).optional(),
});

/** A weighted request body for generated load; strings may hold faker placeholders like `{{lorem.sentence}}`. */
export const requestTemplateSchema = z.strictObject({
  weight: z.number().positive().default(1),
  surface: surfaceSchema,
  body: requestBodySchema,
});

export const ARRIVAL_PROCESSES = ["constant", "poisson"] as const;

/** Generated load. */
export const loadSchema = z
  .strictObject({
    /** Names every request of this load, for expectations. */
    name: requestName,
    start: durationSchema.default(0),
    duration: durationSchema,
    /** Total requests spread over `duration` (exactly one of `count`, `rate`). */
    count: z.number().int().min(1).optional(),
    /** Requests per second. */
    rate: z.number().positive().optional(),
    arrivals: z.enum(ARRIVAL_PROCESSES).default("constant"),
    /** Most requests of this load in flight at once; later arrivals wait for a slot. */
    concurrency: z.number().int().min(1).optional(),
    templates: z.array(requestTemplateSchema).min(1),
  })
  .superRefine((load, ctx) => {
    if ((load.count === undefined) === (load.rate === undefined)) {
      ctx.addIssue({ code: "custom", message: "expected exactly one of `count` or `rate`" });
    }
  });

/** The `traffic` section. */
export const trafficSchema = z
  .strictObject({
    requests: z.array(explicitRequestSchema).default([]),
    load: z.array(loadSchema).default([]),
  })
  .superRefine((traffic, ctx) => {
    // Usage records are keyed by id: two requests under one id would leave one record.
    const seen = new Map<string, number>();
    traffic.requests.forEach((r, i) => {
      if (r.id === undefined) return;
      if (r.repeat > 1) ctx.addIssue({ code: "custom", path: ["requests", i, "id"], message: `a request with an id is sent once: remove repeat (${r.repeat}) or the id` });
      const first = seen.get(r.id);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["requests", i, "id"], message: `id "${r.id}" is already given to requests[${first}]: ids are unique` });
      else seen.set(r.id, i);
    });
  })
  .prefault({});

export type ExplicitRequest = z.output<typeof explicitRequestSchema>;
export type RequestTemplate = z.output<typeof requestTemplateSchema>;
export type LoadSpec = z.output<typeof loadSchema>;
export type Traffic = z.output<typeof trafficSchema>;
