// The scenario file: who the providers are, what the gateway is configured with, what traffic
// arrives when, what goes wrong when, and what must hold. Cross-file references (presets, catalog,
// provider ids used elsewhere) are checked separately in load/cross-references.ts.
import { z } from "zod";
import { durationSchema } from "../../core/duration.js";
import type { Catalog } from "../../gateway/catalog/schema.js";
import { inlinePresetSchema } from "../../gateway/presets/preset-schema.js";
import { gatewayTargetSchema } from "../../external/gateway-target.js";
import { gatewaySettingsSchema } from "../../gateway/settings.js";
import { budgetSchema, checkScenarioBudget } from "./budget.js";
import { expectationSchema } from "./expectations.js";
import { providerItemSchema } from "./provider-item.js";
import { timelineEventSchema } from "./timeline.js";
import { trafficSchema } from "./traffic.js";

import { TRANSPORTS, type Transport } from "../transports.js";

/** How the gateway's fetch reaches the fakes: in-process call, or msw intercepting global fetch. */
export { TRANSPORTS, type Transport };

/** Statistical mode: run over `seeds` derived seeds; each expectation must hold on `pass_rate` of them. */
export const runsSchema = z.strictObject({
  seeds: z.number().int().min(1),
  pass_rate: z.number().min(0).max(1).default(1),
});

/** What the scenario schema needs from outside the file: the referenced catalog, once loaded. */
export interface ScenarioSchemaContext {
  catalog: Catalog | undefined;
}

/**
 * The scenario schema. `catalog` fills in `models` for providers that leave it out.
 *
 * @example
 * parseConfig("scenarios/x.yaml", text, scenarioSchemaFor({ catalog: undefined }));
 */
export function scenarioSchemaFor(context: ScenarioSchemaContext) {
  return z
    .strictObject({
      /** Editors' schema reference; ignored. */
      $schema: z.string().optional(),
      /** Defaults to the file name without extension. */
      name: z.string().min(1).optional(),
      description: z.string().optional(),
      /** Root of every random stream of the run (fakes, gateway, traffic). */
      seed: z.union([z.string().min(1), z.number().int()], { error: "expected a seed: a string or an integer" }).transform(String),
      transport: z.enum(TRANSPORTS).default("direct"),
      /** Simulated wall-clock time at the start of the run (ISO 8601). Default 2026-01-01T00:00:00Z. */
      start: z.iso.datetime({ offset: true }).optional(),
      /** Keep the simulation running at least this long (timeline events after the last request). */
      duration: durationSchema.optional(),
      /** Gateway settings overrides (weights, windows, thresholds); unset fields keep the reference defaults. */
      settings: gatewaySettingsSchema.prefault({}),
      /** A catalog file (relative to this file) or `default` for the built-in one; fills in providers' `models`. */
      catalog: z.string().min(1).optional(),
      providers: z.array(providerItemSchema(context.catalog)).min(1),
      presets: z.array(inlinePresetSchema).default([]),
      /** A folder of preset files (relative to this file), one `<slug>.yaml` each. */
      presets_dir: z.string().min(1).optional(),
      traffic: trafficSchema,
      timeline: z.array(timelineEventSchema).default([]),
      expectations: z.array(expectationSchema).default([]),
      runs: runsSchema.optional(),
      /** Play the traffic through an outside gateway (Portkey, LiteLLM, a deployment) instead of the built-in one. */
      gateway: gatewayTargetSchema.optional(),
      /** Compare every request's routing decision with `__snapshots__/<file>.snap.json`. */
      snapshot: z.boolean().default(false),
      /** Raises or lowers this scenario's request and duration budget (see budget.ts for the defaults). */
      budget: budgetSchema.optional(),
    })
    .superRefine((scenario, ctx) => checkScenarioBudget(scenario, ctx));
}

export type ScenarioFile = z.output<ReturnType<typeof scenarioSchemaFor>>;
export type ScenarioFileInput = z.input<ReturnType<typeof scenarioSchemaFor>>;
export type Runs = z.output<typeof runsSchema>;
