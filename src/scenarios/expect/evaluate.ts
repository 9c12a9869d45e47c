// Turns an expectation into a streaming evaluator: outcomes go in one by one as requests finish,
// and only counts, first examples and the values aggregate checks need are kept.
import { type Expectation, PER_REQUEST_CHECKS, type PerRequestCheck } from "../schema/expectations.js";
import { createAggregator } from "./aggregates.js";
import { createBreakerCheck } from "./breaker.js";
import { compareText } from "./format.js";
import { createFailoverCheck } from "./failover.js";
import type { RequestOutcome, RunFacts } from "./outcome.js";
import { checkRequest } from "./request-checks.js";
import { type CheckFailure, type ExpectationResult, MAX_EXAMPLES, type RequestExample } from "./result.js";
import { describeRequest, describeSelection, selector } from "./select.js";

/** Evaluates one expectation over a stream of outcomes. */
export interface ExpectationEvaluator {
  readonly name: string;
  observe(o: RequestOutcome): void;
  finish(): ExpectationResult;
}

interface PerRequestTally {
  check: PerRequestCheck;
  expected: string | undefined;
  failing: number;
  /** Distinct actual values and how often each was seen. */
  actuals: Map<string, number>;
  examples: RequestExample[];
}

/**
 * @example
 * const ev = createEvaluator({ name: "cheapest", request: "extract", selected_provider: "openai" }, { incidents: {} });
 * for (const o of outcomes) ev.observe(o);
 * ev.finish().passed;
 */
export function createEvaluator(e: Expectation, facts: RunFacts): ExpectationEvaluator {
  const pick = selector(e);
  const checks = PER_REQUEST_CHECKS.filter((k) => e[k] !== undefined);
  const tallies: PerRequestTally[] = checks.map((check) => ({ check, expected: undefined, failing: 0, actuals: new Map(), examples: [] }));
  const aggregate = createAggregator(e);
  const failover = e.failover ? createFailoverCheck(e.failover, facts) : undefined;
  const breaker = e.breaker ? createBreakerCheck(e.breaker) : undefined;
  let selected = 0;

  return {
    name: e.name,
    observe(o) {
      if (!pick(o)) return;
      selected++;
      aggregate.observe(o);
      failover?.observe(o);
      breaker?.observe(o);
      for (const tally of tallies) {
        const mismatch = runCheck(e, tally.check, o);
        if (!mismatch) continue;
        tally.expected = mismatch.expected;
        tally.failing++;
        tally.actuals.set(mismatch.actual, (tally.actuals.get(mismatch.actual) ?? 0) + 1);
        if (tally.examples.length < MAX_EXAMPLES) tally.examples.push({ request: describeRequest(o), actual: mismatch.actual });
      }
    },
    finish() {
      const failures: CheckFailure[] = [];
      if (selected === 0) {
        failures.push({ check: "selection", expected: `at least one of the ${describeSelection(e)}`, actual: "no request selected" });
      } else {
        for (const t of tallies) {
          if (t.failing === 0) continue;
          failures.push({ check: t.check, expected: t.expected ?? "", actual: summariseActuals(t.actuals), failing: t.failing, examples: t.examples });
        }
        failures.push(...aggregate.finish());
        if (breaker) failures.push(...breaker.finish());
      }
      if (failover) failures.push(...failover.finish());
      return { name: e.name, passed: failures.length === 0, selected, failures };
    },
  };
}

function runCheck(e: Expectation, check: PerRequestCheck, o: RequestOutcome): ReturnType<typeof checkRequest> {
  // Each key's expected value is narrowed by the registry's own typing.
  switch (check) {
    case "selected_provider":
      return e.selected_provider === undefined ? undefined : checkRequest(check, e.selected_provider, o.record);
    case "ranked_order":
      return e.ranked_order && checkRequest(check, e.ranked_order, o.record);
    case "considered":
      return e.considered && checkRequest(check, e.considered, o.record);
    case "excluded":
      return e.excluded && checkRequest(check, e.excluded, o.record);
    case "attempts":
      return e.attempts && checkRequest(check, e.attempts, o.record);
    case "failover_path":
      return e.failover_path && checkRequest(check, e.failover_path, o.record);
    case "healing":
      return e.healing && checkRequest(check, e.healing, o.record);
    case "cache":
      return e.cache && checkRequest(check, e.cache, o.record);
    case "status":
      return e.status && checkRequest(check, e.status, o.record);
    case "http_status":
      return e.http_status === undefined ? undefined : checkRequest(check, e.http_status, o.record);
    case "error_code":
      return e.error_code === undefined ? undefined : checkRequest(check, e.error_code, o.record);
  }
}

/** One value when all failing requests agree, else the most frequent few with counts. */
function summariseActuals(actuals: Map<string, number>): string {
  const entries = [...actuals.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  if (entries.length === 1) return entries[0]?.[0] ?? "";
  const shown = entries.slice(0, 3).map(([v, n]) => `${v} (×${n})`);
  return entries.length > 3 ? `${shown.join("; ")}; …` : shown.join("; ");
}
