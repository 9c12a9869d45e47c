// Test vectors of the reference's health tests at the pin (01ac8ac), as data. Facts from
// apps/api/src/pipeline/execute/health.test.ts; run by health.test.ts.
export const HEALTH_TEST = "apps/api/src/pipeline/execute/health.test.ts";

/** classifyProviderHealthImpact: outcome → impact. */
export const IMPACT_VECTORS = [
  { test: "treats upstream rate limits as availability failures (status 429)", line: 83, input: { status: 429 }, impact: "failure" },
  { test: "treats upstream rate limits as availability failures (errorCode rate_limit_exceeded, no status)", line: 83, input: { status: null }, impact: "failure" },
  { test: "treats aborted streams as health-neutral", line: 121, input: { status: 200, aborted: true }, impact: "neutral" },
] as const;

/** onCallEnd then readHealth: the fields the test checks. */
export const UPDATE_VECTORS = [
  {
    test: "initializes health EWMAs from the first failure",
    line: 99,
    call: { ok: false, impact: "failure", latencyMs: 250 },
    expected: { err_ewma_10s: 1, err_ewma_60s: 1, err_ewma_300s: 1 },
    rate60Positive: true,
  },
  {
    test: "does not degrade provider health metrics for neutral outcomes",
    line: 132,
    call: { ok: false, impact: "neutral", latencyMs: 250 },
    expected: { inflight: 0, err_ewma_10s: 0, err_ewma_60s: 0, err_ewma_300s: 0, rec_tot_ew_60s: 0, breaker: "closed" },
    rate60Positive: false,
  },
] as const;

/** Not ported: a property of the key-value store, not of health. */
export const HEALTH_NOT_PORTED = [
  {
    test: "serializes concurrent onCallStart updates for the same provider key",
    line: 63,
    why: "gateway-sim's store is in-process and single-threaded: no lost updates to serialise (its begin/end counts are tested in health-store.test.ts)",
  },
] as const;
