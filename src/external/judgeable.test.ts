import { describe, expect, it } from "vitest";
import { splitJudgeable } from "./judgeable.js";
import { withLatencyTolerance } from "./latency-tolerance.js";

describe("splitJudgeable", () => {
  it("keeps what client answers and the journal show, and names the rest", () => {
    const split = splitJudgeable({ name: "x", breaker: { provider: "openai", as: "gateway", final: "closed" }, cache: "hit", client_error_rate: { max: 0 } });
    expect(split.notJudgeable).toEqual(["cache", "breaker"]);
    expect(split.judged).toEqual({ name: "x", client_error_rate: { max: 0 } });
  });

  it("leaves nothing to evaluate when every check needs the gateway's insides", () => {
    expect(splitJudgeable({ name: "x", ranked_order: ["openai"] }).judged).toBeUndefined();
  });
});

describe("withLatencyTolerance", () => {
  it("widens latency bounds by the tolerance and leaves other checks alone", () => {
    const e = withLatencyTolerance({ name: "x", latency: { total: { p95: { max: 2000 }, p50: { min: 100 } } }, client_error_rate: { max: 0 } }, 500);
    expect(e.latency?.total).toEqual({ p95: { max: 2500 }, p50: { min: 0 } });
    expect(e.client_error_rate).toEqual({ max: 0 });
  });
});
