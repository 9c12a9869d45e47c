// A scenario that reproduces a logged incident: fake profiles from each provider's observed
// latency and errors over time, the logged requests re-sent at their logged times, and the routing
// that happened as expectations.
import { formatDuration } from "../core/duration.js";
import type { Catalog } from "../gateway/catalog/schema.js";
import { percentile } from "../scenarios/expect/percentile.js";
import { attemptTraceLines, traceSummary } from "./attempt-trace.js";
import { baselineLatency, derivePhases } from "./derive-phases.js";
import { loggedPriceOverrides, type PriceOverride } from "./logged-prices.js";
import { bodySources } from "./cache-replay.js";
import { pricedModels } from "./priced-models.js";
import { providerTimelines, type ProviderTimeline } from "./provider-timeline.js";
import type { ReplayRecord } from "./read-usage-log.js";
import { registrationDelays } from "./registration-lag.js";
import { replayBody } from "./replay-request.js";
import { windowExpectations } from "./window-expectations.js";
import { withReplaySettings } from "./replay-settings.js";

export interface ReplayOptions {
  name: string;
  /** The replay's seed. The original run's seed reproduces its request ids and random routing draws. */
  seed: string;
  /** Time bucket for the provider timelines (default 10 s). */
  bucketMs?: number | undefined;
  /** Window of the routing expectations (default 1 min). */
  windowMs?: number | undefined;
  /** Allowed difference of each provider's share per window (default 0.1). */
  tolerance?: number | undefined;
  /** `default` or a catalog file relative to the written scenario. */
  catalog?: string | undefined;
  /**
   * That catalog, loaded: a provider whose logged prices differ from it gets its models written
   * with the logged prices (routing ranks on price). Without it prices are not checked.
   */
  catalogOffers?: Catalog | undefined;
  /**
   * `trace` (default): each provider answers every call at a logged attempt's time as it was logged
   * (status, latency, first token, length), so health averages and breaker timing match the log;
   * other calls get a fitted lognormal and the phases. `distribution`: the fitted lognormal plus
   * the phases only (smaller files, looser replay).
   */
  latency?: (typeof REPLAY_LATENCY_MODES)[number] | undefined;
}

export const REPLAY_LATENCY_MODES = ["trace", "distribution"] as const;

export interface ReplaySummary {
  requests: number;
  /** Records left out: their request never reached routing, so their model is unknown. */
  skipped: number;
  providers: { id: string; phases: number; median_ms: number | undefined; attempts: number; note: string }[];
  /** Logged prices that differ from the catalog, written into the providers' models. */
  prices: PriceOverride[];
}

/** The median of the defined values, rounded to 1/1000; undefined when there are none. */
function medianOf(values: readonly (number | undefined)[]): number | undefined {
  const defined = values.filter((v): v is number => v !== undefined);
  const m = percentile(defined, 50);
  return m === undefined ? undefined : Math.round(m * 1000) / 1000;
}

/**
 * What a call gets when no logged attempt answers it: the fitted latency and the logged medians of
 * first-token time, speed and length (trace mode answers the logged calls from `attempt_trace`).
 */
function fallbackFields(timeline: ProviderTimeline, base: { median: number; p99: number } | undefined): Record<string, unknown> {
  const answers = timeline.points.flatMap((p) => (p.ok && p.answer ? [p.answer] : []));
  const streamed = answers.filter((a) => a.stream);
  const ttft = medianOf(streamed.map((a) => a.ttftMs));
  const tps = medianOf(streamed.map((a) => a.tps));
  const tokens = medianOf(answers.map((a) => a.outputTokens));
  return {
    ...(base ? { latency: { lognormal: { median: formatDuration(base.median), p99: formatDuration(base.p99) } } } : {}),
    ...(ttft !== undefined ? { ttft: formatDuration(ttft) } : {}),
    ...(tps !== undefined ? { throughput: tps } : {}),
    ...(tokens !== undefined ? { output_tokens: Math.max(1, Math.round(tokens)) } : {}),
  };
}

/** The simulation's bound on one attempt (gateway settings `execution.hangBoundMs`, default 10 min). */
const DEFAULT_HANG_BOUND_MS = 600_000;

/**
 * A log whose gateway let an attempt run past the simulation's bound (a starved machine's log can
 * hold a 12-minute answer) raises the bound above it, else the replay would cut that answer short.
 */
function hangBound(timelines: Iterable<ProviderTimeline>): { settings?: { execution: { hangBoundMs: number } } } {
  // The replayed durations (late take-ins included); a logged timeout ends at the bound anyway.
  const longest = Math.max(0, ...[...timelines].flatMap((t) => t.points.filter((p) => p.errorCode !== "upstream_timeout").map((p) => p.durationMs)));
  return longest < DEFAULT_HANG_BOUND_MS ? {} : { settings: { execution: { hangBoundMs: Math.ceil(longest / 60_000 + 1) * 60_000 } } };
}

/**
 * Every provider the gateway saw: considered, ranked, attempted or filtered out. Catalog order
 * matters (the balanced shuffle walks offers in order), and `consideredProviders` lists it.
 */
function providerIds(records: readonly ReplayRecord[]): string[] {
  const ids = new Set<string>();
  for (const r of records) for (const p of r.routing_diagnostics?.consideredProviders ?? []) ids.add(p);
  for (const r of records) {
    for (const p of r.routing_diagnostics?.rankedProviders ?? []) ids.add(p.provider);
    for (const a of r.attempts) ids.add(a.provider);
    // Filtered-out providers stay in the pool, so `only` and `ignore` filter them as they did.
    for (const stage of r.routing_diagnostics?.filterStages ?? []) for (const d of stage.dropped) ids.add(d.provider);
  }
  return [...ids];
}

/**
 * @example
 * const { scenario, summary } = buildReplayScenario(read.records, { name: "incident-replay", seed: "503" });
 * writeFileSync("replay.yaml", renderReplayYaml(scenario, "usage.jsonl"));
 */
export function buildReplayScenario(records: readonly ReplayRecord[], options: ReplayOptions): { scenario: Record<string, unknown>; summary: ReplaySummary } {
  const bucketMs = options.bucketMs ?? 10_000;
  const start = records[0]?.time_ms ?? 0;
  const timelines = new Map(providerTimelines(records, bucketMs, registrationDelays(records)).map((t) => [t.provider, t]));
  // The phases cover every attempt: a failover can start minutes after the last request arrived.
  const arrivalsMs = (records.at(-1)?.time_ms ?? start) - start;
  const lastMs = Math.max(arrivalsMs, ...[...timelines.values()].map((t) => t.points.at(-1)?.at ?? 0));
  const buckets = Math.floor(lastMs / bucketMs) + 1;
  const prices = loggedPriceOverrides(records, options.catalogOffers);
  const summary: ReplaySummary = { requests: 0, skipped: 0, providers: [], prices };
  const providers = providerIds(records).map((id) => {
    const timeline = timelines.get(id);
    const base = timeline ? baselineLatency(timeline) : undefined;
    const trace = options.latency !== "distribution";
    const phases = timeline ? derivePhases(timeline, bucketMs, buckets, base?.median) : [];
    const note = !timeline
      ? "never attempted in the log: catalog defaults"
      : trace
        ? traceSummary(timeline, phases.length, bucketMs)
        : `${timeline.points.length} logged attempts fitted: lognormal latency and ${phases.length} fault phases from ${bucketMs / 1000} s buckets`;
    summary.providers.push({ id, phases: phases.length, median_ms: base?.median, attempts: timeline?.points.length ?? 0, note });
    const models = options.catalogOffers ? pricedModels(options.catalogOffers, id, prices) : undefined;
    return {
      id,
      ...(models ? { models } : {}),
      ...(timeline ? fallbackFields(timeline, base) : {}),
      ...(phases.length > 0 ? { degradations: phases } : {}),
      // Last: one line per logged attempt, the longest part of the file.
      ...(trace && timeline && timeline.points.length > 0 ? { attempt_trace: { attempts: attemptTraceLines(timeline) } } : {}),
    };
  });
  const requests: Record<string, unknown>[] = [];
  const sources = bodySources(records);
  // Each request keeps its logged id (a half-open breaker picks its probes by a hash of it); an id the
  // log repeats (logs joined together) is given once, the later requests draw their own.
  const ids = new Set<string>();
  for (const [serial, r] of records.entries()) {
    const source = sources[serial] ?? serial;
    const body = replayBody(records[source] ?? r, source);
    if (!body) {
      summary.skipped++;
      continue;
    }
    const id = ids.has(r.id) ? undefined : r.id;
    if (id !== undefined) ids.add(id);
    requests.push({ name: "replayed", at: Math.round((r.time_ms - start) * 1000) / 1000, ...(id === undefined ? {} : { id }), body });
  }
  summary.requests = requests.length;
  const scenario = withReplaySettings(records, {
    name: options.name,
    description: `Replay of ${records.length} logged requests over ${formatDuration(Math.round(arrivalsMs / 1000) * 1000)}.`,
    seed: options.seed,
    start: new Date(start).toISOString(),
    duration: formatDuration((buckets + 1) * bucketMs),
    catalog: options.catalog ?? "default",
    ...hangBound(timelines.values()),
    providers,
    traffic: { requests },
    expectations: windowExpectations(records, options.windowMs ?? 60_000, options.tolerance ?? 0.1),
  });
  return { scenario, summary };
}
