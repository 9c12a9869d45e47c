import { describe, expect, it } from "vitest";
import { RealClock } from "../../core/clock.js";
import { formatSseEvent } from "../../core/sse.js";
import { loadScenario } from "../../scenarios/load/load-scenario.js";
import { startFakes } from "../start-fakes.js";
import { readClientAnswer } from "./client-answer.js";

const timing = () => {
  const clock = new RealClock({ speed: 10 });
  return { clock, sentAt: clock.now() };
};

describe("readClientAnswer", () => {
  it("reads a real chat-completions stream (from a fake): text, usage, time to first token", async () => {
    const loaded = loadScenario("test/fixtures/external/fallback-503.yaml");
    if (!loaded.ok) throw new Error("invalid fixture");
    const fakes = await startFakes({ scenario: loaded.scenario, port: 0, speed: 100, log: () => undefined });
    try {
      const t = timing();
      const res = await fetch(`${fakes.urls.openai}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer k" },
        body: JSON.stringify({ model: "gpt-5.4-nano", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: "Hello there" }] }),
      });
      const answer = await readClientAnswer("chat-completions", res, true, t);
      expect(answer).toMatchObject({ httpStatus: 200, status: "completed", errorCode: null });
      expect(answer.text?.length).toBeGreaterThan(0);
      expect(answer.usage?.input).toBe(3);
      expect(answer.ttftMs).not.toBeNull();
      expect(answer.latencyMs).toBeGreaterThanOrEqual(answer.ttftMs ?? 0);
    } finally {
      await fakes.close();
    }
  });

  it("reads a Responses stream and an error answer", async () => {
    const events = [
      { event: "response.output_text.delta", data: JSON.stringify({ type: "response.output_text.delta", delta: "Hi" }) },
      { event: "response.completed", data: JSON.stringify({ type: "response.completed", response: { status: "completed", usage: { input_tokens: 4, output_tokens: 1 } } }) },
    ];
    const stream = new Response(events.map((e) => formatSseEvent(e)).join(""), { headers: { "content-type": "text/event-stream" } });
    expect(await readClientAnswer("responses", stream, true, timing())).toMatchObject({ status: "completed", text: "Hi", usage: { input: 4, output: 1 } });
    const error = new Response(JSON.stringify({ error: { code: "upstream_error", message: "all providers failed" } }), { status: 502 });
    expect(await readClientAnswer("chat-completions", error, false, timing())).toMatchObject({ httpStatus: 502, status: "failed", errorCode: "upstream_error" });
  });
});
