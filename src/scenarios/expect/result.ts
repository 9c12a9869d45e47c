// The outcome of evaluating expectations: every failure carries expected and actual as text.

/** A request that failed a per-request check. */
export interface RequestExample {
  /** `#3 "name" at 1m2s (G-…)`. */
  request: string;
  actual: string;
}

/** One failed check of an expectation. */
export interface CheckFailure {
  /** The check's field name, e.g. `selected_provider`, `provider_share.openai`, `latency.ttft.p95`. */
  check: string;
  expected: string;
  actual: string;
  /** For per-request checks: how many selected requests failed, and the first few. */
  failing?: number;
  examples?: RequestExample[];
}

export interface ExpectationResult {
  name: string;
  passed: boolean;
  /** How many requests the expectation selected. */
  selected: number;
  failures: CheckFailure[];
}

/** How many failing requests a per-request failure lists. */
export const MAX_EXAMPLES = 3;

/** `selected_provider: expected openai, got openai-eu (in 3 of 10 requests)`. */
export function describeFailure(f: CheckFailure, selected: number): string {
  const scope = f.failing !== undefined ? ` (in ${f.failing} of ${selected} requests)` : "";
  return `${f.check}: expected ${f.expected}, got ${f.actual}${scope}`;
}
