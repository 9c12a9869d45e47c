// A fake at lognormal median 800 ms / p99 3 s shows those percentiles over 10,000 simulated
// requests through fleet.fetch on the virtual clock.
import { describe, expect, it } from "vitest";
import { OPENAI_URL, chatInit, openAiProfile, quantile, virtualFleet } from "./fakes-helpers.js";

const REQUESTS = 10_000;
const CLIENTS = 100;

describe("lognormal latency over 10,000 simulated requests", () => {
  it("measures p50 ≈ 800 ms and p99 ≈ 3 s within sampling error", async () => {
    const { clock, fleet } = virtualFleet([openAiProfile({ latency: { lognormal: { median: "800ms", p99: "3s" } }, output_tokens: 20 })]);
    const latencies: number[] = [];
    const statuses = new Set<number>();
    await clock.run(async () => {
      // 100 clients in parallel, each sending its share back to back.
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          for (let i = 0; i < REQUESTS / CLIENTS; i++) {
            const start = clock.now();
            const response = await fleet.fetch(OPENAI_URL, chatInit());
            await response.text();
            statuses.add(response.status);
            latencies.push(clock.now() - start);
          }
        }),
      );
    });
    expect(latencies).toHaveLength(REQUESTS);
    expect([...statuses]).toEqual([200]);
    // Standard error of a quantile estimate: √(q(1−q)/n) / φ(z_q), times σ = ln(3000/800)/2.326 ≈ 0.568
    // in log space: ≈ 0.7 % at p50 and ≈ 2.1 % at p99. Tolerances are about four standard errors.
    expect(Math.abs(quantile(latencies, 0.5) / 800 - 1)).toBeLessThan(0.03);
    expect(Math.abs(quantile(latencies, 0.99) / 3000 - 1)).toBeLessThan(0.09);
    expect(fleet.journal.total).toBe(REQUESTS);
  });
});
