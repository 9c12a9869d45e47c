import { describe, expect, it } from "vitest";
import { fromReferenceRow, readReferenceLine, SCORE_FACTOR_KEYS } from "./read-reference-log.js";
import { type ReferenceRow, referenceRowSchema } from "./reference-row-schema.js";

/** A minimal `gateway_requests` row: one successful attempt, no diagnostics. */
function row(overrides: Record<string, unknown> = {}): ReferenceRow {
  return referenceRowSchema.parse({
    request_id: "G-01",
    created_at: "2026-08-22T10:15:01.000000+00:00",
    endpoint: "responses",
    model_id: "openai/gpt-5.4-nano",
    provider: "openai",
    provider_attempts: [{ attempt_number: 1, started_at_unix_ms: 1_000, provider: "openai", outcome: "success", duration_ms: 400, status: 200 }],
    status_code: 200,
    success: true,
    detail_metadata: {},
    ...overrides,
  });
}

const diagnostics = (overrides: Record<string, unknown>) => ({ model: "openai/gpt-5.4-nano", filterStages: [], consideredProviders: [], rankedProviders: [], ...overrides });

function converted(overrides: Record<string, unknown>) {
  const result = fromReferenceRow(row(overrides));
  if (!result.ok) throw new Error(result.message);
  return result.record;
}

describe("fromReferenceRow", () => {
  it("names the routing strategy the reference does not log, from how the mode was chosen", () => {
    const strategy = (d: Record<string, unknown>) => converted({ detail_metadata: { routing_diagnostics: diagnostics(d) } }).routing_diagnostics?.strategy;
    expect(strategy({ routingMode: "balanced", requestedRouting: { requestedMode: null } })).toBe("balanced_sort");
    // A preset's mode is not a request sort: ranked by weighted shuffle (routing.ts:818-821).
    expect(strategy({ routingMode: "price", requestedRouting: { requestedMode: null } })).toBe("weighted_shuffle");
    // Any requested spelling, known or not, sorts deterministically; so does a strict suffix.
    expect(strategy({ routingMode: "balanced", requestedRouting: { requestedMode: "fastest" } })).toBe("explicit_sort");
    expect(strategy({ routingMode: "throughput", priority: "nitro" })).toBe("explicit_sort");
    // gateway-sim's own block, when the row came from gateway-sim, is taken as written.
    expect(strategy({ routingMode: "balanced", gateway_sim: { strategy: "pinned", sort: null, placedBy: {} } })).toBe("pinned");
  });

  it("sends the requested mode again as written, so an unknown spelling replays as it routed", () => {
    const record = converted({ detail_metadata: { routing_diagnostics: diagnostics({ routingMode: "balanced", requestedRouting: { requestedMode: "fastest" } }) } });
    expect(record.routing_diagnostics?.sort).toBe("fastest");
  });

  it("maps the snapshot's factor tuple onto the fifteen factor names, in routing.ts order", () => {
    const values = SCORE_FACTOR_KEYS.map((_, i) => i / 10);
    const record = converted({
      detail_metadata: {
        routing_diagnostics: diagnostics({ routingMode: "price", requestedRouting: { requestedMode: "price" } }),
        routing_snapshot: [
          { rank: 2, provider: "openai-eu", breaker: "closed", score_factor_values: values },
          { rank: 1, provider: "openai", breaker: "half_open", score_factor_values: [1, 2] },
        ],
      },
    });
    const ranked = record.routing_diagnostics?.rankedProviders ?? [];
    expect(ranked.map((p) => [p.provider, p.rank, p.breaker, p.placedBy])).toEqual([
      ["openai", 1, "half_open", "sort"],
      ["openai-eu", 2, "closed", "sort"],
    ]);
    // A tuple of the wrong length is not guessed at.
    expect(ranked[0]?.scoreFactors).toBeUndefined();
    expect(ranked[1]?.scoreFactors?.["priceScore"]).toBe(0.4);
    expect(ranked[1]?.scoreFactors?.["throughputPreferenceMultiplier"]).toBe(1.4);
  });

  it("dates a request by its first timed attempt, else by its insert time less its whole time", () => {
    const untimedFirst = converted({
      provider_attempts: [
        { attempt_number: 1, provider: "openai", outcome: "upstream_non_2xx", duration_ms: 250, status: 503 },
        { attempt_number: 2, started_at_unix_ms: 5_250, provider: "openai-eu", outcome: "success", duration_ms: 400, status: 200 },
      ],
    });
    expect(untimedFirst.time_ms).toBe(5_000);
    const noAttempts = converted({ provider_attempts: [], generation_ms: 0, phaseo_overhead_ms: 12 });
    expect(noAttempts.time_ms).toBe(Date.parse("2026-08-22T10:15:01Z") - 12);
    const untimed = fromReferenceRow(row({ provider_attempts: [], created_at: undefined }));
    expect(untimed).toEqual({ ok: false, message: "reference generation record without a time: no provider_attempts[].started_at_unix_ms and no created_at" });
  });

  it("reads tokens from the usage object or the flattened columns, and an unlogged status from success", () => {
    const record = converted({ usage: {}, usage_input_tokens: 7, usage_output_tokens: 9, status_code: null, success: false, provider: null });
    expect(record.usage).toEqual({ input_tokens: 7, output_tokens: 9, total_tokens: 16 });
    expect([record.status, record.http_status]).toEqual(["failed", 502]);
    expect(converted({ finish_reason: "length" }).status).toBe("incomplete");
  });
});

describe("readReferenceLine", () => {
  it("never reads a broken gateway-sim record through the reference columns it also carries", () => {
    const reading = readReferenceLine({ ...row(), time_ms: 1, selected_provider: "openai", status: "odd", http_status: 200, attempts: [] }, []);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toMatch(/^not a usage record: closest to a gateway-sim usage record \(5 of its 9 key fields\)/);
  });

  it("says so when a line has nothing of either format", () => {
    const reading = readReferenceLine({ hello: "world" }, []);
    expect(reading.ok || reading.message).toMatch(/^not a usage record: neither a gateway-sim usage record \(time_ms, .*\) nor a reference \(Phaseo\) generation record \(request_id, /);
  });
});
