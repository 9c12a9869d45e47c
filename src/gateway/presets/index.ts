// Public surface of presets: schema, folder loader, store, and the merge into a request.
export { inlinePresetSchema, presetFileSchemaFor, type Preset } from "./preset-schema.js";
export { createPresetStore, type PresetStore } from "./preset-store.js";
export { loadPresetDir, PRESET_FILE_EXTENSIONS, type LoadPresetDirResult } from "./load-preset-dir.js";
export { applyPreset, type ApplyPresetResult, type PresetAppliedRequest, type PresetFilter } from "./apply-preset.js";
export { resolvePreset, type ResolvePresetResult } from "./resolve-preset.js";
export { resolvePresetModel, type PresetModelResult } from "./resolve-preset-model.js";
export { isModelAllowed, matchesModelPattern } from "./model-allowlist.js";
export { prependSystemPrompt, SYSTEM_PROMPT_SEPARATOR } from "./system-prompt.js";
export { prepareRequest, type PreparedRequest, type PrepareRequestResult } from "./prepare-request.js";
