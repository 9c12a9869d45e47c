// A degradation phase: one fault, active over a window of simulated time (from the fleet's start),
// optionally ramping in linearly and repeating to model flapping.
import { z } from "zod";
import { durationSchema } from "../../core/duration.js";
import { FAULT_KINDS, faultSchemas, type Fault, type Trigger } from "./fault-schema.js";
import { requireExactlyOne } from "./scalar-or.js";

/** `step`: full strength for the whole phase; `linear`: grows from nothing at `at` to full at the end. */
export const RAMPS = ["step", "linear"] as const;

/** A phase as the fakes use it. */
export interface DegradationPhase {
  /** Start, ms after the fleet's start. */
  at: number;
  /** Length of each occurrence; undefined: until the end of the run. */
  duration: number | undefined;
  ramp: (typeof RAMPS)[number];
  /** Occurrence k starts at `at + k·every`; `times` undefined: forever. */
  repeat: { every: number; times: number | undefined } | undefined;
  /** Only requests for these models (gateway or provider ids) are considered; undefined: all. */
  models: string[] | undefined;
  fault: Fault;
  trigger: Trigger;
}

const faultFields = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, faultSchemas[kind].optional()])) as {
  [K in (typeof FAULT_KINDS)[number]]: z.ZodOptional<(typeof faultSchemas)[K]>;
};

/**
 * One degradation phase. Exactly one fault key per phase; list several phases for combined faults.
 *
 * @example
 * degradationPhaseSchema.parse({ at: "10m", duration: "5m", ramp: "linear", http_error: { status: 503, probability: 0.4 } });
 * degradationPhaseSchema.parse({ http_error: 500, count: 3 }); // rejected: count belongs inside the fault
 * degradationPhaseSchema.parse({ http_error: { status: 500, count: 3 } }); // the first 3 requests fail
 */
export const degradationPhaseSchema = z
  .strictObject({
    at: durationSchema.default(0),
    duration: durationSchema.optional(),
    ramp: z.enum(RAMPS).default("step"),
    repeat: z.strictObject({ every: durationSchema.refine((ms) => ms > 0, "must be > 0"), times: z.number().int().min(1).optional() }).optional(),
    models: z.array(z.string().min(1)).min(1).optional(),
    ...faultFields,
  })
  .superRefine((phase, ctx) => {
    requireExactlyOne(phase, FAULT_KINDS, ctx, "fault");
    const parsed = FAULT_KINDS.map((kind) => phase[kind]).find((f) => f !== undefined);
    if (phase.ramp === "linear") {
      if (phase.duration === undefined) ctx.addIssue({ code: "custom", path: ["ramp"], message: "a linear ramp needs a duration" });
      if (parsed && parsed.trigger.kind !== "probability") {
        ctx.addIssue({ code: "custom", path: ["ramp"], message: "a linear ramp scales a probability or a factor; it cannot ramp a count or a sequence" });
      }
    }
    if (phase.repeat) {
      if (phase.duration === undefined) ctx.addIssue({ code: "custom", path: ["repeat"], message: "a repeating phase needs a duration" });
      else if (phase.duration > phase.repeat.every) ctx.addIssue({ code: "custom", path: ["repeat", "every"], message: "every must be ≥ duration" });
    }
  })
  .transform((phase): DegradationPhase => {
    const parsed = FAULT_KINDS.map((kind) => phase[kind]).find((f) => f !== undefined);
    if (!parsed) throw new Error("unreachable: superRefine requires one fault");
    return {
      at: phase.at,
      duration: phase.duration,
      ramp: phase.ramp,
      repeat: phase.repeat ? { every: phase.repeat.every, times: phase.repeat.times } : undefined,
      models: phase.models,
      fault: parsed.fault,
      trigger: parsed.trigger,
    };
  });

export type DegradationPhaseInput = z.input<typeof degradationPhaseSchema>;
