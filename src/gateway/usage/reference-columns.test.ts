import { describe, expect, it } from "vitest";
import { createRandomFactory } from "../../core/random.js";
import { VirtualClock } from "../../core/virtual-clock.js";
import { scriptedFetch } from "../../providers/__fixtures__/scripted-fetch.js";
import { loadDefaultCatalog } from "../catalog/load-catalog.js";
import { createGateway } from "../create-gateway.js";
import { createPresetStore } from "../presets/preset-store.js";
import { referenceColumns } from "./reference-columns.js";

describe("referenceColumns", () => {
  it("names attempts as the reference's attempt log, back to back from the request start", () => {
    const columns = referenceColumns({
      id: "G-1",
      startedAt: 1_000,
      model: "openai/gpt-5.4-nano",
      provider: "openai-eu",
      stream: false,
      attempts: [
        { attempt: 1, provider: "openai", outcome: "retryable_error", status: 503, duration_ms: 50, error_code: "upstream_error", message: "503" },
        { attempt: 2, provider: "openai-eu", outcome: "success", status: 200, duration_ms: 100, was_probe: false },
      ],
      statusCode: 200,
      generationMs: 100,
      providerTtftMs: null,
      overheadMs: 50,
      costUsd: 0.0000123,
      throughput: null,
      finishReason: "stop",
      detail: { routing_diagnostics: null, plugin_executions: [], response_cache: null },
    });
    expect(columns).toMatchObject({
      request_id: "G-1",
      endpoint: "responses",
      model_id: "openai/gpt-5.4-nano",
      provider: "openai-eu",
      status_code: 200,
      success: true,
      cost_nanos: 12_300,
      currency: "USD",
      finish_reason: "stop",
      generation_ms: 100,
      phaseo_overhead_ms: 50,
    });
    expect(columns.provider_attempts).toEqual([
      {
        attempt_number: 1,
        started_at_unix_ms: 1_000,
        provider: "openai",
        endpoint: "responses",
        model: "openai/gpt-5.4-nano",
        outcome: "retryable_error",
        type: "upstream_error",
        duration_ms: 50,
        status: 503,
        retryable: true,
        upstream_error_code: "upstream_error",
        upstream_error_message: "503",
        response_kind: "completed",
        was_probe: false,
      },
      {
        attempt_number: 2,
        started_at_unix_ms: 1_050,
        provider: "openai-eu",
        endpoint: "responses",
        model: "openai/gpt-5.4-nano",
        outcome: "success",
        type: "success",
        duration_ms: 100,
        status: 200,
        retryable: null,
        upstream_error_code: null,
        upstream_error_message: null,
        response_kind: "completed",
        was_probe: false,
      },
    ]);
  });

  it("fills provider_ttft_ms for streams only, as after/audit.ts:507-509 does", () => {
    const input = {
      id: "G-2",
      startedAt: 0,
      model: "openai/gpt-5.4-nano",
      provider: "openai",
      attempts: [{ attempt: 1, provider: "openai", outcome: "success" as const, status: 200, duration_ms: 80 }],
      statusCode: 200,
      generationMs: 300,
      providerTtftMs: 80,
      overheadMs: 0,
      costUsd: 0,
      throughput: null,
      finishReason: "stop",
      detail: { routing_diagnostics: null, plugin_executions: [], response_cache: null },
    };
    expect(referenceColumns({ ...input, stream: true }).provider_ttft_ms).toBe(80);
    expect(referenceColumns({ ...input, stream: false }).provider_ttft_ms).toBeNull();
  });

  it("are written on every usage record the gateway appends", async () => {
    const catalog = loadDefaultCatalog();
    if (!catalog.ok) throw new Error("catalog");
    const clock = new VirtualClock({ start: Date.UTC(2026, 4, 19) });
    const body = JSON.stringify({
      id: "c",
      object: "chat.completion",
      created: 1,
      model: "gpt-5.4-nano",
      choices: [{ index: 0, message: { role: "assistant", content: "ok", refusal: null }, finish_reason: "stop" }],
      usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
    });
    const fake = scriptedFetch(clock, () => ({ kind: "response", status: 200, headers: { "content-type": "application/json" }, headersAfterMs: 40, chunks: [{ text: body }] }));
    const gateway = createGateway({ fetch: fake.fetch, clock, random: createRandomFactory("columns"), catalog: catalog.value, presets: createPresetStore([]) });
    const response = await clock.run(() => gateway.respond({ model: "openai/gpt-5.4-nano", input: "x" }));
    const record = gateway.usage.get(response.kind === "json" ? String((response.body as { id: string }).id) : "");
    expect(record).toMatchObject({
      request_id: record?.id,
      endpoint: "responses",
      model_id: "openai/gpt-5.4-nano",
      provider: record?.selected_provider,
      status_code: 200,
      success: true,
      finish_reason: "stop",
      generation_ms: 40,
    });
    expect(record?.detail_metadata.response_cache).toBe(record?.response_cache);
    expect(record?.provider_attempts).toHaveLength(1);
    // detail_metadata.routing_diagnostics is built on read, and a JSON export carries it.
    const exported = JSON.parse(JSON.stringify(record)) as { detail_metadata: { routing_diagnostics: { endpoint: string; rankedProviders: { providerId: string }[] } } };
    expect(exported.detail_metadata.routing_diagnostics.endpoint).toBe("responses");
    expect(exported.detail_metadata.routing_diagnostics.rankedProviders[0]?.providerId).toBe(record?.selected_provider);
  });
});
