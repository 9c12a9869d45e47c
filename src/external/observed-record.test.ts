import { describe, expect, it } from "vitest";
import type { JournalEntry } from "../fakes/journal/entry.js";
import type { Catalog } from "../gateway/catalog/schema.js";
import type { ClientAnswer } from "./client/client-answer.js";
import { attemptOf, observedRecord } from "./observed-record.js";

function call(provider: string, status: number | undefined, outcome: JournalEntry["outcome"], usage?: { input: number; output: number }): JournalEntry {
  return {
    seq: 1,
    provider,
    format: "openai-chat",
    start: 0,
    end: 120,
    durationMs: 120,
    method: "POST",
    path: "/v1/chat/completions",
    model: "gpt-5.4-nano",
    gatewayModel: "openai/gpt-5.4-nano",
    stream: false,
    request: undefined,
    draws: undefined,
    queue: undefined,
    faults: [],
    outcome,
    status,
    responseId: undefined,
    events: undefined,
    chunks: undefined,
    finishReason: undefined,
    usage,
    correlation: "r1",
  };
}

const offer = (provider: string, input: number) => ({
  provider,
  model: "openai/gpt-5.4-nano",
  providerModel: "gpt-5.4-nano",
  format: "openai-chat" as const,
  baseUrl: "",
  apiKeyEnv: undefined,
  price: { input, output: 0.4 },
  structuredOutput: true,
  maxOutputTokens: 1000,
  parameters: [],
  weight: 1,
});
const catalog: Catalog = { providers: {}, models: { "openai/gpt-5.4-nano": [offer("openai", 0.05), offer("openai-eu", 0.1)] } };
const answer: ClientAnswer = { httpStatus: 200, status: "completed", errorCode: null, usage: { input: 1000, output: 100 }, text: "ok", ttftMs: null, latencyMs: 400, body: undefined };

describe("observedRecord", () => {
  it("classifies attempts as the built-in gateway does", () => {
    // Every non-2xx answer is upstream_non_2xx, as the reference's attempt loop records it (execute/index.ts:951-1013).
    expect(attemptOf(call("openai", 503, "http_error"), 1).outcome).toBe("upstream_non_2xx");
    expect(attemptOf(call("openai", 400, "invalid_request"), 1).outcome).toBe("upstream_non_2xx");
    expect(attemptOf(call("openai", undefined, "connection_error"), 1)).toMatchObject({ outcome: "retryable_error", status: null });
    expect(attemptOf(call("openai", 200, "ok"), 2)).toMatchObject({ attempt: 2, outcome: "success", status: 200 });
  });

  it("attributes the failover path, the serving provider and its cost at the fakes' prices", () => {
    const record = observedRecord({
      id: "r1",
      timeMs: 0,
      seq: 0,
      body: { model: "openai/gpt-5.4-nano" },
      answer,
      catalog,
      calls: [call("openai", 503, "http_error"), call("openai-eu", 200, "ok", { input: 1000, output: 100 })],
    });
    expect(record.attempts.map((a) => `${a.provider} ${a.status}`)).toEqual(["openai 503", "openai-eu 200"]);
    expect(record.selected_provider).toBe("openai-eu");
    expect(record.cost_usd).toBeCloseTo((1000 * 0.1 + 100 * 0.4) / 1e6, 12);
    expect(record.routing_diagnostics).toBeNull();
  });

  it("names no provider when the client got an error", () => {
    const record = observedRecord({ id: "r1", timeMs: 0, seq: 1, body: {}, answer: { ...answer, httpStatus: 503, status: "failed" }, catalog, calls: [call("openai", 503, "http_error")] });
    expect(record.selected_provider).toBeNull();
    expect(record.status).toBe("failed");
  });
});
