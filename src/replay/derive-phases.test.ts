import { describe, expect, it } from "vitest";
import { baselineLatency, derivePhases } from "./derive-phases.js";
import type { ProviderBucket, ProviderTimeline } from "./provider-timeline.js";

function bucket(index: number, ok: number[], errors: [number | null, number][] = []): ProviderBucket {
  const failed = errors.reduce((n, [, c]) => n + c, 0);
  return { fromMs: index * 10_000, attempts: ok.length + failed, successes: ok.length, latencies: ok, errorsByStatus: new Map(errors) };
}

/** Attempt points spread over each bucket: successes first, then failures. */
function timeline(buckets: ProviderBucket[]): ProviderTimeline {
  const points = buckets.flatMap((b) => {
    const ok = b.latencies.map((durationMs, i) => ({ at: b.fromMs + 1000 * i, ok: true, durationMs, status: 200 }));
    const failed = Array.from({ length: b.attempts - b.successes }, (_, i) => ({ at: b.fromMs + 1000 * (b.successes + i), ok: false, durationMs: 100, status: 503 }));
    return [...ok, ...failed];
  });
  return { provider: "openai", points, buckets, latencies: buckets.flatMap((b) => b.latencies) };
}

describe("derivePhases", () => {
  it("keeps a failing state through buckets without attempts, until the first success after it", () => {
    const t = timeline([bucket(0, [100, 110]), bucket(1, [], [[503, 4]]), bucket(4, [], [[503, 1]]), bucket(6, [105])]);
    expect(derivePhases(t, 10_000, 8, 100)).toEqual([{ at: "10s", duration: "50s", http_error: { status: 503, probability: 1 } }]);
  });

  it("writes partial failure probabilities, connection errors and slow buckets as latency multipliers", () => {
    const t = timeline([bucket(0, [100, 100]), bucket(1, [400, 420, 380, 410, 390], [[429, 1]]), bucket(2, [], [[null, 2]]), bucket(3, [100])]);
    expect(derivePhases(t, 10_000, 4, 100)).toEqual([
      // Bucket 3's single success is too few to tell: the slow state carries on.
      { at: "10s", duration: "30s", latency_multiplier: 4 },
      // A partial run starts at its first failure and ends with its buckets.
      { at: "15s", duration: "5s", http_error: { status: 429, probability: 0.17 } },
      { at: "20s", duration: "10s", connection_error: { probability: 1 } },
    ]);
  });

  it("takes the baseline latency from normal buckets only", () => {
    const t = timeline([bucket(0, [100, 100, 120]), bucket(1, [900, 1000]), bucket(2, [110])]);
    expect(baselineLatency(t)).toEqual({ median: 100, p99: 120 });
  });

  it("ignores slow buckets with too few successes to tell", () => {
    const t = timeline([bucket(0, [100, 100, 100]), bucket(1, [900, 950])]);
    expect(derivePhases(t, 10_000, 2, 100)).toEqual([]);
  });
});
