// Gateway plugins: the registry, layering (gateway → preset → request) and the response-healing plugin.
export { PLUGIN_IDS, PLUGIN_MODES, isPluginId, pluginModeProblem, type PluginId } from "./registry.js";
export { pluginEntrySchema, pluginListSchema, type PluginEntry } from "./plugin-entry-schema.js";
export {
  enabledPlugin,
  layerPlugins,
  PLUGIN_LAYER_SOURCES,
  type BlockedPluginOverride,
  type LayerPluginsResult,
  type PluginLayer,
  type PluginLayerEntry,
  type PluginLayerSource,
  type ResolvedPlugin,
} from "./layer-plugins.js";
export { runHealCommand, type HealCommandInput, type HealCommandRecord, type HealCommandResult } from "./heal-command.js";
export * from "./response-healing/index.js";
