// The gateway's own record of how each provider × model has been doing (§3–§4 of the reference
// sheet): the reference's EWMAs and counters, the breaker and its half-open probe counters, and the
// exact 60 s attempt counts the documented breaker reads. Time only enters through timestamps.
import { byFidelity } from "../fidelity.js";
import type { GatewaySettings } from "../settings.js";
import type { BreakerAdmission, HealthObservation, HealthStore, ProviderHealth } from "../types.js";
import { createAttemptTimes, type AttemptTimes } from "./attempt-times.js";
import { admission, afterProbe, closedBreaker, documentedWouldOpen, openBreaker, openDurationMs, referenceWouldOpen, type BreakerStatus, type HalfOpenCounters } from "./breaker.js";
import { newHealthRecord, writeObservation, type HealthRecord } from "./health-record.js";
import { ROUTING_READ, type RoutingRead } from "./routing-read.js";

const WINDOW_60S_MS = 60_000;

interface Entry {
  provider: string;
  model: string;
  record: HealthRecord;
  breaker: BreakerStatus;
  half: HalfOpenCounters | undefined;
  attempts: AttemptTimes;
  failures: AttemptTimes;
  /** Until when the documented breaker would have been open (reference volume source only). */
  documentedUntilMs: number;
  documentedOpenings: number;
  /** The last view made, until the next write; `viewAt` the instant it was last checked against. */
  view: ProviderHealth | undefined;
  viewAt: number;
  /** Routing's view, refreshed in place on each routing read (see {@link ROUTING_READ}); public views are copies of it. */
  live: ProviderHealth | undefined;
  /** Written to (begin, record): only these show in `snapshot`; an unseen provider's entry only serves reads. */
  seen: boolean;
}

/**
 * Creates an empty health store.
 *
 * Every non-neutral outcome, success or failure, moves latency, error rate, rates and the recent
 * ok/total EWMAs (index.ts:930-949, 1135-1153); a failure of a non-probe call then runs the opening
 * rule, a probe's result runs the half-open evaluation. `breaker.volumeSource` picks the opening rule:
 * `ewma_of_one` (reference: never opens) or `request_count` (documented). Under the reference rule the
 * store still computes when the documented breaker would have opened, so routing can say so.
 *
 * @example
 * const health = createHealthStore(settings);
 * health.record({ provider: "openai", model: "openai/gpt-5.4-nano", at: 1200, ok: true, impact: "success", latencyMs: 1200 });
 * health.get("openai", "openai/gpt-5.4-nano", 1200).lat_ewma_60s; // 1200
 */
export function createHealthStore(settings: GatewaySettings): HealthStore & { [ROUTING_READ]: RoutingRead } {
  // model → provider → entry: two lookups with the catalog's own strings, no key string built per read.
  const entries = new Map<string, Map<string, Entry>>();
  const volumeSource = byFidelity(settings.breaker.volumeSource, settings.fidelity, { reference: "ewma_of_one", documented: "request_count" });
  const newEntry = (provider: string, model: string): Entry => ({
    provider,
    model,
    record: newHealthRecord(settings.health.defaultLatencyMs),
    breaker: closedBreaker(),
    half: undefined,
    attempts: createAttemptTimes(WINDOW_60S_MS),
    failures: createAttemptTimes(WINDOW_60S_MS),
    documentedUntilMs: 0,
    documentedOpenings: 0,
    view: undefined,
    viewAt: 0,
    live: undefined,
    seen: false,
  });
  // An unseen provider's entry is kept too (not `seen`), so routing's every read of a provider that
  // never served does not build a fresh record, breaker and attempt lists.
  const lookup = (provider: string, model: string): Entry => {
    let byProvider = entries.get(model);
    if (!byProvider) {
      byProvider = new Map();
      entries.set(model, byProvider);
    }
    let entry = byProvider.get(provider);
    if (!entry) {
      entry = newEntry(provider, model);
      byProvider.set(provider, entry);
    }
    return entry;
  };
  // Entries kept for reads alone, bounded: routing reads only catalog offers, but `get` is public and
  // a caller reading arbitrary names must not grow the store without limit.
  let unseen = 0;
  const entryFor = (provider: string, model: string): Entry => {
    const existing = entries.get(model)?.get(provider);
    if (existing !== undefined && !existing.seen) unseen--;
    const entry = existing ?? lookup(provider, model);
    entry.seen = true;
    return entry;
  };
  const live = (entry: Entry, now: number): ProviderHealth => {
    if (entry.live === undefined) entry.live = blankView(entry);
    refreshView(entry.live, entry, now);
    return entry.live;
  };
  const view = (entry: Entry, now: number): ProviderHealth => {
    const last = entry.view;
    if (last !== undefined && (entry.viewAt === now || sameAt(last, entry, now))) {
      entry.viewAt = now;
      return last;
    }
    // A copy of the live view: the same fields in the same order, never written after this.
    entry.view = { ...live(entry, now) };
    entry.viewAt = now;
    return entry.view;
  };
  // Reading an unseen provider gives the defaults without registering it in `snapshot`.
  const entryToRead = (provider: string, model: string): Entry => {
    const known = entries.get(model)?.get(provider);
    if (known !== undefined) return known;
    // Past the bound, an unseen pair's defaults are built afresh on each read and not kept.
    if (unseen >= MAX_UNSEEN_ENTRIES) return newEntry(provider, model);
    unseen++;
    return lookup(provider, model);
  };

  // The half-open record lives 20 s after its last write (health.ts:432-450, 638-668): creating it and
  // counting a probe write it; admitting a request to an existing record does not (nothing changes).
  const liveHalf = (entry: Entry, now: number): HalfOpenCounters | undefined => (entry.half && entry.half.expiresAt > now ? entry.half : undefined);

  const runOpeningRule = (entry: Entry, at: number): void => {
    const inputs = { record: entry.record, attempts60: entry.attempts.countWithin(at, WINDOW_60S_MS), failures60: entry.failures.countWithin(at, WINDOW_60S_MS) };
    const documented = documentedWouldOpen(inputs, settings.breaker);
    if (volumeSource === "request_count") {
      if (documented && entry.breaker.state === "closed") entry.breaker = openBreaker(entry.breaker, at, settings.breaker);
      return;
    }
    if (referenceWouldOpen(inputs, settings.breaker.errorRateThreshold)) entry.breaker = openBreaker(entry.breaker, at, settings.breaker);
    if (documented && at >= entry.documentedUntilMs) {
      entry.documentedOpenings += 1;
      entry.documentedUntilMs = at + openDurationMs(entry.documentedOpenings, settings.breaker);
    }
  };

  return {
    get(provider, model, now) {
      return view(entryToRead(provider, model), now);
    },
    [ROUTING_READ](provider: string, model: string, now: number): ProviderHealth {
      return live(entryToRead(provider, model), now);
    },
    admit(provider, model, now, sampleKey): BreakerAdmission {
      const entry = entries.get(model)?.get(provider);
      if (!entry || entry.breaker.state === "closed") return "closed";
      const decided = admission(entry.breaker, now, sampleKey, settings.breaker);
      if (decided.next !== entry.breaker) {
        entry.breaker = decided.next;
        entry.view = undefined;
      }
      if (entry.breaker.state === "half_open") entry.half = liveHalf(entry, now) ?? { ok: 0, cnt: 0, expiresAt: now + settings.breaker.halfOpenTtlMs };
      return decided.admission;
    },
    record(o: HealthObservation) {
      const entry = entryFor(o.provider, o.model);
      if (o.impact === "neutral") return;
      entry.view = undefined;
      writeObservation(entry.record, o);
      entry.attempts.add(o.at);
      if (!o.ok) entry.failures.add(o.at);
      if (o.probe) {
        const half = liveHalf(entry, o.at) ?? { ok: 0, cnt: 0, expiresAt: 0 };
        entry.half = { ok: half.ok + (o.ok ? 1 : 0), cnt: half.cnt + 1, expiresAt: o.at + settings.breaker.halfOpenTtlMs };
        const next = afterProbe(entry.breaker, entry.half, settings.breaker, o.at);
        if (next.state === "closed") entry.half = undefined;
        entry.breaker = next;
      } else if (o.impact === "failure") {
        runOpeningRule(entry, o.at);
      }
    },
    begin(provider, model) {
      const entry = entryFor(provider, model);
      // In place: the record is the store's own (views copy its numbers), and this runs twice per attempt.
      entry.record.inflight += 1;
      entry.view = undefined;
      let ended = false;
      return () => {
        // Idempotent: an attempt that ends twice (abort + finally) must not count twice.
        if (ended) return;
        ended = true;
        entry.record.inflight = Math.max(entry.record.inflight - 1, 0);
        entry.view = undefined;
      };
    },
    snapshot(now) {
      const seen: Entry[] = [];
      for (const byProvider of entries.values()) for (const entry of byProvider.values()) if (entry.seen) seen.push(entry);
      return seen.sort((a, b) => compare(a.provider, b.provider) || compare(a.model, b.model)).map((entry) => view(entry, now));
    },
  };
}

/**
 * Whether the last view still holds at `now`: nothing was written since (writes clear it), so only the
 * windowed counts and the documented breaker's window can have moved. Then the same object is returned
 * (views are never mutated), which saves building 24 fields per candidate per request.
 */
function sameAt(last: ProviderHealth, entry: Entry, now: number): boolean {
  return (
    last.documented_breaker_until_ms === (entry.documentedUntilMs > now ? entry.documentedUntilMs : 0) &&
    last.attempts_60s === entry.attempts.countWithin(now, WINDOW_60S_MS) &&
    last.failures_60s === entry.failures.countWithin(now, WINDOW_60S_MS)
  );
}

/** How many (model, provider) pairs that were only ever read the store keeps (see `get`). */
export const MAX_UNSEEN_ENTRIES = 4096;

/** The reference's load soft cap (health.config.ts:23): current_load = min(1, inflight / 500). */
const LOAD_SOFT_CAP = 500;

/** A view's shape, in the order its fields print; {@link refreshView} fills in the numbers. */
function blankView(entry: Entry): ProviderHealth {
  return {
    provider: entry.provider,
    model: entry.model,
    lat_ewma_10s: 0,
    lat_ewma_60s: 0,
    lat_ewma_300s: 0,
    err_ewma_10s: 0,
    err_ewma_60s: 0,
    err_ewma_300s: 0,
    rate_10s: 0,
    rate_60s: 0,
    tp_ewma_60s: 0,
    rec_ok_ew_60s: 0,
    rec_tot_ew_60s: 0,
    inflight: 0,
    current_load: 0,
    breaker: "closed",
    breaker_until_ms: 0,
    breaker_attempts: 0,
    last_ts_10s: 0,
    last_ts_60s: 0,
    last_ts_300s: 0,
    attempts_60s: 0,
    failures_60s: 0,
    documented_breaker_until_ms: 0,
  };
}

/** Writes the entry's state at `now` into `view` (numbers written over numbers: nothing is allocated). */
function refreshView(view: ProviderHealth, entry: Entry, now: number): void {
  const r = entry.record;
  view.lat_ewma_10s = r.lat10;
  view.lat_ewma_60s = r.lat60;
  view.lat_ewma_300s = r.lat300;
  view.err_ewma_10s = r.err10;
  view.err_ewma_60s = r.err60;
  view.err_ewma_300s = r.err300;
  view.rate_10s = r.rate10;
  view.rate_60s = r.rate60;
  view.tp_ewma_60s = r.tp60;
  view.rec_ok_ew_60s = r.recOk60;
  view.rec_tot_ew_60s = r.recTot60;
  view.inflight = r.inflight;
  view.current_load = Math.min(1, r.inflight / LOAD_SOFT_CAP);
  view.breaker = entry.breaker.state;
  view.breaker_until_ms = entry.breaker.untilMs;
  view.breaker_attempts = entry.breaker.attempts;
  view.last_ts_10s = r.last10;
  view.last_ts_60s = r.last60;
  view.last_ts_300s = r.last300;
  view.attempts_60s = entry.attempts.countWithin(now, WINDOW_60S_MS);
  view.failures_60s = entry.failures.countWithin(now, WINDOW_60S_MS);
  view.documented_breaker_until_ms = entry.documentedUntilMs > now ? entry.documentedUntilMs : 0;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
