import { describe, expect, it } from "vitest";
import { plannedRequests, seedJobs } from "./seed-order.js";

type Traffic = Parameters<typeof plannedRequests>[0]["traffic"];
const traffic = (t: { requests?: { repeat: number }[]; load?: { duration: number; count?: number; rate?: number }[] }): { traffic: Traffic } => ({
  traffic: { requests: t.requests ?? [], load: t.load ?? [] } as unknown as Traffic,
});

describe("plannedRequests", () => {
  it("counts explicit requests with their repeats, counted load, and rate × duration", () => {
    expect(
      plannedRequests(
        traffic({
          requests: [{ repeat: 1 }, { repeat: 4 }],
          load: [
            { duration: 60_000, count: 100 },
            { duration: 10_000, rate: 2.5 },
          ],
        }),
      ),
    ).toBe(130);
    expect(plannedRequests(traffic({}))).toBe(0);
  });
});

describe("seedJobs", () => {
  it("lists every seed of every scenario once, dearest first, seed 0 before the scenario's other seeds", () => {
    const jobs = seedJobs([
      { requests: 10, seeds: 1 },
      { requests: 600, seeds: 3 },
      { requests: 0, seeds: 0 },
      { requests: 100, seeds: 1 },
    ]);
    expect(jobs.map((j) => [j.slot, j.index])).toEqual([
      [1, 0],
      [1, 1],
      [1, 2],
      [3, 0],
      [0, 0],
    ]);
  });

  it("keeps suite order between equal costs, so every run hands seeds out alike", () => {
    const jobs = seedJobs([
      { requests: 50, seeds: 2 },
      { requests: 50, seeds: 2 },
    ]);
    expect(jobs.map((j) => [j.slot, j.index])).toEqual([
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
  });
});
