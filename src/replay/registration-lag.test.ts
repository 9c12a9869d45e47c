import { describe, expect, it } from "vitest";
import { registrationDelays } from "./registration-lag.js";
import { replayRecord } from "./replay-record-fixture.js";
import type { ReplayRecord } from "./read-usage-log.js";

/** A request at `timeMs` answered by openai after `durationMs`, whose routing saw openai's health as `observations`. */
function request(timeMs: number, durationMs: number, latencyMs: number, observations: number): ReplayRecord {
  const record = replayRecord({
    model: "openai/gpt-5.4-nano",
    ranked: { openai: 1 },
    tokens: [10, 10],
    costUsd: 0,
    overrides: { time_ms: timeMs, latency_ms: latencyMs, attempts: [{ attempt: 1, provider: "openai", outcome: "success", status: 200, duration_ms: durationMs }] },
  });
  const ranked = record.routing_diagnostics?.rankedProviders[0]?.scoreFactors;
  if (ranked) ranked.reliabilityObservations = observations;
  return record;
}

describe("registrationDelays", () => {
  it("replays an answer the busy gateway took in late just after the last request that routed without it", () => {
    // The first answer arrived at 59.4 s, but the request at 60.6 s still saw no sample; the one at 62 s saw it.
    const records = [request(0, 59_400, 66_780, 0), request(60_600, 400, 400, 0), request(62_000, 400, 400, 1)];
    const delays = registrationDelays(records);
    expect(delays[0]?.[0]).toBeCloseTo(1200.01, 6);
    expect(delays.slice(1)).toEqual([[0], [0]]);
  });

  it("adds no lag the record cannot account for (its latency is its attempts), nor where the next request saw the answer", () => {
    expect(registrationDelays([request(0, 59_400, 59_400, 0), request(60_600, 400, 400, 0), request(62_000, 400, 400, 1)])[0]).toEqual([0]);
    expect(registrationDelays([request(0, 59_400, 66_780, 0), request(60_600, 400, 400, 1), request(62_000, 400, 400, 2)])[0]).toEqual([0]);
  });

  it("caps the lag at the record's unexplained time", () => {
    const records = [request(0, 59_400, 60_000, 0), request(60_600, 400, 400, 0), request(62_000, 400, 400, 1)];
    expect(registrationDelays(records)[0]?.[0]).toBeCloseTo(600, 6);
  });
});
