import { describe, expect, it } from "vitest";
import { GatewayError } from "../../core/errors.js";
import { makeOffer } from "../routing/route-fixtures.js";
import type { AttemptRecord, HealthObservation, HealthStore } from "../types.js";
import { type AttemptResult, type ExecutionEnv, executeWithFailover } from "./execute.js";

/** A health store that admits all but `blocked` and logs every begin, end and record in order. */
function journal(blocked: readonly string[] = []) {
  const log: string[] = [];
  const health: HealthStore = {
    get: () => {
      throw new Error("routing is not under test");
    },
    admit: (provider) => (blocked.includes(provider) ? "blocked" : provider === "probe" ? "probe" : "closed"),
    record: (o: HealthObservation) => void log.push(`record ${o.provider} ${o.ok ? "ok" : o.impact}${o.probe ? " probe" : ""}`),
    begin: (provider) => {
      log.push(`begin ${provider}`);
      return () => void log.push(`end ${provider}`);
    },
    snapshot: () => [],
  };
  let t = 0;
  const env: ExecutionEnv = { health, now: () => (t += 10), sampleKey: "ws|req", model: "m", onAttempt: (r: AttemptRecord) => void log.push(`attempt ${r.attempt} ${r.provider} ${r.outcome}`) };
  return { log, env };
}

const ok = (value: string): AttemptResult<string> => ({ ok: true, value, status: 200, durationMs: 5, health: { latencyMs: 5, generationMs: 5, tokensIn: 1, tokensOut: 1 } });
const http = (status: number): AttemptResult<string> => ({ ok: false, error: new GatewayError("upstream_http_error", `HTTP ${status}`, { upstreamStatus: status }), status, durationMs: 5 });

describe("executeWithFailover", () => {
  it("moves past blocked and failed candidates to the first success, ending each attempt before judging it", async () => {
    const { log, env } = journal(["blocked"]);
    const offers = ["blocked", "down", "probe", "never"].map((p) => makeOffer(p));
    const outcome = await executeWithFailover(offers, true, env, (offer) => Promise.resolve(offer.provider === "down" ? http(503) : ok(offer.provider)));
    expect(outcome).toMatchObject({ ok: true, value: "probe", probe: true, offer: { provider: "probe" } });
    expect(outcome.attempts.map((a) => [a.attempt, a.outcome])).toEqual([
      [1, "blocked"],
      [2, "upstream_non_2xx"],
      [3, "success"],
    ]);
    expect(log).toEqual([
      "attempt 1 blocked blocked",
      "begin down",
      "end down",
      "attempt 2 down upstream_non_2xx",
      "record down failure",
      "begin probe",
      "end probe",
      "attempt 3 probe success",
      "record probe ok probe",
    ]);
  });

  it("tries only the first candidate without fallbacks, and fails as all candidates failed", async () => {
    const { env } = journal();
    const outcome = await executeWithFailover([makeOffer("a"), makeOffer("b")], false, env, () => Promise.resolve(http(500)));
    expect(outcome.ok).toBe(false);
    expect(outcome.attempts).toHaveLength(1);
    if (!outcome.ok) expect(outcome.error.toBody("G-1")).toMatchObject({ reason: "all_candidates_failed", attempt_count: 1 });
  });

  it("answers at once, without a call, when every candidate is blocked", async () => {
    const { env } = journal(["a", "b"]);
    let calls = 0;
    const outcome = await executeWithFailover([makeOffer("a"), makeOffer("b")], true, env, () => {
      calls++;
      return Promise.resolve(ok("x"));
    });
    expect(calls).toBe(0);
    expect(outcome).toMatchObject({ ok: false, attempts: [{ outcome: "blocked" }, { outcome: "blocked" }] });
  });

  it("stops at a cancelled attempt: no other provider is tried", async () => {
    const { log, env } = journal();
    const cancelled = new GatewayError("gateway_error", "cancelled", { extra: { reason: "cancelled" } });
    const outcome = await executeWithFailover([makeOffer("a"), makeOffer("b")], true, env, () => Promise.resolve({ ok: false, error: cancelled, status: null, durationMs: 1 }));
    expect(outcome).toMatchObject({ ok: false, error: cancelled, attempts: [{ provider: "a" }] });
    expect(log.filter((line) => line.startsWith("begin"))).toEqual(["begin a"]);
  });

  it("rejects (never throws at the caller) when an attempt throws or rejects, ending the attempt first", async () => {
    for (const fails of [
      () => Promise.reject(new Error("bug")),
      (): Promise<AttemptResult<string>> => {
        throw new Error("bug");
      },
    ]) {
      const { log, env } = journal();
      let result: Promise<unknown> | undefined;
      expect(() => (result = executeWithFailover([makeOffer("a"), makeOffer("b")], true, env, fails))).not.toThrow();
      await expect(result).rejects.toThrow("bug");
      expect(log).toEqual(["begin a", "end a"]);
    }
    const { env } = journal();
    const second = executeWithFailover([makeOffer("a"), makeOffer("b")], true, env, (offer) => (offer.provider === "a" ? Promise.resolve(http(502)) : Promise.reject(new Error("second"))));
    await expect(second).rejects.toThrow("second");
  });
});
