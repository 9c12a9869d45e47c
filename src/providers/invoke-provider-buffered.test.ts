import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/virtual-clock.js";
import { fixtureText } from "./__fixtures__/fixtures.js";
import { scriptedFetch, type Script } from "./__fixtures__/scripted-fetch.js";
import type { InvokeProviderOptions } from "./invoke-provider.js";
import { invokeProviderBuffered } from "./invoke-provider-buffered.js";
import { ADAPTERS } from "./registry.js";

const sse = { "content-type": "text/event-stream; charset=utf-8" };

function run(script: Script) {
  const clock = new VirtualClock();
  const fake = scriptedFetch(clock, () => script);
  const options: InvokeProviderOptions = {
    adapter: ADAPTERS["openai-chat"],
    fetch: fake.fetch,
    clock,
    request: { model: "m", messages: [{ role: "user", content: "Hi" }], stream: false },
    target: { baseUrl: "https://provider.test", apiKey: "k" },
    timeoutMs: 10_000,
  };
  return clock.run(() => invokeProviderBuffered(options));
}

describe("invokeProviderBuffered", () => {
  it("reads an upstream stream to the end: the answer, its first token (ttft) and its last event (duration)", async () => {
    const chunks = fixtureText("openai-chat", "stream-basic.sse")
      .split(/(?<=\n\n)/)
      .map((text) => ({ afterMs: 50, text }));
    const outcome = await run({ kind: "response", headers: sse, headersAfterMs: 200, chunks });
    // headers at 200 ms, role chunk +50, first text +50: the first token at 300 ms; every later chunk +50.
    expect(outcome).toMatchObject({ ok: true, status: 200, ttftMs: 300, result: { text: "The capital of France is Paris.", finishReason: "stop" } });
    expect(outcome.ok && outcome.durationMs).toBe(200 + 50 * chunks.length);
  });

  it("fails the attempt when the stream is cut after its first token", async () => {
    const chunks = fixtureText("openai-chat", "stream-basic.sse")
      .split(/(?<=\n\n)/)
      .slice(0, 4)
      .map((text) => ({ afterMs: 10, text }));
    const outcome = await run({ kind: "response", headers: sse, headersAfterMs: 0, chunks });
    expect(outcome).toMatchObject({ ok: false, status: 200, error: { code: "upstream_invalid_response" } });
  });
});
