// Resolves the plugins a request runs with: gateway defaults, then the preset, then the request
// (reference §2). A later layer's entry replaces an earlier one whole, unless that entry is locked.
import { GatewayError, type ErrorDetail } from "../core/errors.js";
import { isPluginId, PLUGIN_IDS, PLUGIN_MODES, pluginModeProblem, type PluginId } from "./registry.js";

export const PLUGIN_LAYER_SOURCES = ["gateway", "preset", "request"] as const;
export type PluginLayerSource = (typeof PLUGIN_LAYER_SOURCES)[number];

/** One entry as a layer lists it (the output of pluginEntrySchema, or of the gateway settings). */
export interface PluginLayerEntry {
  id: string;
  enabled?: boolean | undefined;
  mode?: string | undefined;
  locked?: boolean | undefined;
}

export interface PluginLayer {
  source: PluginLayerSource;
  plugins: readonly PluginLayerEntry[];
  /** Where the list sits, for error paths; defaults to `plugins`, `preset.plugins`, `settings.plugins.defaults`. */
  path?: string;
}

export interface ResolvedPlugin {
  id: PluginId;
  enabled: boolean;
  mode: string;
  locked: boolean;
  /** The layer that last set this entry. */
  source: PluginLayerSource;
}

/** A later layer's entry ignored because an earlier layer locked the plugin. */
export interface BlockedPluginOverride {
  id: PluginId;
  source: PluginLayerSource;
  lockedBy: PluginLayerSource;
  path: string;
}

export type LayerPluginsResult = { ok: true; plugins: ResolvedPlugin[]; blocked: BlockedPluginOverride[] } | { ok: false; error: GatewayError };

const DEFAULT_PATHS: Record<PluginLayerSource, string> = { gateway: "settings.plugins.defaults", preset: "preset.plugins", request: "plugins" };

/**
 * Layers plugin lists (in gateway → preset → request order, whatever order they are passed in); a
 * later entry replaces an earlier one whole unless that is locked. Disabled plugins stay in the
 * result with `enabled: false`. An unknown id or an invalid mode is `validation_error` (keyword
 * `unknown_gateway_plugin` / `enum`), listing every offending entry in `details`.
 *
 * @example
 * layerPlugins([
 *   { source: "preset", plugins: [{ id: "response-healing", mode: "strict", locked: true }] },
 *   { source: "request", plugins: [{ id: "response-healing", mode: "safe" }] },
 * ]);
 * // { ok: true, plugins: [{ id: "response-healing", enabled: true, mode: "strict", locked: true, source: "preset" }], blocked: [...] }
 */
export function layerPlugins(layers: readonly PluginLayer[]): LayerPluginsResult {
  const ordered = [...layers].sort((a, b) => PLUGIN_LAYER_SOURCES.indexOf(a.source) - PLUGIN_LAYER_SOURCES.indexOf(b.source));
  const problems = findProblems(ordered);
  if (problems.unknown.length > 0) {
    // 400 validation_error, keyword unknown_gateway_plugin (before/index.ts:598-615).
    const ids = [...new Set(problems.unknown.map((d) => d.id))];
    const message = `Unknown gateway plugin id${ids.length > 1 ? "s" : ""}: ${ids.join(", ")}`;
    return { ok: false, error: new GatewayError("validation_error", message, { details: problems.unknown.map(({ detail }) => detail) }) };
  }
  if (problems.invalid.length > 0) {
    return { ok: false, error: new GatewayError("validation_error", "Invalid plugin configuration.", { details: problems.invalid }) };
  }
  const resolved = new Map<PluginId, ResolvedPlugin>();
  const blocked: BlockedPluginOverride[] = [];
  for (const layer of ordered) {
    layer.plugins.forEach((entry, index) => {
      const id = entry.id as PluginId; // checked by findProblems
      const earlier = resolved.get(id);
      if (earlier?.locked) {
        blocked.push({ id, source: layer.source, lockedBy: earlier.source, path: `${layerPath(layer)}[${index}]` });
        return;
      }
      // A later entry replaces the earlier one whole, as the reference merges (normalize.ts:48-65):
      // `{id}` alone resets mode and enabled to their defaults.
      const enabled = entry.enabled ?? true;
      const mode = entry.mode ?? PLUGIN_MODES[id].defaultMode;
      resolved.set(id, { id, enabled, mode, locked: entry.locked ?? false, source: layer.source });
    });
  }
  return { ok: true, plugins: [...resolved.values()], blocked };
}

function layerPath(layer: PluginLayer): string {
  return layer.path ?? DEFAULT_PATHS[layer.source];
}

function findProblems(layers: readonly PluginLayer[]): { unknown: { id: string; detail: ErrorDetail }[]; invalid: ErrorDetail[] } {
  const unknown: { id: string; detail: ErrorDetail }[] = [];
  const invalid: ErrorDetail[] = [];
  for (const layer of layers) {
    layer.plugins.forEach((entry, index) => {
      const path = `${layerPath(layer)}[${index}]`;
      if (!isPluginId(entry.id)) {
        unknown.push({ id: entry.id, detail: { path: `${path}.id`, message: `"${entry.id}" is not a gateway plugin (known: ${PLUGIN_IDS.join(", ")})`, keyword: "unknown_gateway_plugin" } });
        return;
      }
      const problem = pluginModeProblem(entry.id, entry.mode);
      if (problem !== undefined) invalid.push({ path: `${path}.mode`, message: problem, keyword: "enum" });
    });
  }
  return { unknown, invalid };
}

/**
 * The resolved entry for `id` when it is enabled.
 *
 * @example
 * const healing = enabledPlugin(result.plugins, "response-healing");
 */
export function enabledPlugin(plugins: readonly ResolvedPlugin[], id: PluginId): ResolvedPlugin | undefined {
  return plugins.find((plugin) => plugin.id === id && plugin.enabled);
}
