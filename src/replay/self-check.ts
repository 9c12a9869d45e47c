// Compares a logged run with its replay request by request: how many requests the replay reproduces
// (same selected provider and the same attempts, provider and outcome in order), and for the first that
// it does not, the cause the two routing diagnostics show.
import type { ReplayRecord } from "./read-usage-log.js";

/** What made a replayed request go another way, in the order they are looked for. */
export const DIVERGENCE_CAUSES = ["missing", "contradiction", "cache", "answer", "filter", "mode", "probe", "breaker", "price", "health", "unknown"] as const;
export type DivergenceCauseKind = (typeof DIVERGENCE_CAUSES)[number];

export interface DivergenceCause {
  kind: DivergenceCauseKind;
  /** One sentence naming the provider(s) and the two values. */
  detail: string;
}

export interface Divergence {
  /** Position among the compared requests (0-based, arrival order). */
  index: number;
  logged: ReplayRecord;
  replayed: ReplayRecord | undefined;
  cause: DivergenceCause;
}

export interface SelfCheckResult {
  compared: number;
  /** Same selected provider and same attempt sequence. */
  reproduced: number;
  sameProvider: number;
  first: Divergence | undefined;
}

type Ranked = NonNullable<ReplayRecord["routing_diagnostics"]>["rankedProviders"][number];

/** Score factors below this relative difference are the same (diagnostics round to 6 decimals). */
const SAME = 1e-6;
const PRICE_FACTORS = ["priceScore"] as const;
const HEALTH_FACTORS = ["successRate", "latencyScore", "tailLatencyScore", "throughputScore", "reliabilityObservations", "loadPenalty"] as const;

/** `openai upstream_non_2xx 503 → openai-eu success`; `none` for a request no provider was asked for. */
export function attemptPath(record: ReplayRecord): string {
  if (record.attempts.length === 0) return record.response_cache?.status === "hit" ? "none (cache hit)" : "none";
  return record.attempts.map((a) => `${a.provider} ${a.outcome}${a.outcome === "success" || a.status === null ? "" : ` ${a.status}`}`).join(" → ");
}

function sameAttempts(a: ReplayRecord, b: ReplayRecord): boolean {
  return a.attempts.length === b.attempts.length && a.attempts.every((x, i) => x.provider === b.attempts[i]?.provider && x.outcome === b.attempts[i]?.outcome);
}

/** Whether a replayed record reproduces the logged one: same provider, same attempts. */
export function reproduces(logged: ReplayRecord, replayed: ReplayRecord | undefined): boolean {
  return replayed !== undefined && logged.selected_provider === replayed.selected_provider && sameAttempts(logged, replayed);
}

function rankedOf(record: ReplayRecord): Ranked[] {
  return [...(record.routing_diagnostics?.rankedProviders ?? [])].sort((a, b) => a.rank - b.rank);
}

/** `openai (closed) > openai-eu (open)`. */
export function rankingText(record: ReplayRecord): string {
  const ranked = rankedOf(record);
  if (ranked.length === 0) return "no ranking";
  return ranked.map((r) => `${r.provider} (${r.breaker})`).join(" > ");
}

/** Dropped providers by stage, the breaker's deranking left out (that is the breaker's cause). */
function filtered(record: ReplayRecord): string[] {
  const stages = record.routing_diagnostics?.filterStages ?? [];
  return stages
    .filter((s) => s.stage !== "health_breaker")
    .flatMap((s) => s.dropped.map((d) => `${d.provider} (${s.stage}: ${d.reason})`))
    .sort();
}

function filterCause(logged: ReplayRecord, replayed: ReplayRecord): DivergenceCause | undefined {
  const a = filtered(logged);
  const b = filtered(replayed);
  const inLog = a.filter((x) => !b.includes(x));
  const inReplay = b.filter((x) => !a.includes(x));
  const rankedA = rankedOf(logged)
    .map((r) => r.provider)
    .sort();
  const rankedB = rankedOf(replayed)
    .map((r) => r.provider)
    .sort();
  if (inLog.length === 0 && inReplay.length === 0 && rankedA.join() === rankedB.join()) return undefined;
  const parts = [
    ...(inLog.length > 0 ? [`filtered out only in the log: ${inLog.join(", ")}`] : []),
    ...(inReplay.length > 0 ? [`filtered out only in the replay: ${inReplay.join(", ")}`] : []),
    ...(rankedA.join() !== rankedB.join() ? [`candidates ${rankedA.join(", ") || "none"} in the log, ${rankedB.join(", ") || "none"} in the replay`] : []),
  ];
  return { kind: "filter", detail: `a filter difference (only/ignore or an offer): ${parts.join("; ")}` };
}

/**
 * A logged request whose attempts do not follow its own ranking (failover walks the ranked
 * candidates in order): the log contradicts itself, and no replay can reproduce it.
 */
export function contradictionCause(logged: ReplayRecord): DivergenceCause | undefined {
  const ranked = rankedOf(logged);
  if (ranked.length === 0) return undefined;
  const rankOf = new Map(ranked.map((r, i) => [r.provider, i]));
  const tried = [...new Set(logged.attempts.map((a) => a.provider))];
  const unranked = tried.find((p) => !rankOf.has(p));
  if (unranked !== undefined) return { kind: "contradiction", detail: `the log contradicts itself: it attempted ${unranked}, which its routing did not rank (${rankingText(logged)})` };
  for (const [i, provider] of tried.entries()) {
    const skipped = ranked.slice(0, rankOf.get(provider)).find((r) => r.breaker !== "open" && !tried.slice(0, i).includes(r.provider));
    if (skipped) {
      return {
        kind: "contradiction",
        detail: `the log contradicts itself: it attempted ${provider} before ${skipped.provider}, which its routing ranked ahead (${rankingText(logged)}) with its breaker ${skipped.breaker}`,
      };
    }
  }
  return undefined;
}

/**
 * Routing asked the same provider, which answered otherwise: the replayed provider behaviour (its
 * fault phases or traces) differs from the log at that time, whatever the scores say.
 */
function answerCause(logged: ReplayRecord, replayed: ReplayRecord): DivergenceCause | undefined {
  const k = logged.attempts.findIndex((a, i) => a.provider !== replayed.attempts[i]?.provider || a.outcome !== replayed.attempts[i]?.outcome);
  const a = logged.attempts[k];
  const b = replayed.attempts[k];
  if (a === undefined || b === undefined || a.provider !== b.provider) return undefined;
  // A blocked attempt never reached the provider: its breaker's admission differs, not its answer.
  if (a.outcome === "blocked" || b.outcome === "blocked") return undefined;
  const outcome = (x: typeof a) => `${x.outcome}${x.outcome === "success" || x.status === null ? "" : ` ${x.status}`}`;
  return {
    kind: "answer",
    detail: `the provider's answer: attempt ${k + 1} asked ${a.provider}, which answered ${outcome(a)} in the log and ${outcome(b)} in the replay (the replayed behaviour of ${a.provider} differs at this time)`,
  };
}

/** How routing ordered the candidates: a preset's mode or a documented-fidelity strategy the replay lacks shows here. */
function modeCause(logged: ReplayRecord, replayed: ReplayRecord): DivergenceCause | undefined {
  const how = (r: ReplayRecord) => `${r.routing_diagnostics?.strategy ?? "none"}/${r.routing_diagnostics?.routingMode ?? "none"}`;
  if (how(logged) === how(replayed)) return undefined;
  return { kind: "mode", detail: `the routing mode (strategy/mode): ${how(logged)} in the log, ${how(replayed)} in the replay (a preset's mode, or the log's fidelity setting)` };
}

function cacheCause(logged: ReplayRecord, replayed: ReplayRecord): DivergenceCause | undefined {
  const a = logged.response_cache?.status ?? "none";
  const b = replayed.response_cache?.status ?? "none";
  if (a === b || (a !== "hit" && b !== "hit")) return undefined;
  return { kind: "cache", detail: `the response cache: ${a} in the log, ${b} in the replay` };
}

function probes(record: ReplayRecord): string[] {
  return record.attempts.filter((a) => a.was_probe === true).map((a) => a.provider);
}

function probeCause(logged: ReplayRecord, replayed: ReplayRecord): DivergenceCause | undefined {
  const a = probes(logged);
  const b = probes(replayed);
  if (a.join() === b.join()) return undefined;
  const side = (list: string[]) => (list.length === 0 ? "no probe" : `a half-open probe of ${list.join(", ")}`);
  // health.ts:670-679 at the pin: a half-open breaker admits a request as a probe by a hash of its id.
  const ids = logged.id === replayed.id ? "" : ` (a half-open breaker picks its probes by a hash of the request id, and this request was replayed under another id: ${replayed.id})`;
  return { kind: "probe", detail: `a probe: ${side(a)} in the log, ${side(b)} in the replay${ids}` };
}

function breakerCause(logged: ReplayRecord, replayed: ReplayRecord): DivergenceCause | undefined {
  const again = new Map(rankedOf(replayed).map((r) => [r.provider, r]));
  const differ = rankedOf(logged).flatMap((r) => {
    const other = again.get(r.provider);
    return other && other.breaker !== r.breaker ? [`${r.provider} ${r.breaker} in the log, ${other.breaker} in the replay`] : [];
  });
  return differ.length === 0 ? undefined : { kind: "breaker", detail: `a breaker state: ${differ.join("; ")}` };
}

function differs(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a !== b;
  return Math.abs(a - b) > SAME * Math.max(1, Math.abs(a), Math.abs(b));
}

function factorCause(kind: "price" | "health", factors: readonly string[], logged: ReplayRecord, replayed: ReplayRecord): DivergenceCause | undefined {
  const again = new Map(rankedOf(replayed).map((r) => [r.provider, r]));
  const differ = rankedOf(logged).flatMap((r) => {
    const other = again.get(r.provider);
    if (!other) return [];
    return factors.filter((f) => differs(r.scoreFactors?.[f], other.scoreFactors?.[f])).map((f) => `${r.provider} ${f} ${r.scoreFactors?.[f]} in the log, ${other.scoreFactors?.[f]} in the replay`);
  });
  if (differ.length === 0) return undefined;
  const what = kind === "price" ? "a price difference" : "a health/latency score difference";
  return { kind, detail: `${what}: ${differ.slice(0, 3).join("; ")}${differ.length > 3 ? ` (and ${differ.length - 3} more)` : ""}` };
}

/**
 * The first cause the two records show, looked for from the most to the least specific.
 *
 * @example
 * divergenceCause(logged, replayed); // { kind: "breaker", detail: "a breaker state: openai half_open in the log, open in the replay" }
 */
export function divergenceCause(logged: ReplayRecord, replayed: ReplayRecord | undefined): DivergenceCause {
  if (!replayed) return { kind: "missing", detail: "the replay has no request here (fewer replayed requests than logged)" };
  const found =
    contradictionCause(logged) ??
    cacheCause(logged, replayed) ??
    answerCause(logged, replayed) ??
    filterCause(logged, replayed) ??
    modeCause(logged, replayed) ??
    probeCause(logged, replayed) ??
    breakerCause(logged, replayed) ??
    factorCause("price", PRICE_FACTORS, logged, replayed) ??
    factorCause("health", HEALTH_FACTORS, logged, replayed);
  if (found) return found;
  const draw = rankedOf(logged).some((r) => differs(r.scoreFactors?.reliabilitySample, rankedOf(replayed).find((x) => x.provider === r.provider)?.scoreFactors?.reliabilitySample));
  return {
    kind: "unknown",
    detail: `unknown${draw ? " (the balanced sort's random reliability draws differ)" : ""}: ranked ${rankingText(logged)} in the log, ${rankingText(replayed)} in the replay`,
  };
}

/**
 * Pairs the logged requests with the replayed ones by position (both in arrival order: time, then
 * `seq`) and counts what the replay reproduces.
 *
 * @example
 * const check = compareReplay(logged, replayed);
 * check.reproduced / check.compared; // 0.998
 */
export function compareReplay(logged: readonly ReplayRecord[], replayed: readonly ReplayRecord[]): SelfCheckResult {
  const result: SelfCheckResult = { compared: logged.length, reproduced: 0, sameProvider: 0, first: undefined };
  logged.forEach((record, index) => {
    const again = replayed[index];
    if (again !== undefined && again.selected_provider === record.selected_provider) result.sameProvider++;
    if (reproduces(record, again)) result.reproduced++;
    else result.first ??= { index, logged: record, replayed: again, cause: divergenceCause(record, again) };
  });
  return result;
}
