// Public surface of preset rollout validation: the same traffic through two preset versions, compared.
export { compareMetrics, DEFAULT_THRESHOLDS, type DiffThresholds, type MetricRow } from "./compare.js";
export { NO_PRESET, presetMetrics, type PresetMetrics } from "./metrics.js";
export { resolvePresetSource, runGit, type GitRunner, type PresetSource } from "./preset-source.js";
export { renderDiffMarkdown, renderDiffTable, violations, type DiffReport } from "./render-diff.js";
export { runDiff, type RunDiffOptions, type RunDiffResult } from "./run-diff.js";
export { loadScenarioPair, type DiffSide, type LoadedPair } from "./load-scenario-pair.js";
export { presetsAtRevision, type PresetsAtRevision } from "./presets-at-revision.js";
