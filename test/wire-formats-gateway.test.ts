// Every wire format end to end: the gateway calls each fake through its adapter, JSON and streamed,
// with structured output, and fails over between formats when one provider breaks.
import { describe, expect, it } from "vitest";
import { createRandomFactory } from "../src/core/random.js";
import { VirtualClock } from "../src/core/virtual-clock.js";
import { createFakeFleet } from "../src/fakes/fleet.js";
import { defineFakeProvider, type FakeProviderProfile, type FakeProviderProfileInput } from "../src/fakes/profile/schema.js";
import { createGateway, type GatewayResponse } from "../src/gateway/create-gateway.js";
import { createPresetStore } from "../src/gateway/presets/preset-store.js";
import { WIRE_FORMATS, type WireFormat } from "../src/providers/wire-formats.js";
import { CITY_SCHEMA, START } from "./fakes-helpers.js";

const UPSTREAM_MODEL: Record<WireFormat, string> = {
  "openai-chat": "gpt-5.4-nano",
  "anthropic-messages": "claude-haiku-4-5",
  "openai-responses": "gpt-5.4-nano",
  gemini: "gemini-2.5-flash",
  "bedrock-converse": "anthropic.claude-haiku-4-5-20251001-v1:0",
};

function profile(format: WireFormat, extra: Partial<FakeProviderProfileInput> = {}): FakeProviderProfile {
  return defineFakeProvider({
    ...extra,
    id: `p-${format}`,
    format,
    models: { "acme/model-x": { model: UPSTREAM_MODEL[format], price: { input: 1, output: 2 }, max_output_tokens: 4096, structured_output: true } },
    ttft: "300ms",
    throughput: 60,
    output_tokens: 30,
  });
}

function setup(seed = "w17") {
  const clock = new VirtualClock({ start: START });
  const fleet = createFakeFleet({ seed, clock, profiles: WIRE_FORMATS.map((f) => profile(f)) });
  const gateway = createGateway({ fetch: fleet.fetch, clock, random: createRandomFactory(seed), catalog: fleet.catalog(), presets: createPresetStore([]) });
  return { clock, fleet, gateway };
}

function bodyOf(response: GatewayResponse): unknown {
  if (response.kind !== "json") throw new Error("expected a JSON answer");
  return response.body;
}

async function collect(events: AsyncIterable<{ event?: string; data: string }>): Promise<{ event?: string; data: string }[]> {
  const out: { event?: string; data: string }[] = [];
  for await (const e of events) out.push(e);
  return out;
}

describe("every wire format, determinism", () => {
  it("gives byte-identical journals (bodies included) for the same seed", async () => {
    const journalOf = async () => {
      const clock = new VirtualClock({ start: START });
      const fleet = createFakeFleet({ seed: "det", clock, profiles: WIRE_FORMATS.map((f) => profile(f)), journal: { keepBodies: true } });
      const gateway = createGateway({ fetch: fleet.fetch, clock, random: createRandomFactory("det"), catalog: fleet.catalog(), presets: createPresetStore([]) });
      await clock.run(async () => {
        for (const format of WIRE_FORMATS) {
          for (const stream of [false, true]) {
            const r = await gateway.respond({ model: "acme/model-x", input: `Hi ${format}`, stream, provider: { only: [`p-${format}`] } });
            if (r.kind === "stream") for await (const _ of r.events) void _;
          }
        }
      });
      return fleet.journal.toJsonLines();
    };
    const first = await journalOf();
    expect(first.split("\n").filter(Boolean)).toHaveLength(WIRE_FORMATS.length * 2);
    expect(await journalOf()).toBe(first);
  });
});

describe.each(WIRE_FORMATS)("the gateway through the %s adapter and fake", (format) => {
  const only = { only: [`p-${format}`] };

  it("answers JSON with usage from the provider", async () => {
    const { clock, gateway, fleet } = setup();
    const response = await clock.run(() => gateway.respond({ model: "acme/model-x", input: "Name a city.", provider: only, meta: true }));
    expect(response.status).toBe(200);
    const body = bodyOf(response) as { output: { content: { text: string }[] }[]; usage: { input_tokens: number; output_tokens: number }; meta: { routing: { selected_provider: string } } };
    expect(body.meta.routing.selected_provider).toBe(`p-${format}`);
    expect(body.output[0]?.content[0]?.text.length).toBeGreaterThan(10);
    expect(body.usage.output_tokens).toBeGreaterThan(0);
    expect(fleet.journal.summary().byProvider[`p-${format}`]).toMatchObject({ calls: 1, outcomes: { ok: 1 }, statuses: { "200": 1 } });
  });

  it("streams, and structured output comes back schema-valid", async () => {
    const { clock, gateway } = setup();
    const response = await clock.run(async () => {
      const r = await gateway.respond({ model: "acme/model-x", input: "Name a city.", provider: only, stream: true, text: { format: { type: "json_schema", name: "city", schema: CITY_SCHEMA } } });
      if (r.kind !== "stream") return { r, events: [] };
      return { r, events: await collect(r.events) };
    });
    expect(response.r.kind).toBe("stream");
    const last = response.events.at(-1);
    expect(last?.event).toBe("response.completed");
    const final = JSON.parse(last?.data ?? "{}") as { response: { output: { content: { text: string }[] }[]; usage: { output_tokens: number } } };
    const city = JSON.parse(final.response.output[0]?.content[0]?.text ?? "") as Record<string, unknown>;
    expect(Object.keys(city).sort()).toEqual(["city", "kind", "population"]);
    expect(final.response.usage.output_tokens).toBeGreaterThan(0);
  });

  it("fails over to another format when this one answers 503", async () => {
    const { clock, gateway, fleet } = setup();
    fleet.degrade(`p-${format}`, { http_error: { status: 503 } });
    const other = WIRE_FORMATS.find((f) => f !== format) as WireFormat;
    const response = await clock.run(() =>
      gateway.respond({ model: "acme/model-x", input: "Hi", provider: { order: [`p-${format}`, `p-${other}`], only: [`p-${format}`, `p-${other}`] }, meta: true }),
    );
    expect(response.status).toBe(200);
    // meta.routing carries the reference's keys (selected_provider, requested_params, …); the attempts are in the usage record.
    const meta = (bodyOf(response) as { meta: { routing: { selected_provider: string } } }).meta.routing;
    expect(meta.selected_provider).toBe(`p-${other}`);
    if (response.kind !== "json") throw new Error("expected a JSON answer");
    expect(response.record.attempts.map((a) => [a.provider, a.status])).toEqual([
      [`p-${format}`, 503],
      [`p-${other}`, 200],
    ]);
  });

  it.each(["truncate", "malformed_chunk", "error_event"] as const)("treats a %s stream as a failed attempt", async (fault) => {
    const { clock, gateway, fleet } = setup();
    fleet.degrade(`p-${format}`, { stream_fault: { type: fault, after_chunks: 0 } });
    const response = await clock.run(() => gateway.respond({ model: "acme/model-x", input: "Hi", provider: only, stream: true }));
    // A fault before any text fails the attempt before the client saw anything: the flat 502.
    expect(response.kind).toBe("json");
    expect(response.status).toBe(502);
    expect(bodyOf(response)).toMatchObject({ error: "upstream_error" });
  });

  it.each([
    ["connection_error", { connection_error: true }],
    ["socket reset", { socket_fault: "reset" }],
    ["hang for 5 minutes", { hang: { for: "5m" } }],
    ["429", { http_error: { status: 429 } }],
    ["the disconnect stream fault", { stream_fault: { type: "disconnect", after_chunks: 0 } }],
  ] as const)("fails over to another format on %s", async (_label, phase) => {
    const { clock, gateway, fleet } = setup();
    fleet.degrade(`p-${format}`, phase);
    const other = WIRE_FORMATS.find((f) => f !== format) as WireFormat;
    const response = await clock.run(() =>
      gateway.respond({ model: "acme/model-x", input: "Hi", stream: "stream_fault" in phase, provider: { order: [`p-${format}`, `p-${other}`], only: [`p-${format}`, `p-${other}`] } }),
    );
    expect(response.status).toBe(200);
    const record =
      response.kind === "json"
        ? response.record
        : await clock.run(async () => {
            for await (const _ of response.events) {
              // read to the end so the record settles
            }
            return response.record;
          });
    expect(record.attempts.map((a) => a.provider)).toEqual([`p-${format}`, `p-${other}`]);
    expect(record.selected_provider).toBe(`p-${other}`);
  });

  it("fails a begun stream that ends without its final event", async () => {
    const { clock, gateway, fleet } = setup();
    fleet.degrade(`p-${format}`, { stream_fault: { type: "missing_final_event" } });
    const events = await clock.run(async () => {
      const r = await gateway.respond({ model: "acme/model-x", input: "Hi", provider: only, stream: true });
      return r.kind === "stream" ? collect(r.events) : [];
    });
    expect(events.some((e) => e.event === "response.output_text.delta")).toBe(true);
    expect(events.at(-1)?.event).toBe("response.failed");
  });
});

describe("rate-limit answers per format", () => {
  const calls: Record<WireFormat, { url: string; headers: Record<string, string>; body: unknown }> = {
    "openai-chat": { url: "https://p-openai-chat.gateway-sim.test/v1/chat/completions", headers: {}, body: { model: "gpt-5.4-nano", messages: [{ role: "user", content: "Hi" }] } },
    "anthropic-messages": {
      url: "https://p-anthropic-messages.gateway-sim.test/v1/messages",
      headers: { "anthropic-version": "2023-06-01" },
      body: { model: "claude-haiku-4-5", max_tokens: 100, messages: [{ role: "user", content: "Hi" }] },
    },
    "openai-responses": { url: "https://p-openai-responses.gateway-sim.test/v1/responses", headers: {}, body: { model: "gpt-5.4-nano", input: "Hi" } },
    gemini: { url: "https://p-gemini.gateway-sim.test/v1beta/models/gemini-2.5-flash:generateContent", headers: {}, body: { contents: [{ parts: [{ text: "Hi" }] }] } },
    "bedrock-converse": {
      url: `https://p-bedrock-converse.gateway-sim.test/model/${encodeURIComponent(UPSTREAM_MODEL["bedrock-converse"])}/converse`,
      headers: { authorization: `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=${"0".repeat(64)}`, "x-amz-date": "20260101T000000Z" },
      body: { messages: [{ role: "user", content: [{ text: "Hi" }] }] },
    },
  };
  const expected: Record<WireFormat, { status: number; retryAfter: boolean; header: string | undefined }> = {
    "openai-chat": { status: 429, retryAfter: true, header: "x-ratelimit-remaining-requests" },
    "anthropic-messages": { status: 429, retryAfter: true, header: "anthropic-ratelimit-requests-remaining" },
    "openai-responses": { status: 429, retryAfter: true, header: "x-ratelimit-remaining-requests" },
    gemini: { status: 429, retryAfter: false, header: undefined },
    "bedrock-converse": { status: 429, retryAfter: false, header: "x-amzn-errortype" },
  };

  it.each(WIRE_FORMATS)("%s answers the second call of a 1 rpm window with its own 429", async (format) => {
    const clock = new VirtualClock({ start: START });
    const fleet = createFakeFleet({ seed: "rl", clock, profiles: [profile(format, { rate_limits: { rpm: 1 } })] });
    const call = calls[format];
    const send = () => fleet.fetch(call.url, { method: "POST", headers: { "content-type": "application/json", ...call.headers }, body: JSON.stringify(call.body) });
    const [first, second] = await clock.run(async () => [await send(), await send()]);
    expect(first?.status).toBe(200);
    const want = expected[format];
    expect(second?.status).toBe(want.status);
    expect(second?.headers.has("retry-after")).toBe(want.retryAfter);
    if (want.header) expect(second?.headers.has(want.header)).toBe(true);
  });
});
