// The faults a degradation phase can inject, and when a request is hit: by probability, the first
// N requests, or an exact sequence. Every fault has a one-word shorthand for the common case.
import { z } from "zod";
import { durationSchema } from "../../core/duration.js";
import { scalarOr } from "./scalar-or.js";

/** Every fault kind; each is also the YAML key of a phase. */
export const FAULT_KINDS = ["http_error", "hang", "connection_error", "latency_multiplier", "throughput_multiplier", "stream_fault", "content_fault", "wrong_usage", "socket_fault"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Stream faults: end cleanly early, drop the connection, corrupt one event, omit the terminator, send an error event. */
export const STREAM_FAULT_TYPES = ["truncate", "disconnect", "malformed_chunk", "missing_final_event", "error_event"] as const;
/**
 * Content faults: the first five break JSON syntax, `truncate_length` cuts the answer, the last five
 * violate the schema. `wrong_enum` sends a value outside the enum (nothing can heal it); `enum_case`
 * sends an allowed value in another case ("High" for "high"), which extended healing maps back.
 */
export const CONTENT_FAULT_TYPES = [
  "markdown_fence",
  "prose_around",
  "trailing_comma",
  "unquoted_keys",
  "missing_closers",
  "truncate_length",
  "wrong_enum",
  "enum_case",
  "wrong_type",
  "missing_required",
  "extra_property",
] as const;
/** Socket faults (real only over HTTP; in-process they surface as the connection error fetch would report). */
export const SOCKET_FAULT_TYPES = ["reset", "garbage_then_close"] as const;

const HIT = ["fail", "apply"] as const;
const PASS = ["ok", "skip"] as const;

/** Which requests of a phase a fault hits. */
export type Trigger = { kind: "probability"; p: number } | { kind: "count"; n: number } | { kind: "sequence"; steps: boolean[] };

const triggerShape = {
  /** Chance that each request in the phase is hit (default 1: every request). */
  probability: z.number().min(0).max(1).optional(),
  /** The first `count` requests of each phase occurrence are hit; later ones pass. */
  count: z.number().int().min(1).optional(),
  /** Exact outcomes in request order: `fail`/`apply` hit, `ok`/`skip` pass; requests after the list pass. */
  sequence: z
    .array(z.enum([...HIT, ...PASS]))
    .min(1)
    .optional(),
};

type TriggerFields = { probability?: number | undefined; count?: number | undefined; sequence?: string[] | undefined };

function triggerOf(fields: TriggerFields, ctx: z.RefinementCtx): Trigger {
  const set = (["probability", "count", "sequence"] as const).filter((k) => fields[k] !== undefined);
  if (set.length > 1) ctx.addIssue({ code: "custom", path: [], message: `use one of probability, count or sequence, not ${set.join(" and ")}` });
  if (fields.count !== undefined) return { kind: "count", n: fields.count };
  if (fields.sequence) return { kind: "sequence", steps: fields.sequence.map((s) => (HIT as readonly string[]).includes(s)) };
  return { kind: "probability", p: fields.probability ?? 1 };
}

function withTrigger<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject({ ...shape, ...triggerShape });
}

const always: Trigger = { kind: "probability", p: 1 };
const status = z.number().int().min(400).max(599);
const factor = z.number().positive();

const httpError = scalarOr(
  status.transform((s) => ({ fault: { kind: "http_error" as const, status: s, retryAfter: undefined, after: undefined, message: undefined }, trigger: always })),
  withTrigger({
    status,
    /** `retry-after` header on the error (e.g. for 429/503). */
    retry_after: durationSchema.optional(),
    /** Time before the error is returned (default: the request's sampled time to first token). */
    after: durationSchema.optional(),
    message: z.string().optional(),
  }).transform((v, ctx) => ({ fault: { kind: "http_error" as const, status: v.status, retryAfter: v.retry_after, after: v.after, message: v.message }, trigger: triggerOf(v, ctx) })),
  "an HTTP status (e.g. 503) or { status, probability | count | sequence }",
);

const hang = scalarOr(
  z.literal(true).transform(() => ({ fault: { kind: "hang" as const, for: undefined }, trigger: always })),
  /** `for`: give up after this long and close the connection; default: wait until the client aborts. */
  withTrigger({ for: durationSchema.optional() }).transform((v, ctx) => ({ fault: { kind: "hang" as const, for: v.for }, trigger: triggerOf(v, ctx) })),
  "true or { for?, probability | count | sequence }",
);

const connectionError = scalarOr(
  z.literal(true).transform(() => ({ fault: { kind: "connection_error" as const }, trigger: always })),
  withTrigger({}).transform((v, ctx) => ({ fault: { kind: "connection_error" as const }, trigger: triggerOf(v, ctx) })),
  "true or { probability | count | sequence }",
);

function multiplier<K extends "latency_multiplier" | "throughput_multiplier">(kind: K) {
  return scalarOr(
    factor.transform((f) => ({ fault: { kind, factor: f }, trigger: always })),
    withTrigger({ factor }).transform((v, ctx) => ({ fault: { kind, factor: v.factor }, trigger: triggerOf(v, ctx) })),
    "a factor (e.g. 3) or { factor, probability | count | sequence }",
  );
}

const streamFault = scalarOr(
  z.enum(STREAM_FAULT_TYPES).transform((t) => ({ fault: { kind: "stream_fault" as const, type: t, afterChunks: undefined, errorType: undefined }, trigger: always })),
  withTrigger({
    type: z.enum(STREAM_FAULT_TYPES),
    /** Content chunks sent before the fault (default: half of them). */
    after_chunks: z.number().int().min(0).optional(),
    /** For `error_event`: the provider error type (default `overloaded_error` / `server_error`). */
    error_type: z.string().optional(),
  }).transform((v, ctx) => ({ fault: { kind: "stream_fault" as const, type: v.type, afterChunks: v.after_chunks, errorType: v.error_type }, trigger: triggerOf(v, ctx) })),
  `one of ${STREAM_FAULT_TYPES.join(", ")} or { type, after_chunks?, probability | count | sequence }`,
);

const contentFault = scalarOr(
  z.enum(CONTENT_FAULT_TYPES).transform((t) => ({ fault: { kind: "content_fault" as const, type: t, keep: undefined }, trigger: always })),
  withTrigger({
    type: z.enum(CONTENT_FAULT_TYPES),
    /** For `truncate_length`: the share of the answer kept (default 0.5). */
    keep: z.number().gt(0).lt(1).optional(),
  }).transform((v, ctx) => ({ fault: { kind: "content_fault" as const, type: v.type, keep: v.keep }, trigger: triggerOf(v, ctx) })),
  `one of ${CONTENT_FAULT_TYPES.join(", ")} or { type, probability | count | sequence }`,
);

const USAGE_SHORTHANDS = { zero: [0, 0, false], double: [2, 2, false], omit: [1, 1, true] } as const;
const wrongUsage = scalarOr(
  z.enum(["zero", "double", "omit"]).transform((s) => {
    const [inputScale, outputScale, omit] = USAGE_SHORTHANDS[s];
    return { fault: { kind: "wrong_usage" as const, inputScale, outputScale, omit }, trigger: always };
  }),
  withTrigger({ input_scale: z.number().min(0).optional(), output_scale: z.number().min(0).optional(), omit: z.boolean().optional() }).transform((v, ctx) => ({
    fault: { kind: "wrong_usage" as const, inputScale: v.input_scale ?? 1, outputScale: v.output_scale ?? 1, omit: v.omit ?? false },
    trigger: triggerOf(v, ctx),
  })),
  "zero, double, omit or { input_scale?, output_scale?, omit?, probability | count | sequence }",
);

const socketFault = scalarOr(
  z.enum(SOCKET_FAULT_TYPES).transform((t) => ({ fault: { kind: "socket_fault" as const, type: t }, trigger: always })),
  withTrigger({ type: z.enum(SOCKET_FAULT_TYPES) }).transform((v, ctx) => ({ fault: { kind: "socket_fault" as const, type: v.type }, trigger: triggerOf(v, ctx) })),
  `one of ${SOCKET_FAULT_TYPES.join(", ")} or { type, probability | count | sequence }`,
);

/** The schema of each fault key of a phase. */
export const faultSchemas = {
  http_error: httpError,
  hang,
  connection_error: connectionError,
  latency_multiplier: multiplier("latency_multiplier"),
  throughput_multiplier: multiplier("throughput_multiplier"),
  stream_fault: streamFault,
  content_fault: contentFault,
  wrong_usage: wrongUsage,
  socket_fault: socketFault,
} as const satisfies Record<FaultKind, z.ZodType>;

/** One parsed fault with its trigger. */
export type ParsedFault = z.output<(typeof faultSchemas)[FaultKind]>;
export type Fault = ParsedFault["fault"];
