// What each path of the pipeline feeds provider health (reference index.ts:914-950, 1135-1153;
// after/stream.ts:543-597): the JSON answer's first byte, a stream's TTFT, a failure's duration, and
// nothing at all for a stream that breaks after it began.
import { describe, expect, it } from "vitest";
import { createRandomFactory } from "../../core/random.js";
import { VirtualClock } from "../../core/virtual-clock.js";
import { fixtureText } from "../../providers/__fixtures__/fixtures.js";
import { scriptedFetch, type Script } from "../../providers/__fixtures__/scripted-fetch.js";
import { loadDefaultCatalog } from "../catalog/load-catalog.js";
import { createGateway } from "../create-gateway.js";
import { createPresetStore } from "../presets/preset-store.js";

const loaded = loadDefaultCatalog();
if (!loaded.ok) throw new Error("default catalog must load");
const catalog = loaded.value;
const MODEL = "openai/gpt-5.4-nano";
const sse = { "content-type": "text/event-stream" };

function setup(script: Script) {
  const clock = new VirtualClock({ start: Date.UTC(2026, 4, 19) });
  const fake = scriptedFetch(clock, () => script);
  const gateway = createGateway({ fetch: fake.fetch, clock, random: createRandomFactory("health-samples"), catalog, presets: createPresetStore([]) });
  return { clock, gateway };
}

/** Sends one request pinned to OpenAI and reads the whole answer. */
async function send(clock: VirtualClock, gateway: ReturnType<typeof setup>["gateway"], stream: boolean) {
  return clock.run(async () => {
    const response = await gateway.respond({ model: MODEL, input: "x", provider: { only: ["openai"] }, stream });
    if (response.kind === "stream") {
      for await (const _ of response.events);
      await response.record;
    }
    return clock.now();
  });
}

describe("health samples per path", () => {
  it("JSON: latency is the answer's first byte (here the whole answer), throughput counts input and output tokens", async () => {
    const { clock, gateway } = setup({
      kind: "response",
      status: 200,
      headers: { "content-type": "application/json" },
      headersAfterMs: 250,
      chunks: [{ text: fixtureText("openai-chat", "response-basic.json") }],
    });
    const at = await send(clock, gateway, false);
    const h = gateway.health.get("openai", MODEL, at);
    expect(h.lat_ewma_60s).toBe(250);
    expect(h.err_ewma_60s).toBe(0);
    expect(h.tp_ewma_60s).toBeGreaterThan(0);
  });

  it("stream: latency is the provider TTFT, not the whole stream", async () => {
    const chunks = fixtureText("openai-chat", "stream-basic.sse")
      .split(/(?<=\n\n)/)
      .map((text) => ({ afterMs: 50, text }));
    const { clock, gateway } = setup({ kind: "response", status: 200, headers: sse, headersAfterMs: 200, chunks });
    const at = await send(clock, gateway, true);
    const h = gateway.health.get("openai", MODEL, at);
    // Headers at 200 ms, role chunk +50, first text +50.
    expect(h.lat_ewma_60s).toBe(300);
    expect(h.last_ts_60s).toBeGreaterThan(0);
  });

  it("stream cut after its first token: no health sample at all", async () => {
    const chunks = fixtureText("openai-chat", "stream-basic.sse")
      .split(/(?<=\n\n)/)
      .slice(0, 4)
      .map((text) => ({ afterMs: 50, text }));
    const { clock, gateway } = setup({ kind: "response", status: 200, headers: sse, headersAfterMs: 200, chunks });
    const at = await send(clock, gateway, true);
    const h = gateway.health.get("openai", MODEL, at);
    expect([h.lat_ewma_60s, h.err_ewma_60s, h.last_ts_60s, h.rec_tot_ew_60s]).toEqual([800, 0, 0, 0]);
  });

  it("a 503 is a failure: error 1, latency the attempt's duration", async () => {
    const { clock, gateway } = setup({
      kind: "response",
      status: 503,
      headers: { "content-type": "application/json" },
      headersAfterMs: 40,
      chunks: [{ text: fixtureText("openai-chat", "error-503.json") }],
    });
    const at = await send(clock, gateway, false);
    const h = gateway.health.get("openai", MODEL, at);
    expect(h.err_ewma_60s).toBe(1);
    expect(h.lat_ewma_60s).toBe(40);
    expect(h.breaker).toBe("closed");
  });

  it("a thrown (connection) error is a failure sampled at the whole attempt's duration", async () => {
    const { clock, gateway } = setup({ kind: "network-error", afterMs: 70, error: new TypeError("fetch failed") });
    const at = await send(clock, gateway, false);
    const h = gateway.health.get("openai", MODEL, at);
    expect([h.err_ewma_60s, h.lat_ewma_60s]).toEqual([1, 70]);
  });
});
