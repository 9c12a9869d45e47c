import { describe, expect, it } from "vitest";
import { boundary, cutAtAttempts } from "./cut-at-attempts.js";
import { derivePhases } from "./derive-phases.js";
import { phaseContradictions } from "./phase-contradictions.js";
import { providerTimelines } from "./provider-timeline.js";
import { replayRecord } from "./replay-record-fixture.js";
import type { AttemptPoint } from "./provider-timeline.js";

const ok = (at: number): AttemptPoint => ({ at, ok: true, durationMs: 400, status: 200 });
const failed = (at: number, status: number | null = 503): AttemptPoint => ({ at, ok: false, durationMs: 8, status });

describe("cutAtAttempts", () => {
  it("cuts a certain error span at a logged success inside it: the probe that succeeded still succeeds", () => {
    const points = [failed(120_000.4), failed(200_000), ok(300_500.25), failed(300_900), failed(419_000)];
    expect(cutAtAttempts([{ from: 120_000, to: 420_000, status: 503, probability: 1 }], points, 1_200_000)).toEqual([
      { from: 120_000, to: 300_500, status: 503, probability: 1 },
      { from: 300_900, to: 420_000, status: 503, probability: 1 },
    ]);
  });

  it("keeps microseconds when a success and a failure share a millisecond", () => {
    const points = [failed(1000), ok(1000.5), failed(1000.75)];
    const spans = cutAtAttempts([{ from: 1000, to: 2000, status: 503, probability: 1 }], points, 10_000);
    expect(spans).toEqual([
      { from: 1000, to: 1000.5, status: 503, probability: 1 },
      { from: 1000.75, to: 2000, status: 503, probability: 1 },
    ]);
    expect(boundary(1000.5, 1000.75)).toBe(1000.75);
  });

  it("leaves partial spans alone and gives an uncovered failure a span up to the next success, or to the end", () => {
    const points = [ok(0), failed(5000, 429), ok(5100), failed(9000, null), ok(9500), failed(12_000.5)];
    expect(cutAtAttempts([{ from: 4000, to: 6000, status: 429, probability: 0.5 }], points, 20_000)).toEqual([
      { from: 4000, to: 6000, status: 429, probability: 0.5 },
      { from: 9000, to: 9500, status: null, probability: 1 },
      { from: 12_000, to: 20_000, status: 503, probability: 1 },
    ]);
  });
});

describe("phase boundaries never contradict a logged attempt", () => {
  it("derives phases from a noisy outage (a success among failures, a failure after the recovery) that agree with every attempt", () => {
    // openai fails from 120 s, answers one request at 125.0005 s, fails again, recovers at 420 s and fails once more at 600 s.
    const at = [0, 60_000, 120_000, 125_000.5, 125_001, 130_000, 300_000, 420_000, 500_000, 600_000, 700_000];
    const outcome = [200, 200, 503, 200, 503, 503, 503, 200, 200, 500, 200];
    const records = at.map((t, i) => {
      const status = outcome[i] ?? 200;
      return replayRecord({
        model: "openai/gpt-5.4-nano",
        ranked: { openai: 1 },
        tokens: [10, 10],
        costUsd: 0,
        overrides: {
          time_ms: 1_000_000 + t,
          attempts: [{ attempt: 1, provider: "openai", outcome: status === 200 ? "success" : "upstream_non_2xx", status, duration_ms: 8 }],
        },
      });
    });
    const [timeline] = providerTimelines(records, 10_000);
    if (!timeline) throw new Error("no timeline");
    const phases = derivePhases(timeline, 10_000, 71, 8);
    expect(phases.length).toBeGreaterThan(1);
    expect(phaseContradictions(phases, timeline.points)).toEqual([]);
    // Without the cut, the bucket phase over 120–130 s would fail the 125.0005 s success.
    const uncut = [{ at: "2m", duration: "5m", http_error: { status: 503, probability: 1 } }];
    expect(phaseContradictions(uncut, timeline.points)).toContain("success at 125.0005s inside phase 0 (http_error, probability 1)");
  });
});
