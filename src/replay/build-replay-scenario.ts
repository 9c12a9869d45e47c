// A scenario that reproduces a logged incident: fake profiles from each provider's observed
// latency and errors over time, the logged requests re-sent at their logged times, and the routing
// that happened as expectations.
import { formatDuration } from "../core/duration.js";
import type { Catalog } from "../gateway/catalog/schema.js";
import { baselineLatency, derivePhases } from "./derive-phases.js";
import { loggedPriceOverrides, type PriceOverride } from "./logged-prices.js";
import { bodySources } from "./cache-replay.js";
import { pricedModels } from "./priced-models.js";
import { providerTimelines, type ProviderTimeline } from "./provider-timeline.js";
import type { ReplayRecord } from "./read-usage-log.js";
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
   * `trace` (default): each provider answers in exactly the logged times, attempt by attempt, so
   * health averages and breaker timing match the log. `distribution`: a lognormal fitted to the
   * normal buckets plus latency_multiplier phases for slow ones (smaller files, looser replay).
   */
  latency?: (typeof REPLAY_LATENCY_MODES)[number] | undefined;
}

export const REPLAY_LATENCY_MODES = ["trace", "distribution"] as const;

export interface ReplaySummary {
  requests: number;
  /** Records left out: their request never reached routing, so their model is unknown. */
  skipped: number;
  providers: { id: string; phases: number; median_ms: number | undefined }[];
  /** Logged prices that differ from the catalog, written into the providers' models. */
  prices: PriceOverride[];
}

/** Traces keep microseconds: health averages and breaker timing then match the log to about 1e-6. */
const thousandth = (ms: number): number => Math.round(ms * 1000) / 1000;

/**
 * Trace mode: one value per logged attempt, in order (the fakes draw every sampler on every call).
 * A success's total time is its `latency`; a failure is answered after its `ttft` draw, so that
 * trace holds the failures' times (successes there only matter for streams, given the median).
 */
function latencyFields(timeline: ProviderTimeline, trace: boolean, base: { median: number; p99: number } | undefined): Record<string, unknown> {
  const median = base?.median ?? 400;
  if (trace) {
    const points = timeline.points;
    const streamed = points.some((p) => p.answer?.ttftMs !== undefined);
    return {
      latency: { trace: points.map((p) => thousandth(p.ok ? p.durationMs : median)) },
      ttft: { trace: points.map((p) => thousandth(p.ok ? (p.answer?.ttftMs ?? Math.min(median, p.durationMs)) : p.durationMs)) },
      // Streams are paced by speed and length, and the gateway measures both: replay them too.
      ...(streamed ? { throughput: { trace: points.map((p) => thousandth(p.answer?.tps ?? 80)) } } : {}),
      output_tokens: { trace: points.map((p) => Math.max(1, p.answer?.outputTokens ?? 150)) },
    };
  }
  return base ? { latency: { lognormal: { median: formatDuration(base.median), p99: formatDuration(base.p99) } } } : {};
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
  const lastMs = (records.at(-1)?.time_ms ?? start) - start;
  const buckets = Math.floor(lastMs / bucketMs) + 1;
  const timelines = new Map(providerTimelines(records, bucketMs).map((t) => [t.provider, t]));
  const prices = loggedPriceOverrides(records, options.catalogOffers);
  const summary: ReplaySummary = { requests: 0, skipped: 0, providers: [], prices };
  const providers = providerIds(records).map((id) => {
    const timeline = timelines.get(id);
    const base = timeline ? baselineLatency(timeline) : undefined;
    const trace = options.latency !== "distribution";
    const phases = timeline ? derivePhases(timeline, bucketMs, buckets, trace ? undefined : base?.median) : [];
    summary.providers.push({ id, phases: phases.length, median_ms: base?.median });
    const models = options.catalogOffers ? pricedModels(options.catalogOffers, id, prices) : undefined;
    return {
      id,
      ...(models ? { models } : {}),
      ...(timeline ? latencyFields(timeline, trace, base) : {}),
      ...(phases.length > 0 ? { degradations: phases } : {}),
    };
  });
  const requests: Record<string, unknown>[] = [];
  const sources = bodySources(records);
  for (const [serial, r] of records.entries()) {
    const source = sources[serial] ?? serial;
    const body = replayBody(records[source] ?? r, source);
    if (!body) {
      summary.skipped++;
      continue;
    }
    requests.push({ name: "replayed", at: Math.round((r.time_ms - start) * 1000) / 1000, body });
  }
  summary.requests = requests.length;
  const scenario = withReplaySettings(records, {
    name: options.name,
    description: `Replay of ${records.length} logged requests over ${formatDuration(Math.round(lastMs / 1000) * 1000)}.`,
    seed: options.seed,
    start: new Date(start).toISOString(),
    duration: formatDuration((buckets + 1) * bucketMs),
    catalog: options.catalog ?? "default",
    providers,
    traffic: { requests },
    expectations: windowExpectations(records, options.windowMs ?? 60_000, options.tolerance ?? 0.1),
  });
  return { scenario, summary };
}
