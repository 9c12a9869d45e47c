import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gatewaySettingsSchema, type GatewaySettingsInput } from "../settings.js";
import type { HealthObservation } from "../types.js";
import { probeSample } from "./breaker.js";
import { createHealthStore, MAX_UNSEEN_ENTRIES } from "./health-store.js";
import { readForRouting } from "./routing-read.js";

const M = "openai/gpt-5.4-nano";
const store = (settings: GatewaySettingsInput = {}) => createHealthStore(gatewaySettingsSchema.parse(settings));
const fail = (at: number, o: Partial<HealthObservation> = {}): HealthObservation => ({ provider: "openai", model: M, at, ok: false, impact: "failure", latencyMs: 50, ...o });

describe("health store", () => {
  it("an unseen provider reads the defaults and is not registered", () => {
    const health = store();
    const h = health.get("openai", M, 0);
    expect([h.lat_ewma_60s, h.err_ewma_60s, h.tp_ewma_60s, h.breaker, h.breaker_until_ms]).toEqual([800, 0, 0, "closed", 0]);
    expect(health.snapshot(0)).toEqual([]);
  });

  it("failures move latency too: a provider that fails fast lowers its own latency average", () => {
    const health = store();
    health.record(fail(1000, { latencyMs: 40 }));
    expect(health.get("openai", M, 1000).lat_ewma_60s).toBe(40);
    expect(health.get("openai", M, 1000).err_ewma_60s).toBe(1);
  });

  it("reference: 30 failures in 30 s never open the breaker, and routing can see the documented one would have", () => {
    const health = store();
    for (let i = 1; i <= 30; i++) health.record(fail(i * 1000));
    const h = health.get("openai", M, 30_000);
    expect(h.breaker).toBe("closed");
    // The first sample sets it to 1 (d = 0); every later blend of 1 with 1 stays 1, far below the floor of 8.
    expect(h.rec_tot_ew_60s).toBe(1);
    expect([h.attempts_60s, h.failures_60s]).toEqual([30, 30]);
    expect(h.documented_breaker_until_ms).toBe(8000 + 30_000);
  });

  it("documented (breaker.volumeSource: request_count): opens at the 8th failure, blocks, then probes and closes", () => {
    const health = store({ breaker: { volumeSource: "request_count" } });
    for (let i = 1; i <= 8; i++) health.record(fail(i * 1000));
    const h = health.get("openai", M, 8000);
    expect([h.breaker, h.breaker_until_ms, h.breaker_attempts]).toEqual(["open", 38_000, 1]);
    expect(h.documented_breaker_until_ms).toBe(0);
    expect(health.admit("openai", M, 20_000, "gateway-sim|G-1")).toBe("blocked");
    const probeKeys = Array.from({ length: 2000 }, (_, i) => `gateway-sim|G-${i}`).filter((k) => probeSample(k) < 0.05);
    const blockedKey = Array.from({ length: 50 }, (_, i) => `gateway-sim|G-${i}`).find((k) => probeSample(k) >= 0.05) ?? "";
    expect(health.admit("openai", M, 38_000, blockedKey)).toBe("blocked");
    expect(health.get("openai", M, 38_000).breaker).toBe("half_open");
    for (const [i, key] of probeKeys.slice(0, 5).entries()) {
      expect(health.admit("openai", M, 39_000 + i, key)).toBe("probe");
      health.record({ provider: "openai", model: M, at: 39_500 + i, ok: true, impact: "success", latencyMs: 100, probe: true });
    }
    expect(health.get("openai", M, 40_000).breaker).toBe("closed");
  });

  it("a neutral outcome records nothing; in-flight counts and load follow begin/end", () => {
    const health = store();
    health.record(fail(1000, { impact: "neutral" }));
    expect(health.get("openai", M, 1000).err_ewma_60s).toBe(0);
    const end = health.begin("openai", M);
    expect(health.get("openai", M, 1000).inflight).toBe(1);
    expect(health.get("openai", M, 1000).current_load).toBe(1 / 500);
    end();
    end();
    expect(health.get("openai", M, 1000).inflight).toBe(0);
  });

  it("reads that reuse views and unseen entries give what a fresh store with the same writes gives", () => {
    // One store is read after every step (its views are reused across instants, unseen providers'
    // entries kept); for each final instant a fresh store replays the same writes and is read once.
    const step = fc.record({
      provider: fc.constantFrom("openai", "openai-eu", "azure"),
      kind: fc.constantFrom("ok", "fail", "neutral", "begin", "end"),
      dt: fc.constantFrom(0, 1, 500, 20_000, 61_000),
      latencyMs: fc.integer({ min: 1, max: 5000 }),
    });
    const providers = ["openai", "openai-eu", "azure", "unseen"];
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.constantFrom<GatewaySettingsInput>({}, { breaker: { volumeSource: "request_count" } }), (steps, settings) => {
        const replay = (health: ReturnType<typeof store>, readEachStep: boolean): number => {
          const ends: Record<string, (() => void)[]> = {};
          let at = 1000;
          for (const s of steps) {
            at += s.dt;
            if (s.kind === "begin") (ends[s.provider] ??= []).push(health.begin(s.provider, M));
            else if (s.kind === "end") ends[s.provider]?.shift()?.();
            else health.record({ provider: s.provider, model: M, at, ok: s.kind === "ok", impact: s.kind === "ok" ? "success" : s.kind === "fail" ? "failure" : "neutral", latencyMs: s.latencyMs });
            // Routing reads and public reads interleave, as requests and a health endpoint would.
            if (readEachStep) for (const p of providers) s.latencyMs % 2 === 0 ? readForRouting(health, p, M, at) : health.get(p, M, at);
          }
          return at;
        };
        const read = store(settings);
        const end = replay(read, true);
        for (const later of [0, 1, 30_000, 61_000]) {
          const fresh = store(settings);
          replay(fresh, false);
          for (const p of providers) {
            expect(read.get(p, M, end + later)).toEqual(fresh.get(p, M, end + later));
            expect(readForRouting(read, p, M, end + later)).toEqual(fresh.get(p, M, end + later));
          }
          expect(read.snapshot(end + later)).toEqual(fresh.snapshot(end + later));
        }
        expect(read.snapshot(end).map((h) => h.provider)).not.toContain("unseen");
      }),
    );
  });

  it("routing reads one view per pair, refreshed in place; the views `get` handed out never change after", () => {
    const health = store();
    const before = health.get("openai", M, 1000);
    const routed = readForRouting(health, "openai", M, 1000);
    expect(routed).toEqual(before);
    expect(routed).not.toBe(before);
    const snapshotOfBefore = { ...before };
    health.record(fail(2000, { latencyMs: 40 }));
    const end = health.begin("openai", M);
    expect(readForRouting(health, "openai", M, 2000)).toBe(routed);
    expect([routed.lat_ewma_60s, routed.err_ewma_60s, routed.inflight, routed.attempts_60s]).toEqual([40, 1, 1, 1]);
    const after = health.get("openai", M, 2000);
    expect(after).toEqual(routed);
    end();
    health.record(fail(3000, { latencyMs: 10 }));
    readForRouting(health, "openai", M, 3000);
    health.get("openai", M, 3000);
    expect(before).toEqual(snapshotOfBefore);
    expect([after.inflight, after.attempts_60s, after.lat_ewma_60s]).toEqual([1, 1, 40]);
  });

  it("routing reads a store of the user's own through `get`", () => {
    const own = store();
    own.record(fail(1000));
    const wrapped = { get: own.get, admit: own.admit, record: own.record, begin: own.begin, snapshot: own.snapshot };
    const h = readForRouting(wrapped, "openai", M, 1000);
    expect(h).toBe(own.get("openai", M, 1000));
    expect(h.err_ewma_60s).toBe(1);
  });

  it("keeps at most MAX_UNSEEN_ENTRIES pairs that were only read; past that, reads still give the defaults, and a write registers the pair", () => {
    const health = store();
    // A kept entry hands back the same view object while nothing changed; a pair not kept gets a fresh one.
    const kept = (provider: string): boolean => {
      const first = health.get(provider, M, 0);
      return health.get(provider, M, 0) === first;
    };
    for (let i = 0; i < MAX_UNSEEN_ENTRIES; i++) health.get(`reader-${i}`, M, 0);
    expect(kept("reader-0")).toBe(true);
    expect(kept("one-too-many")).toBe(false);
    expect(health.get("one-too-many", M, 0).lat_ewma_60s).toBe(800);
    // A written pair leaves the read-only count, so there is room for one more read-only pair.
    health.record(fail(1000, { provider: "reader-1" }));
    expect(health.snapshot(1000).map((h) => h.provider)).toEqual(["reader-1"]);
    expect(kept("one-too-many")).toBe(true);
    // A pair first seen by a write is registered whatever the read-only count.
    health.record(fail(1000, { provider: "writer" }));
    expect(health.snapshot(1000).map((h) => h.provider)).toEqual(["reader-1", "writer"]);
  });
});
