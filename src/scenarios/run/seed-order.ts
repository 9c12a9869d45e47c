// The order `run --workers N` hands seeds out in: longest first, from a cheap estimate of each
// seed's cost, so no long seed starts last while the other threads idle. The report never depends
// on it: seeds are assembled by file and seed index, whatever order they finish in.
import type { ScenarioFile } from "../schema/scenario.js";

/** Seed 0 also collects the report's requests section and the snapshot's decisions: a little dearer. */
const FIRST_SEED_WEIGHT = 1.2;

/**
 * The requests one run of the scenario plans (explicit requests and generated load), the figure
 * the budget check counts: planning them would cost as much as rendering every body.
 *
 * @example
 * plannedRequests(loaded.spec); // 600
 */
export function plannedRequests(spec: Pick<ScenarioFile, "traffic">): number {
  let requests = 0;
  for (const r of spec.traffic.requests) requests += r.repeat;
  for (const l of spec.traffic.load) requests += l.count ?? (l.rate ?? 0) * (l.duration / 1000);
  return Number.isFinite(requests) ? requests : 0;
}

export interface SeedJob {
  /** Position of the scenario in the suite (file order). */
  slot: number;
  index: number;
  cost: number;
}

/**
 * Every seed of every scenario, dearest first; equal costs keep suite order (slot, then seed), so the
 * order is the same on every run.
 *
 * @example
 * seedJobs([{ requests: 10, seeds: 1 }, { requests: 600, seeds: 2 }]); // slot 1 seed 0, slot 1 seed 1, slot 0 seed 0
 */
export function seedJobs(scenarios: readonly { requests: number; seeds: number }[]): SeedJob[] {
  const jobs: SeedJob[] = [];
  scenarios.forEach(({ requests, seeds }, slot) => {
    // Every run has fixed costs (a fleet, a gateway): an empty one is not free.
    for (let index = 0; index < seeds; index++) jobs.push({ slot, index, cost: (requests + 1) * (index === 0 ? FIRST_SEED_WEIGHT : 1) });
  });
  return jobs.sort((a, b) => b.cost - a.cost || a.slot - b.slot || a.index - b.index);
}
