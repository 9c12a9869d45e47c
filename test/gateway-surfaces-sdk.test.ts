// The gateway's other two surfaces as users reach them: @anthropic-ai/sdk on POST /v1/messages and the
// openai SDK's chat completions on POST /v1/chat/completions, over HTTP, through the one pipeline,
// with providers of every wire format behind them. Plain, streamed, structured, healed, an error.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RealClock } from "../src/core/clock.js";
import { createRandomFactory } from "../src/core/random.js";
import { createFakeFleet, type FakeFleet } from "../src/fakes/fleet.js";
import { defineFakeProvider, type FakeProviderProfileInput } from "../src/fakes/profile/schema.js";
import { createGateway } from "../src/gateway/create-gateway.js";
import { createPresetStore } from "../src/gateway/presets/preset-store.js";
import { gatewaySettingsSchema } from "../src/gateway/settings.js";
import { createServerApp } from "../src/server/create-server-app.js";
import { startServer } from "../src/server/start-server.js";
import { CITY_SCHEMA } from "./fakes-helpers.js";

const API_KEY = "sim-key";
const offer = (model: string) => ({ "acme/model-x": { model, price: { input: 1, output: 2 }, max_output_tokens: 4096, structured_output: true } });
const fast = { ttft: "5ms", throughput: 5000, output_tokens: 30 } as const;
const profiles: FakeProviderProfileInput[] = [
  { id: "gemini", models: offer("gemini-2.5-flash"), ...fast },
  { id: "bedrock", models: offer("anthropic.claude-haiku-4-5-20251001-v1:0"), ...fast },
  { id: "fenced", format: "openai-chat", models: offer("gpt-5.4-nano"), ...fast, degradations: [{ content_fault: "markdown_fence" }] },
  { id: "down", format: "anthropic-messages", models: offer("claude-haiku-4-5"), ...fast, degradations: [{ http_error: { status: 529, after: "0ms" } }] },
];

interface Served {
  url: string;
  fleet: FakeFleet;
  close(): Promise<void>;
}

async function serve(fidelity: "reference" | "documented"): Promise<Served> {
  const clock = new RealClock();
  const fleet = createFakeFleet({ seed: "surfaces", clock, profiles: profiles.map(defineFakeProvider) });
  const settings = gatewaySettingsSchema.parse({ fidelity });
  const gateway = createGateway({ fetch: fleet.fetch, clock, random: createRandomFactory("surfaces"), catalog: fleet.catalog(), presets: createPresetStore([]), settings });
  const server = await startServer(createServerApp({ gateway, apiKeys: [API_KEY] }), { port: 0, host: "127.0.0.1" });
  return { url: server.url, fleet, close: () => server.close() };
}

let reference: Served;
let documented: Served;
beforeAll(async () => {
  reference = await serve("reference");
  documented = await serve("documented");
});
afterAll(async () => {
  await reference.close();
  await documented.close();
});

const anthropic = (s: Served = reference) => new Anthropic({ apiKey: API_KEY, baseURL: s.url, maxRetries: 0 });
const openai = (s: Served = reference) => new OpenAI({ apiKey: API_KEY, baseURL: `${s.url}/v1`, maxRetries: 0 });
const only = (...providers: string[]) => ({ provider: { only: providers } }) as Record<string, unknown>;
const healing = { plugins: [{ id: "response-healing" }] } as Record<string, unknown>;

describe("@anthropic-ai/sdk → POST /v1/messages", () => {
  it("creates a message served by a Gemini provider, with usage and no meta (reference)", async () => {
    const message = await anthropic().messages.create({
      model: "acme/model-x",
      max_tokens: 500,
      system: "Be brief.",
      messages: [{ role: "user", content: "Name a city." }],
      meta: true,
      ...only("gemini"),
    } as Anthropic.MessageCreateParamsNonStreaming);
    expect(message).toMatchObject({ type: "message", role: "assistant", stop_reason: "end_turn" });
    expect(message.content[0]?.type).toBe("text");
    expect(message.usage.output_tokens).toBe(30);
    expect(message).not.toHaveProperty("meta");
  });

  it("streams a message served by a Bedrock provider", async () => {
    const stream = anthropic().messages.stream({ model: "acme/model-x", max_tokens: 500, messages: [{ role: "user", content: "Name a city." }], ...only("bedrock") } as Anthropic.MessageStreamParams);
    const types: string[] = [];
    stream.on("streamEvent", (event) => types.push(event.type));
    const final = await stream.finalMessage();
    expect(types[0]).toBe("message_start");
    expect(types.slice(-3)).toEqual(["content_block_stop", "message_delta", "message_stop"]);
    expect(final.stop_reason).toBe("end_turn");
    expect(final.usage.output_tokens).toBe(30);
    expect(final.content[0]?.type === "text" && final.content[0].text.length).toBeGreaterThan(20);
  });

  it("reads structured output from output_config.format", async () => {
    const message = await anthropic().messages.create({
      model: "acme/model-x",
      max_tokens: 500,
      messages: [{ role: "user", content: "Name a city." }],
      output_config: { format: { type: "json_schema", schema: CITY_SCHEMA } },
      ...only("gemini"),
    } as Anthropic.MessageCreateParamsNonStreaming);
    const text = message.content[0]?.type === "text" ? message.content[0].text : "";
    expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(["city", "kind", "population"]);
  });

  it("returns the provider's unhealed text at reference fidelity, the healed text and meta when documented", async () => {
    const body = {
      model: "acme/model-x",
      max_tokens: 500,
      messages: [{ role: "user", content: "Name a city." }],
      output_config: { format: { type: "json_schema", schema: CITY_SCHEMA } },
      meta: true,
      ...healing,
      ...only("fenced"),
    } as Anthropic.MessageCreateParamsNonStreaming;
    const raw = await anthropic(reference).messages.create(body);
    const rawText = raw.content[0]?.type === "text" ? raw.content[0].text : "";
    expect(rawText.startsWith("```")).toBe(true);
    expect(raw).not.toHaveProperty("meta");
    const healed = (await anthropic(documented).messages.create(body)) as Anthropic.Message & { meta: { plugin_executions: { status: string }[] } };
    const healedText = healed.content[0]?.type === "text" ? healed.content[0].text : "";
    expect(Object.keys(JSON.parse(healedText) as object).sort()).toEqual(["city", "kind", "population"]);
    expect(healed.meta.plugin_executions[0]?.status).toBe("applied");
  });

  it("answers an all-providers-failed request with the flat gateway error, not Anthropic's envelope", async () => {
    const error = await anthropic()
      .messages.create({ model: "acme/model-x", max_tokens: 100, messages: [{ role: "user", content: "Hi" }], ...only("down") } as Anthropic.MessageCreateParamsNonStreaming)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    const apiError = error as InstanceType<typeof Anthropic.APIError>;
    expect(apiError.status).toBe(502);
    expect(apiError.error).toMatchObject({ error: "upstream_error", error_type: "system", error_origin: "upstream", status_code: 502, failed_statuses: [529] });
    expect(apiError.error).not.toHaveProperty("type");
  });

  it("reports a missing max_tokens as a validation_error naming the field", async () => {
    const error = await anthropic()
      .messages.create({ model: "acme/model-x", messages: [{ role: "user", content: "Hi" }] } as unknown as Anthropic.MessageCreateParamsNonStreaming)
      .catch((e: unknown) => e);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(400);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ error: "validation_error", details: [{ path: "max_tokens", keyword: "required" }] });
  });
});

describe("openai SDK → POST /v1/chat/completions", () => {
  it("creates a completion with provider and provider_id, and meta only when asked", async () => {
    const plain = (await openai().chat.completions.create({ model: "acme/model-x", messages: [{ role: "user", content: "Name a city." }], ...only("bedrock") })) as OpenAI.ChatCompletion & {
      provider: string;
      provider_id: string;
    };
    expect(plain).toMatchObject({ object: "chat.completion", provider: "bedrock", provider_id: "bedrock", choices: [{ finish_reason: "stop", message: { role: "assistant" } }] });
    expect(plain.usage?.completion_tokens).toBe(30);
    expect(plain).not.toHaveProperty("meta");
    const withMeta = (await openai().chat.completions.create({
      model: "acme/model-x",
      messages: [{ role: "user", content: "Name a city." }],
      meta: true,
      ...only("gemini"),
    } as OpenAI.ChatCompletionCreateParamsNonStreaming)) as OpenAI.ChatCompletion & { meta: { routing: { selected_provider: string } } };
    expect(withMeta.meta.routing.selected_provider).toBe("gemini");
  });

  it("streams chunks, usage and [DONE]", async () => {
    const stream = await openai().chat.completions.create({
      model: "acme/model-x",
      messages: [{ role: "user", content: "Name a city." }],
      stream: true,
      stream_options: { include_usage: true },
      ...only("gemini"),
    });
    let text = "";
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(finish).toBe("stop");
    expect(usage?.completion_tokens).toBe(30);
    expect(text.length).toBeGreaterThan(20);
  });

  it("returns the healed text (the reference heals chat bodies)", async () => {
    const completion = await openai().chat.completions.create({
      model: "acme/model-x",
      messages: [{ role: "user", content: "Name a city." }],
      response_format: { type: "json_schema", json_schema: { name: "city", schema: CITY_SCHEMA } },
      ...healing,
      ...only("fenced"),
    });
    expect(Object.keys(JSON.parse(completion.choices[0]?.message.content ?? "") as object).sort()).toEqual(["city", "kind", "population"]);
  });

  it("answers errors in the flat gateway shape", async () => {
    const error = await openai()
      .chat.completions.create({ model: "acme/model-x", messages: [{ role: "user", content: "Hi" }], ...only("down") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    // The SDK keeps `body.error` of a body that has one: in the flat shape that is the code string.
    expect((error as InstanceType<typeof OpenAI.APIError>).error).toBe("upstream_error");
    expect((error as InstanceType<typeof OpenAI.APIError>).headers?.get("content-type")).toContain("application/json");
  });
});
