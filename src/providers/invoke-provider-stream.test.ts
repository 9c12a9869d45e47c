import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/virtual-clock.js";
import { fixtureText, splitEvery } from "./__fixtures__/fixtures.js";
import { scriptedFetch, type Script } from "./__fixtures__/scripted-fetch.js";
import { invokeProviderStream, type InvokeProviderOptions, type InvokeStreamResult } from "./invoke-provider.js";
import { ADAPTERS } from "./registry.js";
import type { StreamDelta, UpstreamRequest } from "./types.js";
import type { WireFormat } from "./wire-formats.js";

const sse = { "content-type": "text/event-stream; charset=utf-8" };
const request: UpstreamRequest = { model: "m", messages: [{ role: "user", content: "Hi" }], stream: true };

/** The transcript's events, each with its blank line, as separate body chunks `everyMs` apart. */
function eventChunks(format: WireFormat, name: string, everyMs = 0): Array<{ afterMs: number; text: string }> {
  return fixtureText(format, name)
    .split(/(?<=\n\n)/)
    .map((text) => ({ afterMs: everyMs, text }));
}

function setup(format: WireFormat, script: Script, overrides: Partial<InvokeProviderOptions> = {}) {
  const clock = new VirtualClock();
  const fake = scriptedFetch(clock, () => script);
  const options: InvokeProviderOptions = {
    adapter: ADAPTERS[format],
    fetch: fake.fetch,
    clock,
    request,
    target: { baseUrl: "https://provider.test", apiKey: "k" },
    timeoutMs: 10_000,
    ...overrides,
  };
  return { clock, fake, options };
}

/** Runs the call and reads every delta, on the virtual clock. */
async function runAll(clock: VirtualClock, options: InvokeProviderOptions) {
  return clock.run(async () => {
    const outcome: InvokeStreamResult = await invokeProviderStream(options);
    if (!outcome.ok) return { outcome, deltas: [] as StreamDelta[], end: undefined };
    const deltas: StreamDelta[] = [];
    for await (const delta of outcome.deltas) deltas.push(delta);
    return { outcome, deltas, end: await outcome.done };
  });
}

describe("invokeProviderStream", () => {
  it("streams the recorded OpenAI transcript, timing ttft on the clock", async () => {
    const chunks = eventChunks("openai-chat", "stream-basic.sse", 50);
    const { clock, fake, options } = setup("openai-chat", { kind: "response", headers: sse, headersAfterMs: 200, chunks });
    const { outcome, deltas, end } = await runAll(clock, options);
    // headers 200 ms, then the role chunk at +50 and the first text chunk at +100.
    expect(outcome).toMatchObject({ ok: true, status: 200, ttftMs: 300 });
    expect(deltas.map((d) => d.type)).toEqual(["start", ...Array<string>(7).fill("text"), "usage", "finish"]);
    expect(end).toEqual({
      result: {
        id: "chatcmpl-CrTD6hYs3kPb9Vz4gWuX8eLqMfNc7",
        model: "gpt-5.4-nano-2026-03-05",
        text: "The capital of France is Paris.",
        finishReason: "stop",
        usage: { inputTokens: 24, outputTokens: 8 },
      },
      durationMs: 200 + chunks.length * 50,
      ttftMs: 300,
    });
    const sent = JSON.parse(fake.requests[0]?.body ?? "") as Record<string, unknown>;
    expect(sent).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it("streams the recorded Anthropic transcript", async () => {
    const { clock, options } = setup("anthropic-messages", { kind: "response", headers: sse, chunks: eventChunks("anthropic-messages", "stream-basic.sse", 10) });
    const { end } = await runAll(clock, options);
    expect(end).toMatchObject({
      result: { id: "msg_01Jp3Vx8WqRt5Nc2ZbYk7HmL", text: "The capital of France is Paris.", finishReason: "stop", usage: { inputTokens: 19, outputTokens: 10 } },
    });
  });

  it("reassembles events split across arbitrary network chunks", async () => {
    for (const format of ["openai-chat", "anthropic-messages"] as const) {
      const chunks = splitEvery(fixtureText(format, "stream-basic.sse"), 7).map((text) => ({ text }));
      const { clock, options } = setup(format, { kind: "response", headers: sse, chunks });
      const { end } = await runAll(clock, options);
      expect(end && "result" in end && end.result.text).toBe("The capital of France is Paris.");
    }
  });

  it("settles done without anyone reading the deltas", async () => {
    const { clock, options } = setup("openai-chat", { kind: "response", headers: sse, chunks: eventChunks("openai-chat", "stream-basic.sse", 5) });
    const end = await clock.run(async () => {
      const outcome = await invokeProviderStream(options);
      return outcome.ok ? outcome.done : undefined;
    });
    expect(end && "result" in end && end.result.finishReason).toBe("stop");
  });

  it("fails a stream cut before its final event with upstream_invalid_response", async () => {
    const chunks = eventChunks("openai-chat", "stream-basic.sse", 20).slice(0, -1);
    const { clock, options } = setup("openai-chat", { kind: "response", headers: sse, chunks });
    const { outcome, deltas, end } = await runAll(clock, options);
    expect(outcome.ok).toBe(true);
    expect(deltas.at(-1)?.type).toBe("error");
    expect(end && "error" in end && end.error.code).toBe("upstream_invalid_response");
    expect(end && "error" in end && end.error.message).toBe("openai-chat stream ended before its final event");
    expect(end?.durationMs).toBe(chunks.length * 20);
  });

  it("treats a final event that lost its blank line as cut", async () => {
    const chunks = eventChunks("anthropic-messages", "stream-basic.sse");
    const last = chunks.at(-1);
    if (last) last.text = last.text.trimEnd();
    const { clock, options } = setup("anthropic-messages", { kind: "response", headers: sse, chunks });
    const { end } = await runAll(clock, options);
    expect(end && "error" in end && end.error.message).toBe("anthropic-messages stream ended before its final event");
  });

  it("returns the failure object when the stream dies before its first text, so the caller can fail over", async () => {
    const chunks = eventChunks("openai-chat", "stream-basic.sse", 20).slice(0, 1);
    const { clock, options } = setup("openai-chat", { kind: "response", headers: sse, headersAfterMs: 100, chunks });
    const { outcome } = await runAll(clock, options);
    expect(outcome).toMatchObject({ ok: false, status: 200, durationMs: 120 });
    expect(!outcome.ok && outcome.error.code).toBe("upstream_invalid_response");
  });

  it("fails on a malformed JSON chunk mid-stream", async () => {
    const chunks = [...eventChunks("openai-chat", "stream-basic.sse").slice(0, 3), { afterMs: 0, text: 'data: {"id":"chatcmpl-x","choices":[{"delta"\n\n' }];
    const { clock, options } = setup("openai-chat", { kind: "response", headers: sse, chunks });
    const { outcome, deltas, end } = await runAll(clock, options);
    expect(outcome.ok).toBe(true);
    expect(deltas.filter((d) => d.type === "text")).toHaveLength(2);
    expect(end && "error" in end && end.error.code).toBe("upstream_invalid_response");
  });

  it("returns an Anthropic overloaded error before any text as a retryable 529 failure", async () => {
    const { clock, options } = setup("anthropic-messages", { kind: "response", headers: sse, chunks: eventChunks("anthropic-messages", "stream-overloaded.sse", 40) });
    const { outcome } = await runAll(clock, options);
    expect(outcome).toMatchObject({ ok: false, status: 200, durationMs: 120 });
    if (outcome.ok) return;
    expect(outcome.error.upstreamStatus).toBe(529);
    expect(outcome.error.isRetryable).toBe(true);
  });

  it("ends the deltas with the error of an Anthropic overload after text had begun", async () => {
    const { clock, options } = setup("anthropic-messages", { kind: "response", headers: sse, chunks: eventChunks("anthropic-messages", "stream-overloaded-mid.sse", 40) });
    const { outcome, deltas, end } = await runAll(clock, options);
    expect(outcome).toMatchObject({ ok: true, ttftMs: 120 });
    expect(deltas.map((d) => d.type)).toEqual(["start", "usage", "text", "error"]);
    expect(end).toMatchObject({ durationMs: 160 });
    expect(end && "error" in end && end.error.upstreamStatus).toBe(529);
  });

  it("times out a stream that goes silent, timeoutMs after its last chunk", async () => {
    const chunks = eventChunks("openai-chat", "stream-basic.sse", 100).slice(0, 4);
    const { clock, options } = setup("openai-chat", { kind: "response", headers: sse, chunks, hang: true }, { timeoutMs: 5_000 });
    const { outcome, end } = await runAll(clock, options);
    expect(outcome.ok).toBe(true);
    expect(end && "error" in end && end.error.code).toBe("upstream_timeout");
    expect(end?.durationMs).toBe(400 + 5_000);
  });

  it("keeps a slow but steady stream alive past timeoutMs in total", async () => {
    const chunks = eventChunks("openai-chat", "stream-basic.sse", 900);
    const { clock, options } = setup("openai-chat", { kind: "response", headers: sse, chunks }, { timeoutMs: 1_000 });
    const { end } = await runAll(clock, options);
    expect(end && "result" in end).toBe(true);
    expect(end?.durationMs).toBe(chunks.length * 900);
  });

  it.each([
    ["before the headers", { headersAfterMs: 30_000 }, 8_000, null],
    ["after the headers, before any event", { headersAfterMs: 500, hang: true }, 8_500, 200],
  ] as const)("times out %s as a failure", async (_label, script, durationMs, status) => {
    const { clock, options } = setup("openai-chat", { kind: "response", headers: sse, ...script }, { timeoutMs: 8_000 });
    const { outcome } = await runAll(clock, options);
    expect(outcome).toMatchObject({ ok: false, durationMs, status });
    expect(!outcome.ok && outcome.error.code).toBe("upstream_timeout");
  });

  it("cancels the upstream call when the consumer stops reading", async () => {
    const chunks = eventChunks("openai-chat", "stream-basic.sse", 100);
    const { clock, fake, options } = setup("openai-chat", { kind: "response", headers: sse, chunks });
    let signal: AbortSignal | undefined;
    const spy: typeof fetch = (input, init) => {
      signal = init?.signal ?? undefined;
      return fake.fetch(input, init);
    };
    const end = await clock.run(async () => {
      const outcome = await invokeProviderStream({ ...options, fetch: spy });
      if (!outcome.ok) return undefined;
      for await (const delta of outcome.deltas) if (delta.type === "text") break;
      return outcome.done;
    });
    expect(signal?.aborted).toBe(true);
    expect(end && "error" in end && end.error.code).toBe("gateway_error");
    expect(end && "error" in end && end.error.isRetryable).toBe(false);
  });

  it("measures ttft at completion for a stream without text", async () => {
    const base = { id: "chatcmpl-t", object: "chat.completion.chunk", created: 1, model: "m" };
    const chunks = [
      { choices: [{ index: 0, delta: { role: "assistant", content: null }, finish_reason: null }] },
      { choices: [{ index: 0, delta: {}, finish_reason: "tool_calls" }] },
      { choices: [], usage: { prompt_tokens: 9, completion_tokens: 4 } },
    ].map((c) => ({ afterMs: 30, text: `data: ${JSON.stringify({ ...base, ...c })}\n\n` }));
    const { clock, options } = setup("openai-chat", { kind: "response", headers: sse, chunks: [...chunks, { afterMs: 30, text: "data: [DONE]\n\n" }] });
    const { outcome, end } = await runAll(clock, options);
    expect(outcome).toMatchObject({ ok: true, ttftMs: 120 });
    expect(end).toMatchObject({ ttftMs: 120, result: { text: "", finishReason: "tool_calls", usage: { inputTokens: 9, outputTokens: 4 } } });
  });

  it("rejects a JSON answer to a stream request", async () => {
    const body = fixtureText("openai-chat", "response-basic.json");
    const { clock, options } = setup("openai-chat", { kind: "response", headers: { "content-type": "application/json" }, chunks: [{ text: body }] });
    const { outcome } = await runAll(clock, options);
    expect(outcome).toMatchObject({ ok: false, status: 200 });
    expect(!outcome.ok && outcome.error.message).toContain("answered a stream request with a JSON body");
  });

  it("maps a non-2xx answer with the adapter's parseError", async () => {
    const chunks = [{ text: fixtureText("anthropic-messages", "error-529.json") }];
    const headers = { "content-type": "application/json" };
    const { clock, options } = setup("anthropic-messages", { kind: "response", status: 529, headers, headersAfterMs: 70, chunks });
    const { outcome } = await runAll(clock, options);
    expect(outcome).toMatchObject({ ok: false, status: 529, durationMs: 70 });
    expect(!outcome.ok && outcome.error.isRetryable).toBe(true);
  });
});
