// Provider health: EWMAs, volume, in-flight count and the circuit breaker (§4).
export { createHealthStore } from "./health-store.js";
export { breakerAt, closedBreaker, observeBreaker, openDurationMs, type BreakerObservation, type BreakerSettings, type BreakerStatus } from "./breaker.js";
export { createAttemptTimes, type AttemptTimes } from "./attempt-times.js";
export { ewmaUpdate, ewmaWeight } from "./ewma.js";
export { trackedWindows, windowKey } from "./health-windows.js";
