import { describe, expect, it } from "vitest";
import type { AttemptRecord, UsageRecord } from "../gateway/types.js";
import { replayRecord } from "./replay-record-fixture.js";
import type { ReplayRecord } from "./read-usage-log.js";
import { compareReplay, divergenceCause } from "./self-check.js";

const ok = (provider: string, extra: Partial<AttemptRecord> = {}): AttemptRecord => ({ attempt: 1, provider, outcome: "success", status: 200, duration_ms: 400, ...extra });
const failed = (provider: string, status = 503): AttemptRecord => ({ attempt: 1, provider, outcome: "upstream_non_2xx", status, duration_ms: 30 });

/** A request ranked openai then openai-eu (price scores 0.6 / 0.4), served by the last attempt. */
function record(attempts: AttemptRecord[], overrides: Partial<UsageRecord> = {}): ReplayRecord {
  return replayRecord({
    model: "openai/gpt-5.4-nano",
    ranked: { openai: 0.6, "openai-eu": 0.4 },
    tokens: [16, 20],
    costUsd: 0,
    overrides: { attempts, selected_provider: attempts.findLast((a) => a.outcome === "success")?.provider ?? null, ...overrides },
  });
}

/** The same record with one ranked provider's diagnostics changed. */
function withRanked(r: ReplayRecord, provider: string, change: (p: ReplayRecord["routing_diagnostics"] & object) => void): ReplayRecord {
  const copy = structuredClone(r);
  expect(copy.routing_diagnostics?.rankedProviders.some((p) => p.provider === provider)).toBe(true);
  if (copy.routing_diagnostics) change(copy.routing_diagnostics);
  return copy;
}

describe("compareReplay", () => {
  it("counts same provider and same attempts separately, and names the first request that differs", () => {
    const logged = [record([ok("openai")]), record([failed("openai"), ok("openai-eu")]), record([ok("openai-eu")]), record([ok("openai")])];
    // 2: same provider by another path; 3: another provider.
    const replayed = [record([ok("openai")]), record([ok("openai-eu")]), record([ok("openai")]), record([ok("openai")])];
    const check = compareReplay(logged, replayed);
    expect(check).toMatchObject({ compared: 4, reproduced: 2, sameProvider: 3 });
    expect(check.first?.index).toBe(1);
  });

  it("counts a replay that made fewer requests as a shortfall, with the cause 'missing'", () => {
    const check = compareReplay([record([ok("openai")]), record([ok("openai")])], [record([ok("openai")])]);
    expect(check).toMatchObject({ reproduced: 1, sameProvider: 1, first: { index: 1, replayed: undefined, cause: { kind: "missing" } } });
  });
});

describe("divergenceCause", () => {
  // The replay asked openai-eu where the log asked openai: routing went another way.
  const logged = record([ok("openai")]);
  const replayed = record([ok("openai-eu")]);

  it("names a log that contradicts itself: attempts that skip a healthy provider ranked ahead", () => {
    const skipped = record([ok("openai-eu")]);
    expect(divergenceCause(skipped, replayed)).toEqual({
      kind: "contradiction",
      detail: "the log contradicts itself: it attempted openai-eu before openai, which its routing ranked ahead (openai (closed) > openai-eu (closed)) with its breaker closed",
    });
    // Skipping a provider whose breaker was open is what routing does.
    const deranked = withRanked(skipped, "openai", (d) => {
      const p = d.rankedProviders[0];
      if (p) p.breaker = "open";
    });
    expect(divergenceCause(deranked, replayed).kind).not.toBe("contradiction");
    expect(divergenceCause(record([ok("deepinfra")]), replayed).detail).toBe(
      "the log contradicts itself: it attempted deepinfra, which its routing did not rank (openai (closed) > openai-eu (closed))",
    );
  });

  it("names a breaker state that differs", () => {
    const open = withRanked(logged, "openai", (d) => {
      const p = d.rankedProviders[0];
      if (p) p.breaker = "half_open";
    });
    expect(divergenceCause(open, replayed)).toEqual({ kind: "breaker", detail: "a breaker state: openai half_open in the log, closed in the replay" });
  });

  it("names a probe one side made and the other did not, before the breaker states", () => {
    const probed = withRanked(record([{ ...failed("openai"), was_probe: true }, ok("openai-eu")]), "openai", (d) => {
      const p = d.rankedProviders[0];
      if (p) p.breaker = "half_open";
    });
    expect(divergenceCause(probed, replayed)).toEqual({ kind: "probe", detail: "a probe: a half-open probe of openai in the log, no probe in the replay" });
  });

  // Seen on a documented-fidelity serve log before replays kept the logged ids: the log probed openai, the
  // replay's breaker blocked it. Not the provider's answer: the probe draw hashes the request id.
  it("names a probe the replay's breaker blocked instead, and the request ids behind it", () => {
    const probed = record([{ ...failed("openai"), was_probe: true }, ok("openai-eu", { attempt: 2 })], { id: "G-logged" });
    const blocked = record([{ ...failed("openai"), outcome: "blocked", status: null, duration_ms: 0 }, ok("openai-eu", { attempt: 2 })], { id: "G-replayed" });
    expect(divergenceCause(probed, blocked)).toEqual({
      kind: "probe",
      detail:
        "a probe: a half-open probe of openai in the log, no probe in the replay (a half-open breaker picks its probes by a hash of the request id, and this request was replayed under another id: G-replayed)",
    });
  });

  it("names a price difference, then a health score difference", () => {
    const cheaper = withRanked(replayed, "openai-eu", (d) => {
      const p = d.rankedProviders[1];
      if (p) p.scoreFactors = { ...p.scoreFactors, priceScore: 0.7 };
    });
    expect(divergenceCause(logged, cheaper)).toMatchObject({ kind: "price", detail: "a price difference: openai-eu priceScore 0.4 in the log, 0.7 in the replay" });
    const slower = withRanked(replayed, "openai", (d) => {
      const p = d.rankedProviders[0];
      if (p) p.scoreFactors = { ...p.scoreFactors, latencyScore: 0.25 };
    });
    expect(divergenceCause(logged, slower).kind).toBe("health");
    expect(divergenceCause(logged, slower).detail).toMatch(/^a health\/latency score difference: openai latencyScore \S+ in the log, 0\.25 in the replay$/);
  });

  it("names a filter difference: a provider only one side's `ignore` dropped", () => {
    const ignored = withRanked(replayed, "openai-eu", (d) => {
      d.filterStages = [{ stage: "provider.ignore", dropped: [{ provider: "openai-eu", reason: "listed_in_provider.ignore" }] }];
      d.rankedProviders = d.rankedProviders.filter((p) => p.provider !== "openai-eu");
    });
    const cause = divergenceCause(logged, ignored);
    expect(cause.kind).toBe("filter");
    expect(cause.detail).toContain("filtered out only in the replay: openai-eu (provider.ignore: listed_in_provider.ignore)");
  });

  it("names a routing mode that differs (a preset's shuffle the replay does not send)", () => {
    const shuffled = withRanked(logged, "openai", (d) => {
      d.strategy = "weighted_shuffle";
    });
    expect(divergenceCause(shuffled, replayed).detail).toBe(
      "the routing mode (strategy/mode): weighted_shuffle/balanced in the log, balanced_sort/balanced in the replay (a preset's mode, or the log's fidelity setting)",
    );
  });

  it("names a cache hit on one side", () => {
    const hit = record([], { routing_diagnostics: null, response_cache: { enabled: true, status: "hit", reason: null, key: "k", fingerprint: "f", ttlSeconds: 300, ttlSource: "platform_default" } });
    expect(divergenceCause(hit, replayed)).toEqual({ kind: "cache", detail: "the response cache: hit in the log, none in the replay" });
  });

  it("names a provider that answered otherwise, before any score difference", () => {
    const slower = withRanked(record([ok("openai")]), "openai", (d) => {
      const p = d.rankedProviders[0];
      if (p) p.scoreFactors = { ...p.scoreFactors, latencyScore: 0.25 };
    });
    expect(divergenceCause(record([failed("openai", 429), ok("openai-eu")]), slower)).toEqual({
      kind: "answer",
      detail: "the provider's answer: attempt 1 asked openai, which answered upstream_non_2xx 429 in the log and success in the replay (the replayed behaviour of openai differs at this time)",
    });
  });

  it("says unknown, with both rankings, when the diagnostics show no difference", () => {
    expect(divergenceCause(logged, replayed)).toEqual({
      kind: "unknown",
      detail: "unknown: ranked openai (closed) > openai-eu (closed) in the log, openai (closed) > openai-eu (closed) in the replay",
    });
  });
});
