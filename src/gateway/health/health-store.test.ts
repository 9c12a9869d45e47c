import { describe, expect, it } from "vitest";
import { defaultGatewaySettings, gatewaySettingsSchema } from "../settings.js";
import type { HealthObservation } from "../types.js";
import { createHealthStore } from "./health-store.js";

const MODEL = "openai/gpt-5.4-nano";
const obs = (at: number, ok: boolean, latencyMs = 1000, throughputTps?: number): HealthObservation => ({
  provider: "openai",
  model: MODEL,
  at,
  ok,
  latencyMs,
  throughputTps,
});

describe("createHealthStore", () => {
  it("reports the defaults for a provider it has never seen, without listing it", () => {
    const store = createHealthStore(defaultGatewaySettings());
    const h = store.get("openai", MODEL, 0);
    expect(h.latencyMs).toEqual({ "10": 800, "60": 800, "300": 800 });
    expect(h.throughputTps).toEqual({ "10": 50, "60": 50, "300": 50 });
    expect(h.errorRate).toEqual({ "10": 0, "60": 0, "300": 0 });
    expect(h.volume["60"]).toBe(0);
    expect(h.breaker.state).toBe("closed");
    expect(store.snapshot(0)).toEqual([]);
  });

  it("computes the time-weighted EWMAs per window (hand-computed values)", () => {
    const store = createHealthStore(defaultGatewaySettings());
    store.record(obs(0, true, 1000, 40));
    store.record(obs(10_000, true, 2000, 80));
    const h = store.get("openai", MODEL, 10_000);
    // 1000 + (1 − e^(−10/τ)) × 1000 for τ = 10, 60, 300.
    expect(h.latencyMs["10"]).toBeCloseTo(1632.1205588, 5);
    expect(h.latencyMs["60"]).toBeCloseTo(1153.5182751, 5);
    expect(h.latencyMs["300"]).toBeCloseTo(1032.7838995, 5);
    // 40 + 0.1535182751 × 40.
    expect(h.throughputTps["60"]).toBeCloseTo(46.1407310, 5);
  });

  it("feeds failures into error rate and volume only, not latency", () => {
    const store = createHealthStore(defaultGatewaySettings());
    store.record(obs(0, true, 1000));
    store.record(obs(10_000, false, 60_000));
    store.record(obs(40_000, false, 60_000));
    const h = store.get("openai", MODEL, 40_000);
    // 0.1535182751, then + (1 − e^(−0.5)) × (1 − 0.1535182751).
    expect(h.errorRate["60"]).toBeCloseTo(0.4865828810, 8);
    expect(h.latencyMs["60"]).toBe(1000);
    expect(h.recentOutcomes).toEqual([true, false, false]);
  });

  it("counts volume as the attempts that ended inside each window, up to `now`", () => {
    const store = createHealthStore(defaultGatewaySettings());
    store.record(obs(0, true));
    store.record(obs(10_000, false));
    store.record(obs(55_000, true));
    expect(store.get("openai", MODEL, 55_000).volume).toEqual({ "10": 1, "60": 3, "300": 3 });
    expect(store.get("openai", MODEL, 64_000).volume).toEqual({ "10": 1, "60": 2, "300": 3 });
    expect(store.get("openai", MODEL, 65_000).volume["10"]).toBe(0); // exactly 10 s old: outside
  });

  it("counts attempts in flight, and an end function only once", () => {
    const store = createHealthStore(defaultGatewaySettings());
    const endA = store.begin("openai", MODEL);
    const endB = store.begin("openai", MODEL);
    expect(store.get("openai", MODEL, 0).inFlight).toBe(2);
    endA();
    endA();
    expect(store.get("openai", MODEL, 0).inFlight).toBe(1);
    endB();
    expect(store.get("openai", MODEL, 0).inFlight).toBe(0);
  });

  it("keeps at most maxObservations recent outcomes, newest last", () => {
    const settings = gatewaySettingsSchema.parse({ routing: { thompson: { maxObservations: 3 } } });
    const store = createHealthStore(settings);
    [true, false, true, true, false].forEach((ok, i) => store.record(obs(i * 1000, ok)));
    expect(store.get("openai", MODEL, 5000).recentOutcomes).toEqual([true, true, false]);
  });

  it("opens the breaker on 60 s error rate ≥ 0.5 with volume ≥ 8, half-opens lazily, closes after 5 probes", () => {
    const store = createHealthStore(defaultGatewaySettings());
    for (let i = 0; i < 7; i++) store.record(obs(i * 1000, false));
    expect(store.get("openai", MODEL, 7000).breaker.state).toBe("closed"); // volume < 8
    store.record(obs(7000, false));
    const opened = store.get("openai", MODEL, 7000);
    expect(opened.volume["60"]).toBe(8);
    expect(opened.breaker).toMatchObject({ state: "open", openedAt: 7000, halfOpenAt: 37_000 });
    expect(store.get("openai", MODEL, 37_000).breaker.state).toBe("half_open");
    for (let i = 0; i < 5; i++) store.record(obs(37_000 + i * 1000, true));
    const closed = store.get("openai", MODEL, 41_000);
    expect(closed.breaker).toMatchObject({ state: "closed", consecutiveOpenings: 0 });
    // Volume restarts at close: one more failure cannot trip it on stale history.
    expect(closed.volume["60"]).toBe(0);
    store.record(obs(42_000, false));
    expect(store.get("openai", MODEL, 42_000).breaker.state).toBe("closed");
  });

  it("lists every provider × model seen, sorted, in snapshot", () => {
    const store = createHealthStore(defaultGatewaySettings());
    store.record({ ...obs(0, true), provider: "openai-eu" });
    store.record(obs(0, true));
    store.begin("anthropic", "anthropic/claude-opus-4.6");
    expect(store.snapshot(0).map((h) => h.provider)).toEqual(["anthropic", "openai", "openai-eu"]);
  });

  it("tracks the error-rate window even when health.windowsSeconds omits it", () => {
    const settings = gatewaySettingsSchema.parse({ health: { windowsSeconds: [5] } });
    const store = createHealthStore(settings);
    store.record(obs(0, false));
    expect(Object.keys(store.get("openai", MODEL, 0).errorRate)).toEqual(["5", "60", "300"]);
  });
});
