// Public surface of incident replay: a usage-log export in, a scenario that reproduces it out.
export { buildReplayScenario, REPLAY_LATENCY_MODES, type ReplayOptions, type ReplaySummary } from "./build-replay-scenario.js";
export { readUsageLog, replayRecordSchema, type ReadUsageLogResult, type ReplayRecord } from "./read-usage-log.js";
export { renderReplayYaml } from "./render-replay-yaml.js";
export { replayBody } from "./replay-request.js";
export { providerTimelines, type ProviderTimeline } from "./provider-timeline.js";
export { derivePhases, baselineLatency } from "./derive-phases.js";
export { windowExpectations } from "./window-expectations.js";
export { loggedPriceOverrides, type PriceOverride } from "./logged-prices.js";
export { replayThroughput } from "./stream-pacing.js";
export { phaseContradictions } from "./phase-contradictions.js";
export { registrationDelays } from "./registration-lag.js";
export { attemptTraceLines } from "./attempt-trace.js";
