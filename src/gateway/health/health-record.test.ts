import { describe, expect, it } from "vitest";
import type { HealthObservation } from "../types.js";
import { applyObservation, healthImpact, newHealthRecord, writeObservation } from "./health-record.js";

const obs = (o: Partial<HealthObservation>): HealthObservation => ({ provider: "p", model: "m", at: 1000, ok: true, impact: "success", latencyMs: 100, ...o });

describe("health record (health.ts:820-908)", () => {
  it("starts at the reference defaults: latency 800, everything else 0", () => {
    const r = newHealthRecord(800);
    expect([r.lat10, r.lat60, r.lat300, r.err60, r.tp60, r.rate60, r.recTot60, r.last60]).toEqual([800, 800, 800, 0, 0, 0, 0, 0]);
  });

  it("the first sample replaces the default (d = 0 while the horizon's timestamp is 0)", () => {
    const r = applyObservation(newHealthRecord(800), obs({ ok: false, impact: "failure", latencyMs: 1200, at: 5000 }));
    expect([r.lat10, r.lat60, r.lat300]).toEqual([1200, 1200, 1200]);
    expect([r.err10, r.err60, r.err300]).toEqual([1, 1, 1]);
    expect(r.recTot60).toBe(1);
    expect(r.recOk60).toBe(0);
    expect([r.last10, r.last60, r.last300]).toEqual([5000, 5000, 5000]);
  });

  it("later samples decay by e^(−Δt/τ); rates grow by 1000/τ", () => {
    const first = applyObservation(newHealthRecord(800), obs({ latencyMs: 100, at: 1000 }));
    const second = applyObservation(first, obs({ latencyMs: 200, at: 61_000 }));
    const d60 = Math.exp(-1);
    expect(second.lat60).toBeCloseTo(100 * d60 + (1 - d60) * 200, 10);
    expect(second.rate60).toBeCloseTo((1 / 60) * d60 + 1 / 60, 12);
    expect(second.rate10).toBeCloseTo(0.1 * Math.exp(-6) + 0.1, 12);
  });

  it("rec_tot_ew_60s is an EWMA of 1: it never exceeds 1, however many calls", () => {
    let r = newHealthRecord(800);
    for (let i = 1; i <= 500; i++) r = applyObservation(r, obs({ ok: false, impact: "failure", at: i * 10 }));
    expect(r.recTot60).toBeLessThanOrEqual(1);
    expect(r.rate60 * 60).toBeGreaterThan(8);
  });

  it("throughput = (input + output tokens) / generation seconds, blended with the default 0 after token-less calls", () => {
    const fresh = applyObservation(newHealthRecord(800), obs({ at: 1000, tokensIn: 100, tokensOut: 100, generationMs: 2000 }));
    expect(fresh.tp60).toBe(100);
    const tokenless = applyObservation(newHealthRecord(800), obs({ at: 1000 }));
    expect(tokenless.tp60).toBe(0);
    const after = applyObservation(tokenless, obs({ at: 2000, tokensIn: 0, tokensOut: 100, generationMs: 1000 }));
    expect(after.tp60).toBeCloseTo(100 * (1 - Math.exp(-1000 / 60_000)), 10);
  });

  it("written in place, a series of calls leaves exactly what the pure update returns, and the pure update leaves its input alone", () => {
    const series = [
      obs({ at: 1000, latencyMs: 120, tokensIn: 10, tokensOut: 90, generationMs: 700 }),
      obs({ at: 1500, ok: false, impact: "failure", latencyMs: 40 }),
      obs({ at: 1500, impact: "neutral", ok: false, latencyMs: 9999 }),
      obs({ at: 64_000, latencyMs: 900, tokensOut: 300, generationMs: 2500 }),
      obs({ at: 64_001, ok: false, impact: "failure", latencyMs: 3000 }),
    ];
    let pure = newHealthRecord(800);
    const inPlace = newHealthRecord(800);
    for (const o of series) {
      const before = { ...pure };
      const next = applyObservation(pure, o);
      expect(pure).toEqual(before);
      pure = next;
      writeObservation(inPlace, o);
      expect(inPlace).toEqual(pure);
    }
  });

  it("a neutral outcome changes nothing", () => {
    const r = applyObservation(newHealthRecord(800), obs({ impact: "neutral", ok: false }));
    expect(r).toEqual(newHealthRecord(800));
  });

  it("classifies 2xx success, aborted neutral, and 3xx, 4xx (429 too), 5xx and no status as failures", () => {
    expect(healthImpact({ status: 200 })).toBe("success");
    expect(healthImpact({ status: 299 })).toBe("success");
    expect(healthImpact({ status: 200, aborted: true })).toBe("neutral");
    for (const status of [301, 400, 401, 404, 429, 500, 503, null]) expect(healthImpact({ status })).toBe("failure");
  });
});
