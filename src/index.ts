// The package's one front door (`import { … } from "gateway-sim"`): every public export, named and
// grouped by part. Anything not exported here is internal and may change freely.

// ── Building a gateway ────────────────────────────────────────────────────────────────────────────

/** Builds the gateway pipeline from injected parts (fetch, clock, random source, catalog, presets). */
export { createGateway } from "./gateway/create-gateway.js";
/** A gateway, what it needs to be built, what `respond()` returns and the lifecycle events it emits. */
export type { Gateway, GatewayDeps, GatewayEvent, GatewayResponse } from "./gateway/create-gateway.js";
/** Every weight, window and threshold of the gateway, with the reference defaults (`defaultGatewaySettings()`). */
export { defaultGatewaySettings, gatewaySettingsSchema, type GatewaySettings, type GatewaySettingsInput } from "./gateway/settings.js";
/** The gateway's error class (string `code`, HTTP `status`, `isRetryable`, `toJSON()`) and its codes. */
export { ERROR_CODES, GatewayError, type ErrorBody, type ErrorCode, type ErrorDetail } from "./core/errors.js";
/** The in-memory usage log a gateway keeps by default (`GET /v1/generations` reads it). */
export { createMemoryUsageLog, type MemoryUsageLogOptions } from "./gateway/usage/memory-usage-log.js";
/** The usage log's interface, for a store of your own. */
export type { UsageFilter, UsageLog, UsageLogItem, UsageLogPage } from "./gateway/usage/usage-log.js";
/** The in-memory response cache a gateway keeps by default, and the interface for a store of your own. */
export { createMemoryCacheStore, DEFAULT_MAX_CACHE_BYTES, DEFAULT_MAX_CACHE_ENTRIES, type MemoryCacheStore, type MemoryCacheStoreOptions } from "./cache/memory-cache-store.js";
export type { CacheEntry, CacheSetResult, ResponseCacheStore } from "./cache/cache-store.js";
/** The records and diagnostics the gateway produces: usage records, attempts, routing diagnostics, health. */
export type {
  AttemptOutcome,
  AttemptRecord,
  BreakerState,
  CacheStatus,
  HealthStore,
  PluginExecution,
  ProviderHealth,
  RankedProvider,
  ResponseCacheInfo,
  RoutingDiagnostics,
  ScoreFactors,
  UsageRecord,
} from "./gateway/types.js";
/** An express app serving the gateway over HTTP (`POST /v1/responses`, `GET /v1/generations`, `GET /healthz`). */
export { createServerApp, type ServerAppOptions } from "./server/create-server-app.js";
/** Listens with an app on a loopback port (0: any free port) and returns its URL and `close()`. */
export { startServer, type RunningServer } from "./server/start-server.js";

// ── Fake providers ────────────────────────────────────────────────────────────────────────────────

/** A fleet of fake providers speaking the real OpenAI / Anthropic wire formats, with its `fetch`. */
export { createFakeFleet, type FakeFleet, type FakeFleetOptions, type FleetTimelineEvent } from "./fakes/fleet.js";
/** A fake provider's profile (price, latency, throughput, capacity, rate limits, degradations), checked by zod. */
export {
  defineFakeProvider,
  fakeProviderProfileSchema,
  type FakeOffer,
  type FakeProviderProfile,
  type FakeProviderProfileInput,
} from "./fakes/profile/schema.js";
/** One fake profile per provider of a catalog, and a catalog from fake profiles. */
export { profilesFromCatalog } from "./fakes/profile/from-catalog.js";
export { catalogFromProfiles } from "./fakes/profile/to-catalog.js";
/** A scheduled degradation of a fake provider (errors, hangs, slow or broken streams, bad JSON). */
export type { DegradationPhase, DegradationPhaseInput } from "./fakes/profile/degradation-schema.js";
/** Logged attempts a fake answers at their logged times (`attempt_trace`, one line per attempt), as incident replay writes them. */
export { attemptTraceSchema, parseTraceLine, formatTraceLine, type AttemptTrace, type TracedAttempt } from "./fakes/profile/attempt-trace-schema.js";
/** The provider ids gateway-sim knows (their base URLs and wire formats). */
export { KNOWN_PROVIDERS, type KnownProviderId } from "./fakes/profile/known-providers.js";
/** Serves a fleet through msw's interception of the process's own `fetch`. */
export { startMswInterception, type MswInterception } from "./fakes/transports/msw.js";
/** Serves a fleet over real HTTP on loopback ports, one express server per provider. */
export { startExpressFakes, type ExpressFakes } from "./fakes/transports/express.js";
/** What the fakes record of each call (the journal), for assertions on the traffic itself. */
export type { Journal, JournalSummary } from "./fakes/journal/journal.js";
export type { CallOutcome, JournalEntry } from "./fakes/journal/entry.js";

// ── Catalog and presets ───────────────────────────────────────────────────────────────────────────

/** Loads a catalog file (providers, models, prices) or the built-in `catalog/default.yaml`. */
export { DEFAULT_CATALOG_PATH, loadCatalog, loadDefaultCatalog } from "./gateway/catalog/load-catalog.js";
export type { Catalog, CatalogFile, Offer } from "./gateway/catalog/schema.js";
/** Loads a folder of presets (`<slug>.yaml`), or builds a preset store from preset objects. */
export { loadPresetDir, type LoadPresetDirResult } from "./gateway/presets/load-preset-dir.js";
export { createPresetStore, type PresetStore } from "./gateway/presets/preset-store.js";
export type { Preset } from "./gateway/presets/preset-schema.js";
/** A loader's result (`{ ok, value }` or located `issues`) and the one-line rendering of an issue. */
export { formatConfigIssue, type ConfigIssue, type ConfigResult } from "./core/load-config.js";

// ── Running scenarios ─────────────────────────────────────────────────────────────────────────────

/** Loads and validates one scenario file; every problem is located file:line:column. */
export { loadScenario, type LoadScenarioResult } from "./scenarios/load/load-scenario.js";
export type { LoadedScenario } from "./scenarios/load/loaded-scenario.js";
/** The scenario files under a list of files and folders, as `gateway-sim run` finds them. */
export { findScenarioFiles } from "./scenarios/load/find-scenario-files.js";
/** Runs one loaded scenario (every seed of a statistical one) and returns its report. */
export { runScenario, type RunScenarioOptions } from "./scenarios/run/run-scenario.js";
/** Runs scenario files one after another and returns the suite report and its wall-clock timing. */
export { runSuite, type RunSuiteOptions } from "./scenarios/run/run-suite.js";
/** The scenario file format: its zod-derived types and its JSON Schema (also `gateway-sim/schema.json`). */
export type { ScenarioFile, ScenarioFileInput, Transport } from "./scenarios/schema/scenario.js";
export { renderScenarioJsonSchema, scenarioJsonSchema } from "./scenarios/json-schema.js";

// ── Reporters ─────────────────────────────────────────────────────────────────────────────────────

/** The JSON report (byte-identical per scenario and seed), its version, zod schema and JSON Schema. */
export { JSON_REPORT_VERSION, renderJsonReport } from "./scenarios/report/json-reporter.js";
export { jsonReportSchema, reportJsonSchema, type JsonReport } from "./scenarios/report/json-report-schema.js";
/** The JUnit XML report, for CI test dashboards. */
export { renderJunitReport } from "./scenarios/report/junit-reporter.js";
/** The self-contained HTML report (`loadReportAssets()` reads its script, styles and uPlot once). */
export { loadReportAssets, type AssetsResult, type ReportAssets } from "./report-html/assets.js";
export { renderHtmlReport } from "./report-html/render-html-report.js";
export { reportDataSchema, type ReportData } from "./report-html/report-data-schema.js";
/** A suite's results, as the reporters print them. */
export type { ExpectationReport, ScenarioReport, ScenarioStats, SuiteReport, SuiteSummary, SuiteTiming } from "./scenarios/report/types.js";
export type { CheckFailure, ExpectationResult } from "./scenarios/expect/result.js";

// ── Clocks and randomness ─────────────────────────────────────────────────────────────────────────

/** The clock every wait, timeout and timestamp comes from, and the real one (optionally sped up). */
export { RealClock, type Cancel, type Clock } from "./core/clock.js";
/** A simulated clock that jumps to the next timer once everything in flight waits on it. */
export { ClockDeadlockError, VirtualClock } from "./core/virtual-clock.js";
/** Seeded random streams named by owner and purpose (`createRandom(seed, "fake", "openai", "latency")`). */
export { createRandom, createRandomFactory, type Random, type RandomFactory } from "./core/random.js";
