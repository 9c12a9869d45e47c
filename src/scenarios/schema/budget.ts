// The budget of one scenario: how many requests it may plan and how long a simulated run may last.
// `validate` and `run` refuse a plan over budget at the field that blew it, before anything is generated.
import { z } from "zod";
import { durationSchema, formatDuration } from "../../core/duration.js";

/**
 * Defaults. 1,000,000 requests: the pipeline bench measured ~2.8 KB of heap per request kept in a
 * run's report (100,000 requests peaked at 283 MB), so a million stays within Node's default heap and
 * runs in minutes at ~4,000 simulated req/s; `rate: 1e300` or `repeat: 1e12` is refused instead of
 * growing past every limit. 7 days simulated: far beyond every health, breaker and cache window
 * (minutes to a day), and a timeline that long is a typo (`1000h`), not an incident.
 */
export const DEFAULT_SCENARIO_BUDGET = { maxRequests: 1_000_000, maxDurationMs: 7 * 24 * 3_600_000 } as const;

/** `budget:` in a scenario raises (or lowers) its own limits, on purpose and in review. */
export const budgetSchema = z.strictObject({
  /** Most requests planned over all seeds of the scenario. */
  max_requests: z.number().int().positive().optional(),
  /** Longest simulated run (the last request, timeline event or `duration`). */
  max_duration: durationSchema.optional(),
});

type Path = (string | number)[];

/** What the budget check reads of a parsed scenario (durations in ms). */
export interface BudgetedScenario {
  budget?: z.output<typeof budgetSchema> | undefined;
  duration?: number | undefined;
  runs?: { seeds: number } | undefined;
  traffic: {
    requests: { at: number; repeat: number; every: number }[];
    load: { start: number; duration: number; count?: number | undefined; rate?: number | undefined }[];
  };
  timeline: { at: number }[];
}

interface Contribution {
  /** The field behind its request count, and the one behind its end time. */
  path: Path;
  requests: number;
  timePath: Path;
  endMs: number;
}

/**
 * Adds one issue per blown limit, at the field that blew it: the largest contributor to the total, or
 * the field whose time lies furthest out.
 *
 * @example
 * scenarioSchema.superRefine((scenario, ctx) => checkScenarioBudget(scenario, ctx));
 */
export function checkScenarioBudget(scenario: BudgetedScenario, ctx: z.core.$RefinementCtx): void {
  const maxRequests = scenario.budget?.max_requests ?? DEFAULT_SCENARIO_BUDGET.maxRequests;
  const maxDurationMs = scenario.budget?.max_duration ?? DEFAULT_SCENARIO_BUDGET.maxDurationMs;
  const parts = contributions(scenario);
  const seeds = scenario.runs?.seeds ?? 1;
  const perRun = parts.reduce((sum, p) => sum + p.requests, 0);
  const total = perRun * seeds;
  if (!(total <= maxRequests)) {
    const largest = parts.reduce<Contribution | undefined>((best, p) => (best === undefined || p.requests > best.requests ? p : best), undefined);
    const seedsToBlame = largest === undefined || (perRun <= maxRequests && seeds > 1);
    const where = seedsToBlame ? ["runs", "seeds"] : largest.path;
    const detail = seedsToBlame ? `${seeds} seeds × ${count(perRun)} requests` : `this field plans ${count(largest.requests)}`;
    ctx.addIssue({
      code: "custom",
      path: where,
      message: `the scenario plans ${count(total)} requests (${detail}), more than the budget of ${count(maxRequests)}: lower it, or raise budget.max_requests`,
    });
  }
  const ends: Contribution[] = [...parts, ...scenario.timeline.map((e, i) => ({ path: [], requests: 0, timePath: ["timeline", i, "at"], endMs: e.at }))];
  if (scenario.duration !== undefined) ends.push({ path: [], requests: 0, timePath: ["duration"], endMs: scenario.duration });
  const latest = ends.reduce<Contribution | undefined>((best, p) => (best === undefined || p.endMs > best.endMs ? p : best), undefined);
  if (latest !== undefined && !(latest.endMs <= maxDurationMs)) {
    ctx.addIssue({
      code: "custom",
      path: latest.timePath,
      message: `the run would last ${span(latest.endMs)} simulated, more than the budget of ${formatDuration(maxDurationMs)}: shorten it, or raise budget.max_duration`,
    });
  }
}

/**
 * The problem with running `scenario` over `seeds` seeds (`run --runs`), or undefined when within budget.
 *
 * @example
 * overBudgetWithSeeds(spec, 100_000); // "--runs 100000 × 60 planned requests = 6,000,000, more than the budget of 1,000,000"
 */
export function overBudgetWithSeeds(scenario: BudgetedScenario, seeds: number): string | undefined {
  const maxRequests = scenario.budget?.max_requests ?? DEFAULT_SCENARIO_BUDGET.maxRequests;
  const perRun = contributions(scenario).reduce((sum, p) => sum + p.requests, 0);
  if (perRun * seeds <= maxRequests) return undefined;
  return `--runs ${seeds} × ${count(perRun)} planned requests = ${count(perRun * seeds)}, more than the budget of ${count(maxRequests)}: lower --runs, or raise budget.max_requests`;
}

function contributions(scenario: BudgetedScenario): Contribution[] {
  const out: Contribution[] = [];
  scenario.traffic.requests.forEach((r, i) => {
    const at = (field: string): Path => ["traffic", "requests", i, field];
    const timeField = r.repeat > 1 && (r.repeat - 1) * r.every > r.at ? "every" : "at";
    out.push({ path: at(r.repeat > 1 ? "repeat" : "at"), requests: r.repeat, timePath: at(timeField), endMs: r.at + (r.repeat - 1) * r.every });
  });
  scenario.traffic.load.forEach((l, i) => {
    const requests = l.count ?? (l.rate ?? 0) * (l.duration / 1000);
    const field = l.count !== undefined ? "count" : "rate";
    const timeField = l.start > l.duration ? "start" : "duration";
    out.push({ path: ["traffic", "load", i, field], requests, timePath: ["traffic", "load", i, timeField], endMs: l.start + l.duration });
  });
  return out;
}

function count(n: number): string {
  return Number.isFinite(n) && n < 1e15 ? Math.ceil(n).toLocaleString("en-US") : n.toExponential(2);
}

function span(ms: number): string {
  return Number.isFinite(ms) && ms < 1e15 ? formatDuration(ms) : `${(ms / 3_600_000).toExponential(2)}h`;
}
