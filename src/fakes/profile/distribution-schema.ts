// Distributions of per-request values (latency, time to first token, tokens/s, output length),
// as profile files write them: a scalar is a fixed value, an object names one distribution.
import { z } from "zod";
import { durationSchema } from "../../core/duration.js";
import { requireExactlyOne, scalarOr } from "./scalar-or.js";

/** The distribution families a profile can name; each key is also the YAML key. */
export const DISTRIBUTION_KINDS = ["fixed", "uniform", "normal", "lognormal", "empirical", "trace"] as const;

/** One family with its parameters (durations already in ms). */
export type Distribution =
  | { kind: "fixed"; value: number }
  | { kind: "uniform"; min: number; max: number }
  | { kind: "normal"; mean: number; sd: number }
  /** Given as median and 99th percentile, the way latency dashboards report it. */
  | { kind: "lognormal"; median: number; p99: number }
  /** Draws uniformly from recorded samples (a bootstrap). */
  | { kind: "empirical"; samples: number[] }
  /** Replays recorded values in order, one per request, looping at the end. */
  | { kind: "trace"; values: number[] };

/** A distribution with optional clamps: `min` raises low draws, `cap` cuts any tail. */
export interface DistributionSpec {
  distribution: Distribution;
  min: number | undefined;
  cap: number | undefined;
}

function build<I>(value: z.ZodType<number, I>, expected: string) {
  const object = z
    .strictObject({
      fixed: value.optional(),
      uniform: z.strictObject({ min: value, max: value }).optional(),
      normal: z.strictObject({ mean: value, sd: value }).optional(),
      lognormal: z.strictObject({ median: value, p99: value }).optional(),
      empirical: z.array(value).min(1).optional(),
      trace: z.array(value).min(1).optional(),
      min: value.optional(),
      cap: value.optional(),
    })
    .superRefine((spec, ctx) => {
      requireExactlyOne(spec, DISTRIBUTION_KINDS, ctx, "distribution");
      if (spec.uniform && spec.uniform.max < spec.uniform.min) {
        ctx.addIssue({ code: "custom", path: ["uniform", "max"], message: "max must be ≥ min" });
      }
      if (spec.lognormal && !(spec.lognormal.p99 > spec.lognormal.median && spec.lognormal.median > 0)) {
        ctx.addIssue({ code: "custom", path: ["lognormal", "p99"], message: "p99 must be greater than a positive median" });
      }
      if (spec.min !== undefined && spec.cap !== undefined && spec.cap < spec.min) {
        ctx.addIssue({ code: "custom", path: ["cap"], message: "cap must be ≥ min" });
      }
    })
    .transform((spec): DistributionSpec => ({ distribution: toDistribution(spec), min: spec.min, cap: spec.cap }));
  const fixed = value.transform((v): DistributionSpec => ({ distribution: { kind: "fixed", value: v }, min: undefined, cap: undefined }));
  return scalarOr(fixed, object, expected);
}

interface RawSpec {
  fixed?: number | undefined;
  uniform?: { min: number; max: number } | undefined;
  normal?: { mean: number; sd: number } | undefined;
  lognormal?: { median: number; p99: number } | undefined;
  empirical?: number[] | undefined;
  trace?: number[] | undefined;
}

function toDistribution(spec: RawSpec): Distribution {
  if (spec.uniform) return { kind: "uniform", ...spec.uniform };
  if (spec.normal) return { kind: "normal", ...spec.normal };
  if (spec.lognormal) return { kind: "lognormal", ...spec.lognormal };
  if (spec.empirical) return { kind: "empirical", samples: spec.empirical };
  if (spec.trace) return { kind: "trace", values: spec.trace };
  return { kind: "fixed", value: spec.fixed ?? 0 };
}

/**
 * A distribution of durations: `800ms`, `{ lognormal: { median: 800ms, p99: 3s }, cap: 20s }`,
 * `{ empirical: [700ms, 900ms] }`, `{ trace: [812, 790, 3100] }`.
 *
 * @example
 * durationDistributionSchema.parse({ lognormal: { median: "800ms", p99: "3s" } });
 */
export const durationDistributionSchema = build(durationSchema, 'a duration ("800ms") or a distribution such as { lognormal: { median: 800ms, p99: 3s } }');

/**
 * A distribution of positive numbers (tokens/s, token counts): `50` or `{ normal: { mean: 50, sd: 5 } }`.
 *
 * @example
 * numberDistributionSchema.parse({ uniform: { min: 40, max: 60 } });
 */
export const numberDistributionSchema = build(z.number().min(0), "a number or a distribution such as { normal: { mean: 50, sd: 5 } }");

export type DistributionInput = z.input<typeof durationDistributionSchema>;
