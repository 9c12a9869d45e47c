// End-to-end check that the adapters and their fixtures speak the real wire formats: the official
// `openai` and `@anthropic-ai/sdk` clients run against a capturing `fetch` that answers with the
// recorded fixtures. The SDKs' own request bodies must equal what the adapters build, and the SDKs
// must parse every fixture (plain, streamed, errors) to the same answer the adapters and
// invokeProvider produce. SDK parameter objects are typed by the SDKs, so a wrong field name is a
// compile error here.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../src/core/virtual-clock.js";
import { anthropicMessagesRequestSchema } from "../src/providers/anthropic-messages/anthropic-messages-api-types.js";
import { ANTHROPIC_VERSION } from "../src/providers/anthropic-messages/anthropic-messages-request.js";
import { mapAnthropicStopReason } from "../src/providers/anthropic-messages/map-anthropic-stop-reason.js";
import { fixtureJson, fixtureNames, fixtureText } from "../src/providers/__fixtures__/fixtures.js";
import { invokeProvider, invokeProviderStream, type StreamOutcome } from "../src/providers/invoke-provider.js";
import { mapOpenAiChatFinishReason } from "../src/providers/openai-chat/map-openai-chat-finish-reason.js";
import { openAiChatRequestSchema } from "../src/providers/openai-chat/openai-chat-api-types.js";
import { ADAPTERS } from "../src/providers/registry.js";
import type { UpstreamRequest } from "../src/providers/types.js";
import type { WireFormat } from "../src/providers/wire-formats.js";

interface Captured {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fetch that records each request and answers with `text`, delivered in small chunks. */
function replay(status: number, contentType: string, text: string): { fetch: typeof fetch; captured: Captured[] } {
  const captured: Captured[] = [];
  const replayFetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
    captured.push({ url: String(input), headers: Object.fromEntries(new Headers(init?.headers).entries()), body });
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 11) controller.enqueue(bytes.slice(i, i + 11));
        controller.close();
      },
    });
    return new Response(stream, { status, headers: { "content-type": contentType } });
  };
  return { fetch: replayFetch, captured };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

/** The gateway's own path (adapter + invokeProvider) over the same replayed answer. */
async function viaGateway(format: WireFormat, request: UpstreamRequest, status: number, contentType: string, text: string) {
  const clock = new VirtualClock();
  const { fetch } = replay(status, contentType, text);
  const options = { adapter: ADAPTERS[format], fetch, clock, request, target: { baseUrl: "https://provider.test", apiKey: "k" }, timeoutMs: 30_000 };
  return clock.run(() => invokeProvider(options));
}

async function viaGatewayStream(format: WireFormat, request: UpstreamRequest, text: string): Promise<StreamOutcome | { failed: string }> {
  const clock = new VirtualClock();
  const { fetch } = replay(200, "text/event-stream", text);
  const options = { adapter: ADAPTERS[format], fetch, clock, request, target: { baseUrl: "https://provider.test", apiKey: "k" }, timeoutMs: 30_000 };
  return clock.run(async () => {
    const outcome = await invokeProviderStream(options);
    return outcome.ok ? outcome.done : { failed: outcome.error.message };
  });
}

const citySchema = {
  type: "object",
  properties: { city: { type: "string" }, country: { type: "string" }, population: { type: "integer" } },
  required: ["city", "country", "population"],
  additionalProperties: false,
};

describe("openai SDK ↔ openai-chat adapter", () => {
  const target = { baseUrl: "https://api.openai.com/v1", apiKey: "sk-roundtrip" };
  const upstream: UpstreamRequest = {
    model: "gpt-5.4-nano",
    instructions: "Answer with JSON.",
    messages: [{ role: "user", content: "Capital of France?" }],
    temperature: 0.2,
    topP: 0.9,
    maxOutputTokens: 256,
    stop: ["END"],
    responseFormat: { type: "json_schema", name: "city", schema: citySchema, strict: true },
    stream: false,
  };
  const sdkParams = {
    model: "gpt-5.4-nano",
    messages: [
      { role: "system", content: "Answer with JSON." },
      { role: "user", content: "Capital of France?" },
    ],
    temperature: 0.2,
    top_p: 0.9,
    max_completion_tokens: 256,
    stop: ["END"],
    response_format: { type: "json_schema", json_schema: { name: "city", schema: citySchema, strict: true } },
  } satisfies OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
  const client = (fetch: typeof globalThis.fetch): OpenAI => new OpenAI({ apiKey: target.apiKey, baseURL: target.baseUrl, fetch, maxRetries: 0 });

  it("sends the same URL, auth and body as the adapter", async () => {
    const { fetch, captured } = replay(200, "application/json", fixtureText("openai-chat", "response-json-schema.json"));
    await client(fetch).chat.completions.create(sdkParams);
    const call = ADAPTERS["openai-chat"].buildRequest(upstream, target);
    expect(captured[0]?.url).toBe(call.url);
    expect(captured[0]?.headers.authorization).toBe(call.init.headers.authorization);
    expect(captured[0]?.body).toEqual(JSON.parse(call.init.body));
    expect(openAiChatRequestSchema.safeParse(captured[0]?.body).success).toBe(true);
  });

  it("sends the same streaming body as the adapter", async () => {
    const { fetch, captured } = replay(200, "text/event-stream", fixtureText("openai-chat", "stream-basic.sse"));
    const stream = await client(fetch).chat.completions.create({ ...sdkParams, stream: true, stream_options: { include_usage: true } });
    for await (const _chunk of stream) void _chunk;
    expect(captured[0]?.body).toEqual(JSON.parse(ADAPTERS["openai-chat"].buildRequest({ ...upstream, stream: true }, target).init.body));
  });

  it.each(fixtureNames("openai-chat", "response-"))("reads %s as the gateway does", async (name) => {
    const text = fixtureText("openai-chat", name);
    const completion = await client(replay(200, "application/json", text).fetch).chat.completions.create(sdkParams);
    const outcome = await viaGateway("openai-chat", upstream, 200, "application/json", text);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const choice = completion.choices[0];
    const refused = choice?.message.content === null && choice.message.refusal !== null;
    expect(outcome.result).toEqual({
      id: completion.id,
      model: completion.model,
      text: choice?.message.content ?? choice?.message.refusal ?? "",
      finishReason: refused ? "content_filter" : mapOpenAiChatFinishReason(choice?.finish_reason),
      usage: { inputTokens: completion.usage?.prompt_tokens, outputTokens: completion.usage?.completion_tokens },
    });
  });

  it("reads the recorded stream as the gateway does", async () => {
    const text = fixtureText("openai-chat", "stream-basic.sse");
    const stream = await client(replay(200, "text/event-stream", text).fetch).chat.completions.create({ ...sdkParams, stream: true, stream_options: { include_usage: true } });
    let content = "";
    let finish: string | null | undefined;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      content += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    const end = await viaGatewayStream("openai-chat", { ...upstream, stream: true }, text);
    expect(end).toMatchObject({
      result: { text: content, finishReason: mapOpenAiChatFinishReason(finish), usage: { inputTokens: usage?.prompt_tokens, outputTokens: usage?.completion_tokens } },
    });
  });

  it("fails on the recorded mid-stream error where the SDK throws", async () => {
    const text = fixtureText("openai-chat", "stream-server-error.sse");
    const stream = await client(replay(200, "text/event-stream", text).fetch).chat.completions.create({ ...sdkParams, stream: true });
    const error = await caught(
      (async () => {
        for await (const _chunk of stream) void _chunk;
      })(),
    );
    expect(error).toBeInstanceOf(OpenAI.APIError);
    const end = await viaGatewayStream("openai-chat", { ...upstream, stream: true }, text);
    expect(end).toMatchObject({ error: { message: error instanceof OpenAI.APIError ? error.message : "", upstreamStatus: 500 } });
  });

  it.each([400, 401, 404, 429, 500, 503])("reads the recorded %i error body as the gateway does", async (status) => {
    const text = fixtureText("openai-chat", `error-${status}.json`);
    const error = await caught(client(replay(status, "application/json", text).fetch).chat.completions.create(sdkParams));
    expect(error).toBeInstanceOf(OpenAI.APIError);
    if (!(error instanceof OpenAI.APIError)) return;
    expect(error.status).toBe(status);
    const outcome = await viaGateway("openai-chat", upstream, status, "application/json", text);
    expect(outcome).toMatchObject({ ok: false, status, error: { message: error.message.replace(`${status} `, ""), upstreamStatus: status } });
    expect(!outcome.ok && outcome.error.extra).toMatchObject({ upstream_error: { type: error.type } });
  });
});

describe("@anthropic-ai/sdk ↔ anthropic-messages adapter", () => {
  const target = { baseUrl: "https://api.anthropic.com", apiKey: "sk-ant-roundtrip" };
  // No temperature/top_p: SDK 1.x speaks API 2026-10-21, which removed them (see ANTHROPIC_VERSION).
  const upstream: UpstreamRequest = {
    model: "claude-sonnet-4-6",
    instructions: "You are a geography tutor.",
    messages: [{ role: "user", content: "Capital of France?" }],
    maxOutputTokens: 1024,
    stop: ["###"],
    responseFormat: { type: "json_schema", name: "city", schema: citySchema, strict: true },
    stream: false,
  };
  const sdkParams = {
    model: "claude-sonnet-4-6",
    max_tokens: 1024,
    system: "You are a geography tutor.",
    messages: [{ role: "user", content: "Capital of France?" }],
    stop_sequences: ["###"],
    output_config: { format: { type: "json_schema", schema: citySchema } },
  } satisfies Anthropic.MessageCreateParamsNonStreaming;
  /** An SDK pinned to the adapter's API version and key header. */
  const pinned = (fetch: typeof globalThis.fetch): Anthropic =>
    new Anthropic({ apiKey: null, baseURL: target.baseUrl, defaultHeaders: { "x-api-key": target.apiKey, "anthropic-version": ANTHROPIC_VERSION }, fetch, maxRetries: 0 });

  it("sends the same URL, headers and body as the adapter once pinned to its API version", async () => {
    const { fetch, captured } = replay(200, "application/json", fixtureText("anthropic-messages", "response-json-schema.json"));
    await pinned(fetch).messages.create(sdkParams);
    const call = ADAPTERS["anthropic-messages"].buildRequest(upstream, target);
    expect(captured[0]?.url).toBe(call.url);
    for (const name of ["x-api-key", "anthropic-version", "content-type"]) expect(captured[0]?.headers[name]).toBe(call.init.headers[name]);
    expect(captured[0]?.body).toEqual(JSON.parse(call.init.body));
    expect(anthropicMessagesRequestSchema.safeParse(captured[0]?.body).success).toBe(true);
  });

  it("documents how an unpinned SDK 1.x differs: Bearer auth and API version 2026-10-21", async () => {
    // Fakes must accept both forms: a real client may send either.
    const { fetch, captured } = replay(200, "application/json", fixtureText("anthropic-messages", "response-basic.json"));
    await new Anthropic({ apiKey: target.apiKey, baseURL: target.baseUrl, fetch, maxRetries: 0 }).messages.create(sdkParams);
    expect(captured[0]?.headers.authorization).toBe(`Bearer ${target.apiKey}`);
    expect(captured[0]?.headers["anthropic-version"]).toBe("2026-10-21");
    expect(captured[0]?.body).toEqual(JSON.parse(ADAPTERS["anthropic-messages"].buildRequest(upstream, target).init.body));
  });

  it.each(fixtureNames("anthropic-messages", "response-"))("reads %s as the gateway does", async (name) => {
    const text = fixtureText("anthropic-messages", name);
    const message = await pinned(replay(200, "application/json", text).fetch).messages.create(sdkParams);
    const outcome = await viaGateway("anthropic-messages", upstream, 200, "application/json", text);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { usage } = message;
    expect(outcome.result).toEqual({
      id: message.id,
      model: message.model,
      text: message.content.map((block) => (block.type === "text" ? block.text : "")).join(""),
      finishReason: mapAnthropicStopReason(message.stop_reason),
      usage: { inputTokens: usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0), outputTokens: usage.output_tokens },
    });
  });

  it.each(["stream-basic.sse", "stream-thinking.sse"])("accumulates %s as the SDK's stream helper does", async (name) => {
    const text = fixtureText("anthropic-messages", name);
    const { fetch, captured } = replay(200, "text/event-stream", text);
    const final = await pinned(fetch).messages.stream(sdkParams).finalMessage();
    expect(captured[0]?.body).toEqual(JSON.parse(ADAPTERS["anthropic-messages"].buildRequest({ ...upstream, stream: true }, target).init.body));
    const end = await viaGatewayStream("anthropic-messages", { ...upstream, stream: true }, text);
    expect(end).toEqual({
      result: {
        id: final.id,
        model: final.model,
        text: final.content.map((block) => (block.type === "text" ? block.text : "")).join(""),
        finishReason: mapAnthropicStopReason(final.stop_reason),
        usage: { inputTokens: final.usage.input_tokens, outputTokens: final.usage.output_tokens },
      },
      durationMs: 0,
      ttftMs: 0,
    });
  });

  it.each(["stream-overloaded.sse", "stream-overloaded-mid.sse"])("fails on %s where the SDK throws overloaded_error", async (name) => {
    const text = fixtureText("anthropic-messages", name);
    const error = await caught(
      pinned(replay(200, "text/event-stream", text).fetch)
        .messages.stream(sdkParams)
        .finalMessage(),
    );
    expect(error).toBeInstanceOf(Anthropic.APIError);
    if (!(error instanceof Anthropic.APIError)) return;
    expect(error.type).toBe("overloaded_error");
    const end = await viaGatewayStream("anthropic-messages", { ...upstream, stream: true }, text);
    // Before any text the gateway gets a failure it can still fail over from; after, the stream's end.
    const message = "failed" in end ? end.failed : "error" in end ? end.error.message : "";
    expect(message).toBe(error.apiMessage);
  });

  it.each([400, 401, 403, 404, 413, 429, 500, 529])("reads the recorded %i error body as the gateway does", async (status) => {
    const text = fixtureText("anthropic-messages", `error-${status}.json`);
    const error = await caught(pinned(replay(status, "application/json", text).fetch).messages.create(sdkParams));
    expect(error).toBeInstanceOf(Anthropic.APIError);
    if (!(error instanceof Anthropic.APIError)) return;
    expect(error.status).toBe(status);
    const outcome = await viaGateway("anthropic-messages", upstream, status, "application/json", text);
    expect(outcome).toMatchObject({ ok: false, status, error: { message: error.apiMessage, upstreamStatus: status } });
    expect(!outcome.ok && outcome.error.extra).toEqual({ upstream_error: { type: error.type } });
  });

  it("keeps the fixture for the 2026-10-21 rejection of temperature readable by the SDK", async () => {
    const body = fixtureJson("anthropic-messages", "error-400-temperature-2026-10-21.json");
    const error = await caught(pinned(replay(400, "application/json", JSON.stringify(body)).fetch).messages.create(sdkParams));
    expect(error instanceof Anthropic.APIError && error.apiMessage).toBe("temperature: Extra inputs are not permitted");
  });
});
