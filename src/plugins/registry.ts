// The gateway plugins gateway-sim knows, with the modes each accepts. An id outside this list is a
// 400 `unknown_gateway_plugin` (reference §2).
import { DEFAULT_HEALING_MODE, HEALING_MODES } from "./response-healing/registry.js";

export const PLUGIN_IDS = ["response-healing"] as const;
export type PluginId = (typeof PLUGIN_IDS)[number];

/** Each plugin's valid modes and the one used when no layer sets `mode`. */
export const PLUGIN_MODES: Record<PluginId, { modes: readonly string[]; defaultMode: string }> = {
  "response-healing": { modes: HEALING_MODES, defaultMode: DEFAULT_HEALING_MODE },
};

/**
 * Narrows a plugin id from a request or preset.
 *
 * @example
 * isPluginId("response-healing"); // true
 */
export function isPluginId(id: string): id is PluginId {
  return (PLUGIN_IDS as readonly string[]).includes(id);
}

/**
 * Why `mode` is not valid for plugin `id`, or undefined when it is (unknown ids are not judged here).
 *
 * @example
 * pluginModeProblem("response-healing", "lenient"); // 'must be one of "safe", "strict", "extended"'
 */
export function pluginModeProblem(id: string, mode: string | undefined): string | undefined {
  if (mode === undefined || !isPluginId(id)) return undefined;
  const { modes } = PLUGIN_MODES[id];
  return modes.includes(mode) ? undefined : `must be one of ${modes.map((m) => `"${m}"`).join(", ")}`;
}
