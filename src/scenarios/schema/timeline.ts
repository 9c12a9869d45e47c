// The timeline: what happens to providers and presets at given simulated times. A degradation
// is a fault phase in the fake profiles' own vocabulary, starting at the event's `at`.
import { z } from "zod";
import { durationSchema } from "../../core/duration.js";
import { degradationPhaseSchema } from "../../fakes/profile/degradation-schema.js";
import { inlinePresetSchema } from "../../gateway/presets/preset-schema.js";
import { withRest } from "./embed.js";

const providerId = z.string().min(1);

/** `{ provider, <one fault>, duration?, ramp?, repeat?, models? }`: the phase starts at the event's `at`. */
const degradeSchema = withRest(
  { provider: providerId },
  degradationPhaseSchema.superRefine((phase, ctx) => {
    if (phase.at !== 0) ctx.addIssue({ code: "custom", path: ["at"], message: "the event's own `at` sets when the fault starts" });
  }),
  "{ provider, and one fault such as http_error: 503 }",
);

/** Profile fields to replace from this time on, e.g. `{ provider: openai, latency: 3s }`. */
const reconfigureSchema = z.looseObject({ provider: providerId });

const swapPresetSchema = z
  .strictObject({
    /** The new version of a preset, inline. */
    preset: inlinePresetSchema.optional(),
    /** Or a preset file (relative to the scenario file); its name is the slug. */
    file: z.string().min(1).optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.preset === undefined) === (s.file === undefined)) ctx.addIssue({ code: "custom", message: "expected exactly one of `preset` or `file`" });
  });

export const TIMELINE_ACTIONS = ["degrade", "recover", "reconfigure", "swap_preset"] as const;
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number];

/** One timeline event: exactly one action at a time. */
export const timelineEventSchema = z
  .strictObject({
    /** Offset from the start of the run. */
    at: durationSchema,
    /** Lets expectations refer to the event as an incident (`failover.incident`). */
    name: z.string().min(1).optional(),
    degrade: degradeSchema.optional(),
    /** A provider id: every fault it has at this time ends. */
    recover: providerId.optional(),
    reconfigure: reconfigureSchema.optional(),
    swap_preset: swapPresetSchema.optional(),
  })
  .superRefine((event, ctx) => {
    const present = TIMELINE_ACTIONS.filter((a) => event[a] !== undefined);
    if (present.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: present.length === 0 ? `expected one action: ${TIMELINE_ACTIONS.join(", ")}` : `expected only one action, got ${present.join(" and ")}`,
      });
    }
  });

export type TimelineEvent = z.output<typeof timelineEventSchema>;
