// The gateway's own record of how each provider × model has been doing (§4): EWMAs of latency,
// error rate and throughput per window, a decayed volume, in-flight count, recent outcomes and the
// circuit breaker. Time only enters through observation timestamps and `get(now)`.
import type { GatewaySettings } from "../settings.js";
import type { HealthObservation, HealthStore, ProviderHealth } from "../types.js";
import { breakerAt, closedBreaker, observeBreaker, type BreakerStatus } from "./breaker.js";
import { createAttemptTimes, type AttemptTimes } from "./attempt-times.js";
import { ewmaUpdate } from "./ewma.js";
import { trackedWindows, windowKey } from "./health-windows.js";

/** One EWMA and the time of the sample that last moved it. */
interface Series {
  value: number | undefined;
  lastAt: number | undefined;
}

interface WindowState {
  latency: Series;
  errorRate: Series;
  throughput: Series;
}

interface Entry {
  provider: string;
  model: string;
  windows: Map<number, WindowState>;
  attempts: AttemptTimes;
  inFlight: number;
  /** Replaced, never modified, so every view can share it without a copy. */
  recentOutcomes: readonly boolean[];
  breaker: BreakerStatus;
  /** The EWMA records every view shares until the next observation (views are read-only). */
  figures: Figures | undefined;
  /** The volume record of the last instant a view was made for, until the next observation. */
  volume: { at: number; record: WindowRecord } | undefined;
}

type WindowRecord = Readonly<Record<string, number>>;

interface Figures {
  latencyMs: WindowRecord;
  errorRate: WindowRecord;
  throughputTps: WindowRecord;
}

/**
 * Creates an empty health store.
 *
 * What feeds what: every attempt moves the error rate (0 = ok, 1 = failed) and the volume; only
 * successful attempts move latency, and only those reporting `throughputTps` move throughput (a
 * failed attempt's duration says nothing about the provider's speed). Each series measures its Δt
 * from its own previous sample. Volume is the exact number of attempts that ended inside the window
 * (not an EWMA: a decayed count would read 8 failures in 7 s as 7.55 and miss "volume ≥ 8"); it
 * restarts from zero when the breaker closes, so a freshly closed breaker needs `minVolume` new
 * attempts before stale history can trip it again.
 *
 * @example
 * const health = createHealthStore(settings);
 * const end = health.begin("openai", "openai/gpt-5.4-nano");
 * health.record({ provider: "openai", model: "openai/gpt-5.4-nano", at: 1200, ok: true, latencyMs: 1200 });
 * end();
 * health.get("openai", "openai/gpt-5.4-nano", 1200).latencyMs["60"]; // 1200
 */
export function createHealthStore(settings: GatewaySettings): HealthStore {
  const windows = trackedWindows(settings);
  const errorWindow = settings.routing.errorRateWindowSeconds;
  const entries = new Map<string, Entry>();

  const entryFor = (provider: string, model: string): Entry => {
    const key = `${provider}\u0000${model}`;
    let entry = entries.get(key);
    if (!entry) {
      entry = newEntry(provider, model, windows);
      entries.set(key, entry);
    }
    return entry;
  };

  const layout = windowLayout(windows);
  const view = (entry: Entry, now: number): ProviderHealth => toProviderHealth(entry, now, settings, layout);

  return {
    get(provider, model, now) {
      // Reading an unseen provider gives the defaults without registering it in `snapshot`.
      return view(entries.get(`${provider}\u0000${model}`) ?? newEntry(provider, model, windows), now);
    },
    record(observation) {
      const entry = entryFor(observation.provider, observation.model);
      entry.figures = undefined;
      entry.volume = undefined;
      for (const [tau, state] of entry.windows) recordInWindow(state, tau, observation);
      entry.attempts.add(observation.at);
      const keep = settings.routing.thompson.maxObservations;
      const kept = entry.recentOutcomes.length >= keep ? entry.recentOutcomes.slice(entry.recentOutcomes.length - keep + 1) : entry.recentOutcomes.slice();
      kept.push(observation.ok);
      entry.recentOutcomes = kept;
      const errorState = entry.windows.get(errorWindow);
      const before = breakerAt(entry.breaker, observation.at).state;
      entry.breaker = observeBreaker(
        entry.breaker,
        {
          at: observation.at,
          ok: observation.ok,
          errorRate: errorState?.errorRate.value ?? 0,
          volume: entry.attempts.countWithin(observation.at, errorWindow * 1000),
        },
        settings.breaker,
      );
      if (before === "half_open" && entry.breaker.state === "closed") {
        entry.attempts.clear();
        entry.volume = undefined;
      }
    },
    begin(provider, model) {
      const entry = entryFor(provider, model);
      entry.inFlight += 1;
      let ended = false;
      return () => {
        // Idempotent: an attempt that ends twice (abort + finally) must not count twice.
        if (ended) return;
        ended = true;
        entry.inFlight -= 1;
      };
    },
    snapshot(now) {
      return [...entries.values()]
        .sort((a, b) => compare(a.provider, b.provider) || compare(a.model, b.model))
        .map((entry) => view(entry, now));
    },
  };
}

function newEntry(provider: string, model: string, windows: number[]): Entry {
  return {
    provider,
    model,
    windows: new Map(windows.map((w) => [w, emptyWindow()])),
    attempts: createAttemptTimes(Math.max(...windows) * 1000),
    inFlight: 0,
    recentOutcomes: [],
    breaker: closedBreaker(),
    figures: undefined,
    volume: undefined,
  };
}

function emptyWindow(): WindowState {
  const series = (): Series => ({ value: undefined, lastAt: undefined });
  return { latency: series(), errorRate: series(), throughput: series() };
}

function recordInWindow(state: WindowState, tau: number, o: HealthObservation): void {
  const dt = (series: Series): number => (series.lastAt === undefined ? 0 : o.at - series.lastAt);
  state.errorRate = { value: ewmaUpdate(state.errorRate.value, o.ok ? 0 : 1, dt(state.errorRate), tau), lastAt: o.at };
  if (o.ok) state.latency = { value: ewmaUpdate(state.latency.value, o.latencyMs, dt(state.latency), tau), lastAt: o.at };
  if (o.ok && o.throughputTps !== undefined && Number.isFinite(o.throughputTps)) {
    state.throughput = { value: ewmaUpdate(state.throughput.value, o.throughputTps, dt(state.throughput), tau), lastAt: o.at };
  }
}

/** The tracked windows with their record keys, and the JSON text of an empty record. */
interface WindowLayout {
  windows: readonly { seconds: number; key: string }[];
  emptyRecord: string;
  /** Volume records already built, shared by every view with the same counts (views are read-only). */
  volumes: Map<string, WindowRecord>;
}

/** Computed once per store: `get` runs for every candidate of every request. */
function windowLayout(windows: readonly number[]): WindowLayout {
  const keyed = windows.map((seconds) => ({ seconds, key: windowKey(seconds) }));
  return { windows: keyed, emptyRecord: JSON.stringify(Object.fromEntries(keyed.map(({ key }) => [key, 0]))), volumes: new Map() };
}

/**
 * An empty per-window record. Window keys are integer-like ("10", "300"), which V8 stores as array
 * elements: an object literal or spread holding "300" gets a dense backing store of 300-odd slots
 * (about 4 KB), which made these records most of a request's garbage. JSON.parse builds sparse
 * (dictionary) elements instead: about 200 bytes, for about a microsecond.
 */
function windowRecord(layout: WindowLayout): Record<string, number> {
  return JSON.parse(layout.emptyRecord) as Record<string, number>;
}

function figuresOf(entry: Entry, settings: GatewaySettings, layout: WindowLayout): Figures {
  const latencyMs = windowRecord(layout);
  const errorRate = windowRecord(layout);
  const throughputTps = windowRecord(layout);
  for (const { seconds, key } of layout.windows) {
    const state = entry.windows.get(seconds);
    latencyMs[key] = state?.latency.value ?? settings.health.defaultLatencyMs;
    errorRate[key] = state?.errorRate.value ?? 0;
    throughputTps[key] = state?.throughput.value ?? settings.health.defaultThroughputTps;
  }
  return { latencyMs, errorRate, throughputTps };
}

/** Interned volume records by their counts: counts repeat, instants do not (bounded, then dropped). */
const MAX_INTERNED_VOLUMES = 4096;

function volumeRecord(entry: Entry, now: number, layout: WindowLayout): WindowRecord {
  let key = "";
  for (const { seconds } of layout.windows) key += `${entry.attempts.countWithin(now, seconds * 1000)},`;
  let record = layout.volumes.get(key);
  if (record === undefined) {
    if (layout.volumes.size >= MAX_INTERNED_VOLUMES) layout.volumes.clear();
    const built = windowRecord(layout);
    for (const { seconds, key: window } of layout.windows) built[window] = entry.attempts.countWithin(now, seconds * 1000);
    layout.volumes.set(key, built);
    record = built;
  }
  return record;
}

function toProviderHealth(entry: Entry, now: number, settings: GatewaySettings, layout: WindowLayout): ProviderHealth {
  const figures = (entry.figures ??= figuresOf(entry, settings, layout));
  if (entry.volume?.at !== now) entry.volume = { at: now, record: volumeRecord(entry, now, layout) };
  return {
    provider: entry.provider,
    model: entry.model,
    latencyMs: figures.latencyMs,
    errorRate: figures.errorRate,
    throughputTps: figures.throughputTps,
    volume: entry.volume.record,
    inFlight: entry.inFlight,
    recentOutcomes: entry.recentOutcomes,
    breaker: breakerAt(entry.breaker, now),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
