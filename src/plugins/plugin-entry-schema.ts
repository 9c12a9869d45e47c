// One `plugins[]` entry as requests, presets and gateway settings write it. As in the reference
// (plugins/normalize.ts:3-45): a bare string id, or `{id, enabled?, config?, preventOverrides?}` with
// a top-level `mode` folded into config; ids are trimmed and lower-cased. gateway-sim also reads
// `locked` (its name for preventOverrides) and rejects unknown keys, where production ignores them.
import { z } from "zod";
import { pluginModeProblem } from "./registry.js";

const objectEntry = z
  .strictObject({
    id: z.string().trim().toLowerCase().min(1),
    enabled: z.boolean().optional(),
    mode: z.string().min(1).optional(),
    config: z.looseObject({ mode: z.string().min(1).optional() }).optional(),
    /** The reference's name for `locked`. */
    preventOverrides: z.boolean().optional(),
    /** A locked entry cannot be overridden by a later layer (preset over gateway, request over preset). */
    locked: z.boolean().optional(),
  })
  .transform(({ id, enabled, mode, config, preventOverrides, locked }) => {
    // A top-level key overwrites the same key of `config` (normalize.ts:21-35).
    const resolvedMode = mode ?? config?.mode;
    const lock = locked ?? preventOverrides;
    return { id, ...(enabled !== undefined ? { enabled } : {}), ...(resolvedMode !== undefined ? { mode: resolvedMode } : {}), ...(lock !== undefined ? { locked: lock } : {}) };
  });

/**
 * One plugin entry, normalised to `{id, enabled?, mode?, locked?}`. The id is any non-empty string
 * here — an unknown id is a 400 decided by layerPlugins — while a known plugin's `mode` is checked.
 *
 * @example
 * pluginEntrySchema.parse("Response-Healing"); // { id: "response-healing" }
 * pluginEntrySchema.parse({ id: "response-healing", config: { mode: "strict" } }); // { id: "response-healing", mode: "strict" }
 */
export const pluginEntrySchema = z
  .union([
    z
      .string()
      .trim()
      .toLowerCase()
      .min(1)
      .transform((id) => ({ id })),
    objectEntry,
  ])
  .superRefine((entry, ctx) => {
    const problem = pluginModeProblem(entry.id, "mode" in entry ? entry.mode : undefined);
    if (problem !== undefined) ctx.addIssue({ code: "custom", path: ["mode"], message: problem });
  });

export type PluginEntry = z.output<typeof pluginEntrySchema>;

/**
 * A `plugins` list.
 *
 * @example
 * pluginListSchema.parse(["response-healing"]);
 */
export const pluginListSchema = z.array(pluginEntrySchema);
