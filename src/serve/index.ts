// Public surface of `serve`: a scenario's fakes and gateway over real HTTP on a real (sped-up) clock,
// with the live usage page at /usage.
export { DEFAULT_SERVE_PORT, SEED_API_KEY, SERVE_RETAINED_RECORDS, startServe, type ServeHandle, type ServeOptions } from "./start-serve.js";
export { announcingFleet, describePhase, formatStateChange, type StateChange } from "./announce.js";
export { breakerWatch } from "./breaker-watch.js";
export { formatCacheNotStored } from "./cache-not-stored.js";
export { liveRequestsView, type LiveRequestsPage, type LiveRequestsViewOptions } from "./live-requests-view.js";
export { LIVE_POLL_MS, liveUsageRoutes, type LiveUsageOptions } from "./live-usage-routes.js";
export { pointCatalog } from "./point-catalog.js";
export { createServeApp, type ServeAppOptions } from "./serve-app.js";
export { stoppableClock, type StoppableClock } from "./stoppable-clock.js";
export { createUsageJournal, journalingGateway, type JournalEntry, type UsageJournal } from "./usage-journal.js";
export { openUsageExport, type LiveExportState, type UsageExport, type UsageExportOutcome } from "./usage-export.js";
