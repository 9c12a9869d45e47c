import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/virtual-clock.js";
import { fixtureText } from "./__fixtures__/fixtures.js";
import { scriptedFetch, type Script } from "./__fixtures__/scripted-fetch.js";
import { invokeProvider, type InvokeProviderOptions } from "./invoke-provider.js";
import { ADAPTERS } from "./registry.js";
import type { UpstreamRequest } from "./types.js";

const request: UpstreamRequest = { model: "gpt-5.4-nano", messages: [{ role: "user", content: "Capital of France?" }], stream: false };
const target = { baseUrl: "https://api.openai.com/v1", apiKey: "sk-test" };
const json = { "content-type": "application/json" };

function setup(respond: () => Script, overrides: Partial<InvokeProviderOptions> = {}) {
  const clock = new VirtualClock();
  const fake = scriptedFetch(clock, respond);
  const options: InvokeProviderOptions = { adapter: ADAPTERS["openai-chat"], fetch: fake.fetch, clock, request, target, timeoutMs: 10_000, ...overrides };
  return { clock, fake, run: () => clock.run(() => invokeProvider(options)) };
}

describe("invokeProvider", () => {
  it("sends the adapter's request and maps the answer, timed on the clock", async () => {
    const { run, fake } = setup(() => ({
      kind: "response",
      headers: json,
      headersAfterMs: 420,
      chunks: [{ afterMs: 30, text: fixtureText("openai-chat", "response-basic.json") }],
    }));
    const outcome = await run();
    expect(outcome).toEqual({
      ok: true,
      status: 200,
      ttftMs: 420,
      durationMs: 450,
      result: {
        id: "chatcmpl-CrT8kQ2v1mZ0aXbN7yGfE4hJpLwS3",
        model: "gpt-5.4-nano-2026-03-05",
        text: "The capital of France is Paris.",
        finishReason: "stop",
        usage: { inputTokens: 24, outputTokens: 8 },
      },
    });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.url).toBe("https://api.openai.com/v1/chat/completions");
    expect(JSON.parse(fake.requests[0]?.body ?? "")).not.toHaveProperty("stream");
  });

  it("forces a plain call even when the request says stream", async () => {
    const { clock, fake } = setup(() => ({ kind: "response", chunks: [{ text: fixtureText("openai-chat", "response-basic.json") }] }));
    await clock.run(() => invokeProvider({ adapter: ADAPTERS["openai-chat"], fetch: fake.fetch, clock, request: { ...request, stream: true }, target, timeoutMs: 1000 }));
    expect(JSON.parse(fake.requests[0]?.body ?? "")).not.toHaveProperty("stream");
  });

  it("times out at exactly timeoutMs of simulated time and aborts the fetch", async () => {
    const clock = new VirtualClock();
    const fake = scriptedFetch(clock, () => ({ kind: "response", headersAfterMs: 60_000, chunks: [{ text: "{}" }] }));
    let signal: AbortSignal | undefined;
    const spy: typeof fetch = (input, init) => {
      signal = init?.signal ?? undefined;
      return fake.fetch(input, init);
    };
    const outcome = await clock.run(() => invokeProvider({ adapter: ADAPTERS["openai-chat"], fetch: spy, clock, request, target, timeoutMs: 10_000 }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe("upstream_timeout");
    expect(outcome.error.isRetryable).toBe(true);
    expect(outcome.durationMs).toBe(10_000);
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBe(10_000);
    expect(outcome.status).toBeNull();
    expect(signal?.aborted).toBe(true);
  });

  it("counts the body in the deadline of a plain call", async () => {
    const { run } = setup(() => ({ kind: "response", headersAfterMs: 4_000, chunks: [{ text: "{" }, { afterMs: 8_000, text: "}" }] }));
    const outcome = await run();
    expect(outcome).toMatchObject({ ok: false, status: 200, durationMs: 10_000 });
    expect(!outcome.ok && outcome.error.code).toBe("upstream_timeout");
  });

  it("times out even when the fetch ignores its signal", async () => {
    const clock = new VirtualClock();
    const deaf: typeof fetch = () => new Promise<Response>(() => {});
    const outcome = await clock.run(() => invokeProvider({ adapter: ADAPTERS["openai-chat"], fetch: deaf, clock, request, target, timeoutMs: 2_500 }));
    expect(outcome).toMatchObject({ ok: false, durationMs: 2_500 });
    expect(!outcome.ok && outcome.error.code).toBe("upstream_timeout");
  });

  it("maps a connection failure to upstream_connection_error", async () => {
    const cause = new Error("connect ECONNREFUSED 127.0.0.1:443");
    const { run } = setup(() => ({ kind: "network-error", afterMs: 15, error: new TypeError("fetch failed", { cause }) }));
    const outcome = await run();
    expect(outcome).toMatchObject({ ok: false, status: null, durationMs: 15 });
    if (outcome.ok) return;
    expect(outcome.error.code).toBe("upstream_connection_error");
    expect(outcome.error.message).toBe("connection to the provider failed: fetch failed (connect ECONNREFUSED 127.0.0.1:443)");
    expect(outcome.error.isRetryable).toBe(true);
  });

  it.each([
    [429, true],
    [401, false],
  ])("hands a %i body to the adapter's parseError", async (status, retryable) => {
    const { run } = setup(() => ({ kind: "response", status, headers: json, headersAfterMs: 80, chunks: [{ text: fixtureText("openai-chat", `error-${status}.json`) }] }));
    const outcome = await run();
    expect(outcome).toMatchObject({ ok: false, status, durationMs: 80 });
    if (outcome.ok) return;
    expect(outcome.error.code).toBe("upstream_http_error");
    expect(outcome.error.upstreamStatus).toBe(status);
    expect(outcome.error.isRetryable).toBe(retryable);
  });

  it("hands a non-JSON error body to parseError as text", async () => {
    const { run } = setup(() => ({ kind: "response", status: 502, chunks: [{ text: "<html><body>Bad Gateway</body></html>" }] }));
    const outcome = await run();
    expect(!outcome.ok && outcome.error.message).toBe("HTTP 502: <html><body>Bad Gateway</body></html>");
  });

  it.each([
    ["not JSON", "<html>maintenance</html>", "answered 200 with a body that is not JSON"],
    ["not the wire format", '{"object":"list","data":[]}', "does not match the wire format"],
  ])("rejects a 2xx body that is %s", async (_label, text, message) => {
    const { run } = setup(() => ({ kind: "response", headers: json, chunks: [{ text }] }));
    const outcome = await run();
    expect(outcome).toMatchObject({ ok: false, status: 200 });
    if (outcome.ok) return;
    expect(outcome.error.code).toBe("upstream_invalid_response");
    expect(outcome.error.message).toContain(message);
  });

  it("reports a caller abort as a non-retryable cancellation", async () => {
    const clock = new VirtualClock();
    const fake = scriptedFetch(clock, () => ({ kind: "response", headersAfterMs: 5_000, chunks: [{ text: "{}" }] }));
    const controller = new AbortController();
    clock.schedule(1_200, () => controller.abort());
    const outcome = await clock.run(() => invokeProvider({ adapter: ADAPTERS["anthropic-messages"], fetch: fake.fetch, clock, request, target, timeoutMs: 10_000, signal: controller.signal }));
    expect(outcome).toMatchObject({ ok: false, durationMs: 1_200 });
    if (outcome.ok) return;
    expect(outcome.error.code).toBe("gateway_error");
    expect(outcome.error.extra).toEqual({ reason: "cancelled" });
    expect(outcome.error.isRetryable).toBe(false);
  });

  it("rethrows a non-GatewayError thrown by an adapter: a bug is not a provider failure", async () => {
    const { clock, fake } = setup(() => ({ kind: "response", headers: json, chunks: [{ text: "{}" }] }));
    const broken = {
      ...ADAPTERS["openai-chat"],
      parseResponse: (): never => {
        throw new RangeError("adapter bug");
      },
    };
    await expect(clock.run(() => invokeProvider({ adapter: broken, fetch: fake.fetch, clock, request, target, timeoutMs: 1000 }))).rejects.toThrow("adapter bug");
  });

  it("rethrows what an adapter's request builder throws, before anything is sent", async () => {
    const { clock, fake } = setup(() => ({ kind: "response", headers: json, chunks: [{ text: "{}" }] }));
    const broken = {
      ...ADAPTERS["openai-chat"],
      buildRequest: (): never => {
        throw new RangeError("builder bug");
      },
    };
    await expect(clock.run(() => invokeProvider({ adapter: broken, fetch: fake.fetch, clock, request, target, timeoutMs: 1000 }))).rejects.toThrow("builder bug");
    expect(fake.requests).toHaveLength(0);
  });

  it("reports a fetch that throws at once as a connection failure, as one that rejects", async () => {
    const clock = new VirtualClock();
    const throwing: typeof fetch = () => {
      throw new TypeError("Invalid URL");
    };
    const outcome = await clock.run(() => invokeProvider({ adapter: ADAPTERS["openai-chat"], fetch: throwing, clock, request, target, timeoutMs: 1000 }));
    expect(outcome).toMatchObject({ ok: false, status: null });
    expect(!outcome.ok && outcome.error.message).toBe("connection to the provider failed: Invalid URL");
  });
});
