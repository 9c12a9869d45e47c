// Provider health: the reference's EWMAs and counters, and the circuit breaker (§3–§4).
export { createHealthStore } from "./health-store.js";
export { applyObservation, healthImpact, newHealthRecord, TAU_MS, writeObservation, type HealthRecord } from "./health-record.js";
export {
  admission,
  afterProbe,
  closedBreaker,
  documentedWouldOpen,
  openBreaker,
  openDurationMs,
  probeSample,
  referenceWouldOpen,
  type BreakerSettings,
  type BreakerStatus,
  type HalfOpenCounters,
} from "./breaker.js";
export { createAttemptTimes, type AttemptTimes } from "./attempt-times.js";
