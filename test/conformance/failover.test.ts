// Runs the reference's failover vectors (failover.vectors.ts): the all-failed error against
// allCandidatesFailed, the attempt loop against executeWithFailover with a scripted health store.
import { describe, expect, it } from "vitest";
import { GatewayError } from "../../src/core/errors.js";
import { allCandidatesFailed } from "../../src/gateway/pipeline/all-candidates-failed.js";
import { executeWithFailover, type AttemptResult } from "../../src/gateway/pipeline/execute.js";
import { makeOffer } from "../../src/gateway/routing/route-fixtures.js";
import type { HealthObservation, HealthStore } from "../../src/gateway/types.js";
import { ATTEMPT_LOOP_TEST, DIAGNOSTICS_VECTORS, GUARD_NOT_PORTED, GUARD_VECTORS, GUARDS_TEST, LOOP_NOT_PORTED, LOOP_VECTORS } from "./failover.vectors.js";

function attemptError(e: (typeof GUARD_VECTORS)[number]["errors"][number]) {
  return {
    provider: e.provider,
    type: e.type,
    status: e.status ?? null,
    upstream_error_code: e.upstream_error_code ?? null,
    upstream_error_message: e.upstream_error_message ?? null,
    upstream_error_description: e.upstream_error_description ?? null,
    upstream_error_param: e.upstream_error_param ?? null,
    upstream_payload_preview: null,
    retryable: null,
  };
}

describe(`conformance: ${GUARDS_TEST}`, () => {
  for (const v of GUARD_VECTORS) {
    it(`${v.test} (line ${v.line})`, () => {
      const errors = v.errors.map(attemptError);
      const body = allCandidatesFailed(errors, v.model, v.endpoint).toBody("G-1");
      expect(body.status_code).toBe(v.status);
      expect(body.error).toBe(v.error);
      expect(body.reason).toBe(v.reason);
      for (const text of v.contains) expect(body.description).toContain(text);
      for (const text of v.notContains ?? []) expect(body.description).not.toContain(text);
      const { failure_sample_0_param_contains: paramContains, ...fields } = (v.fields ?? {}) as Record<string, unknown>;
      expect(body).toMatchObject(fields);
      if (typeof paramContains === "string") expect((body.failure_sample as { upstream_error_param: string }[])[0]?.upstream_error_param).toContain(paramContains);
      if (errors.length > 0) expect(Array.isArray(body.failure_sample) && body.failure_sample.length).toBe(Math.min(3, errors.length));
    });
  }
  for (const v of DIAGNOSTICS_VECTORS) {
    it(`${v.test} (line ${v.line})`, () => {
      const body = allCandidatesFailed([attemptError(v.error)], "openai/gpt-4.1-mini").toBody("G-1");
      expect(body.provider_failure_diagnostics).toEqual({ category: v.category, hint: v.hint, provider: v.error.provider });
    });
  }
  it(`lists the ${GUARD_NOT_PORTED.length} test not ported, with a reason`, () => {
    expect(GUARD_VECTORS.length + DIAGNOSTICS_VECTORS.length + GUARD_NOT_PORTED.length).toBe(14);
  });
});

describe(`conformance: ${ATTEMPT_LOOP_TEST}`, () => {
  for (const v of LOOP_VECTORS) {
    it(`${v.test} (line ${v.line})`, async () => {
      const offers = v.script.map((_, i) => makeOffer(["first", "second", "third", "fourth"][i] ?? `p${i}`));
      const recorded: HealthObservation[] = [];
      const health: HealthStore = {
        get: () => {
          throw new Error("routing is not under test");
        },
        admit: (provider) => ((v.script[offers.findIndex((o) => o.provider === provider)] as { blocked?: true } | undefined)?.blocked ? "blocked" : "closed"),
        record: (o) => void recorded.push(o),
        begin: () => () => undefined,
        snapshot: () => [],
      };
      const called = offers.map(() => false);
      let t = 0;
      const outcome = await executeWithFailover(offers, v.allowFallbacks, { health, now: () => (t += 10), sampleKey: "ws|req", model: "m" }, async (offer): Promise<AttemptResult<string>> => {
        const i = offers.indexOf(offer);
        called[i] = true;
        const step = v.script[i];
        if (step && "thrown" in step) {
          // A connection failure is flagged retryable; an unreadable body is not.
          const error = step.thrown === "retryable" ? new GatewayError("upstream_connection_error", "Network connection lost.") : new GatewayError("gateway_error", "bad body");
          return { ok: false, error, status: null, durationMs: 5 };
        }
        const status = step && "status" in step ? step.status : 200;
        if (status >= 200 && status < 300) return { ok: true, value: "answer", status, durationMs: 5, health: { latencyMs: 5, generationMs: 5, tokensIn: 1, tokensOut: 1 } };
        return { ok: false, error: new GatewayError("upstream_http_error", `HTTP ${status}`, { upstreamStatus: status }), status, durationMs: 5 };
      });
      expect(called).toEqual([...v.called, ...offers.slice(v.called.length).map(() => false)]);
      expect(outcome.attempts.map((a) => a.outcome)).toEqual(v.outcomes);
      expect(outcome.ok).toBe(v.ok);
      if (!outcome.ok) expect(outcome.error.toBody("G-1")).toMatchObject({ status_code: 502, error: "upstream_error", reason: "all_candidates_failed", attempt_count: v.outcomes.length });
      if (v.firstRecordsFailure) expect(recorded[0]).toMatchObject({ provider: "first", ok: false, impact: "failure" });
      // A blocked candidate is neither called nor recorded in health.
      expect(recorded.map((r) => r.provider)).toEqual(offers.filter((_, i) => called[i]).map((o) => o.provider));
    });
  }
  it(`lists the ${LOOP_NOT_PORTED.length} tests not ported, each with a reason`, () => {
    expect(LOOP_VECTORS.length + LOOP_NOT_PORTED.length).toBe(12);
  });
});
