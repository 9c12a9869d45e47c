// When the logging gateway took in each attempt's outcome. A replay's gateway acts on an answer the
// moment it arrives; a gateway on a busy machine acted later, and a request routed in between still
// saw the old health. The logged requests' routing diagnostics show it: a provider's health factors
// stay the same from the request before the answer to the requests after it until the gateway took it in.
import type { ReplayRecord } from "./read-usage-log.js";

type Factors = NonNullable<NonNullable<ReplayRecord["routing_diagnostics"]>["rankedProviders"][number]["scoreFactors"]>;

/** The health a request saw of one provider (factors that change with every sample of it). */
interface View {
  at: number;
  key: string;
  /** `reliabilityObservations`: 60 × the 60 s sample rate, which grows by exactly 1 per sample. */
  observations: number;
}

/** The reference's 60 s EWMA horizon (health.config.ts:8-10): observations' = observations·e^(−Δt/τ) + 1. */
const TAU_60_MS = 60_000;
/** Observations are capped at this (thompson.maxObservations); a capped value tells no time. */
const MAX_OBSERVATIONS = 60;
/** Where an answer lands after a request that did not see it, when its time cannot be worked out. */
const AFTER_MS = 0.01;

function keyOf(f: Factors): string {
  return [f.successRate, f.latencyScore, f.tailLatencyScore, f.throughputScore, f.reliabilityObservations].join("|");
}

function viewsByProvider(records: readonly ReplayRecord[], start: number): Map<string, View[]> {
  const views = new Map<string, View[]>();
  for (const r of records) {
    for (const p of r.routing_diagnostics?.rankedProviders ?? []) {
      if (!p.scoreFactors) continue;
      const list = views.get(p.provider) ?? [];
      list.push({ at: r.time_ms - start, key: keyOf(p.scoreFactors), observations: p.scoreFactors.reliabilityObservations ?? 0 });
      views.set(p.provider, list);
    }
  }
  return views;
}

/**
 * When the gateway took in each sample it took in between two requests (view k−1 and view k differ):
 * worked out from the observation count's decay since the sample before — one sample between them,
 * o_k = o_{k−1}·e^(−(r − r_prev)/τ) + 1 — or, where that does not hold (several samples, the cap, the
 * first sample), just after request k−1.
 */
function registrations(views: readonly View[]): Map<number, number> {
  const out = new Map<number, number>();
  let previous: number | undefined;
  for (let k = 1; k < views.length; k++) {
    const [a, b] = [views[k - 1] as View, views[k] as View];
    if (a.key === b.key) continue;
    const ratio = (b.observations - 1) / a.observations;
    const solved = previous !== undefined && b.observations < MAX_OBSERVATIONS && ratio > 0 && ratio <= 1 ? previous - TAU_60_MS * Math.log(ratio) : undefined;
    const r = solved !== undefined && solved > a.at && solved <= b.at ? solved : a.at + Math.min(AFTER_MS, (b.at - a.at) / 2);
    out.set(k, r);
    previous = r;
  }
  return out;
}

/**
 * When the gateway took in an answer that arrived at `end`: the first registration after it, when
 * the request right after `end` still saw the health from before it; undefined when that request
 * already saw a change (or nothing tells).
 */
function takenIn(views: readonly View[], taken: ReadonlyMap<number, number>, end: number): number | undefined {
  let j = views.findIndex((v) => v.at > end);
  if (j <= 0) return undefined;
  const before = (views[j - 1] as View).key;
  if ((views[j] as View).key !== before) return undefined;
  while (j < views.length && (views[j] as View).key === before) j++;
  return taken.get(j);
}

/**
 * Per record, per attempt: how much later than its logged end the replayed answer arrives, so that
 * its health sample lands after the last request that routed without it. Bounded by the record's
 * own unexplained time (latency minus its attempts): a lag the record cannot account for is not
 * added. Streams are left alone (their samples land at the stream's end, which is replayed).
 *
 * @example
 * registrationDelays(records)[0]; // [1200.01]: the first answer was taken in 1.2 s after it arrived
 */
export function registrationDelays(records: readonly ReplayRecord[]): number[][] {
  const start = records[0]?.time_ms ?? 0;
  const views = viewsByProvider(records, start);
  const taken = new Map([...views].map(([provider, list]) => [provider, registrations(list)]));
  return records.map((r) => {
    let budget = r.stream ? 0 : Math.max(0, r.latency_ms - r.attempts.reduce((n, a) => n + a.duration_ms, 0));
    let at = r.time_ms - start;
    return r.attempts.map((a) => {
      const end = at + a.duration_ms;
      const at_ = a.outcome === "blocked" || budget <= 0 ? undefined : takenIn(views.get(a.provider) ?? [], taken.get(a.provider) ?? new Map(), end);
      const extra = at_ === undefined ? 0 : Math.min(budget, Math.max(0, at_ - end));
      budget -= extra;
      at = end + extra;
      return extra;
    });
  });
}
