// One `plugins[]` entry as requests, presets and gateway settings write it: `{id, enabled?, mode?, locked?}`.
import { z } from "zod";
import { pluginModeProblem } from "./registry.js";

/**
 * One plugin entry. The id is any non-empty string here — an unknown id is not a shape problem but
 * a 400 `unknown_gateway_plugin`, decided by layerPlugins — while a known plugin's `mode` is checked.
 *
 * @example
 * pluginEntrySchema.parse({ id: "response-healing", mode: "strict" });
 */
export const pluginEntrySchema = z
  .strictObject({
    id: z.string().min(1),
    enabled: z.boolean().optional(),
    mode: z.string().min(1).optional(),
    /** A locked entry cannot be overridden by a later layer (preset over gateway, request over preset). */
    locked: z.boolean().optional(),
  })
  .superRefine((entry, ctx) => {
    const problem = pluginModeProblem(entry.id, entry.mode);
    if (problem !== undefined) ctx.addIssue({ code: "custom", path: ["mode"], message: problem });
  });

export type PluginEntry = z.infer<typeof pluginEntrySchema>;

/**
 * A `plugins` list.
 *
 * @example
 * pluginListSchema.parse([{ id: "response-healing" }]);
 */
export const pluginListSchema = z.array(pluginEntrySchema);
