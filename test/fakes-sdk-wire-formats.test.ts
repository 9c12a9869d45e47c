// The official clients of the three newer formats, pointed at the express fakes over real HTTP:
// @google/genai (Gemini), @aws-sdk/client-bedrock-runtime (Converse, binary event stream, SigV4)
// and the openai SDK's Responses API. Plain, streamed, structured, an error, and a 429 retried.
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, ThrottlingException } from "@aws-sdk/client-bedrock-runtime";
import { ApiError, GoogleGenAI, Type } from "@google/genai";
// The Bedrock client speaks HTTP/2 by default; the fakes serve HTTP/1.1, which Bedrock also accepts.
import { NodeHttpHandler } from "@smithy/node-http-handler";
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RealClock } from "../src/core/clock.js";
import { countTokens } from "../src/fakes/content/tokens.js";
import { createFakeFleet, type FakeFleet } from "../src/fakes/fleet.js";
import { defineFakeProvider, type FakeProviderProfileInput } from "../src/fakes/profile/schema.js";
import { startExpressFakes, type ExpressFakes } from "../src/fakes/transports/express.js";
import { CITY_SCHEMA } from "./fakes-helpers.js";

const BEDROCK_MODEL = "anthropic.claude-haiku-4-5-20251001-v1:0";
const profile = (id: string, format: FakeProviderProfileInput["format"], model: string, extra: Partial<FakeProviderProfileInput> = {}) =>
  defineFakeProvider({ id, format, models: { "acme/model-x": { model, price: { input: 1, output: 2 }, max_output_tokens: 4096 } }, ttft: "200ms", throughput: 80, output_tokens: 24, ...extra });

let fleet: FakeFleet;
let fakes: ExpressFakes;

beforeAll(async () => {
  // Sped up 20×: a 200 ms first token takes 10 ms of wall time.
  fleet = createFakeFleet({
    seed: "sdk-wire",
    clock: new RealClock({ speed: 20 }),
    profiles: [
      profile("gemini", "gemini", "gemini-2.5-flash", { api_key: "AIza-test" }),
      profile("gemini-down", "gemini", "gemini-2.5-flash", { degradations: [{ http_error: { status: 503, after: "0ms" } }] }),
      profile("bedrock", "bedrock-converse", BEDROCK_MODEL, { api_key: "AKIDTEST" }),
      profile("bedrock-busy", "bedrock-converse", BEDROCK_MODEL, { degradations: [{ http_error: { status: 429, count: 1, after: "0ms", retry_after: "1s" } }] }),
      profile("responses", "openai-responses", "gpt-5.4-nano", { api_key: "sk-test" }),
      profile("responses-busy", "openai-responses", "gpt-5.4-nano", { degradations: [{ http_error: { status: 429, count: 1, after: "0ms", retry_after: "1s" } }] }),
      profile("chat-busy", "openai-chat", "gpt-5.4-nano", { degradations: [{ http_error: { status: 429, count: 1, after: "0ms", retry_after: "1s" } }] }),
      profile("messages-busy", "anthropic-messages", "claude-haiku-4-5", { degradations: [{ http_error: { status: 429, count: 1, after: "0ms", retry_after: "1s" } }] }),
    ],
  });
  fakes = await startExpressFakes(fleet);
});

afterAll(() => fakes.close());

const calls = (provider: string) => fleet.journal.entries.filter((e) => e.provider === provider);

describe("@google/genai against the Gemini fake", () => {
  const genai = (provider = "gemini", apiKey = "AIza-test") => new GoogleGenAI({ apiKey, httpOptions: { baseUrl: fakes.urls[provider] } });

  it("generates content with usageMetadata that matches the text", async () => {
    const response = await genai().models.generateContent({ model: "gemini-2.5-flash", contents: "Name a city." });
    expect(response.candidates?.[0]?.finishReason).toBe("STOP");
    expect(countTokens(response.text ?? "")).toBe(24);
    expect(response.usageMetadata).toMatchObject({ promptTokenCount: countTokens("Name a city."), candidatesTokenCount: 24 });
  });

  it("streams partial responses, the last with finishReason and usage", async () => {
    const stream = await genai().models.generateContentStream({ model: "gemini-2.5-flash", contents: "Name a city." });
    let text = "";
    let chunks = 0;
    let last: Awaited<ReturnType<typeof stream.next>>["value"];
    for await (const chunk of stream) {
      text += chunk.text ?? "";
      chunks += 1;
      last = chunk;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(countTokens(text)).toBe(24);
    expect(last?.candidates?.[0]?.finishReason).toBe("STOP");
    expect(last?.usageMetadata?.candidatesTokenCount).toBe(24);
  });

  it("honours responseMimeType and responseSchema", async () => {
    const response = await genai().models.generateContent({
      model: "gemini-2.5-flash",
      contents: "Name a city.",
      config: { responseMimeType: "application/json", responseJsonSchema: CITY_SCHEMA },
    });
    expect(Object.keys(JSON.parse(response.text ?? "") as object).sort()).toEqual(["city", "kind", "population"]);
    const openApi = await genai().models.generateContent({
      model: "gemini-2.5-flash",
      contents: "Name a city.",
      config: { responseMimeType: "application/json", responseSchema: { type: Type.OBJECT, properties: { city: { type: Type.STRING }, rank: { type: Type.INTEGER } }, required: ["city", "rank"] } },
    });
    const value = JSON.parse(openApi.text ?? "") as { city: unknown; rank: unknown };
    expect(typeof value.city).toBe("string");
    expect(Number.isInteger(value.rank)).toBe(true);
  });

  it("surfaces Google's error body: a wrong key, and a 503", async () => {
    const wrongKey = await genai("gemini", "AIza-wrong")
      .models.generateContent({ model: "gemini-2.5-flash", contents: "Hi" })
      .catch((e: unknown) => e);
    expect(wrongKey).toBeInstanceOf(ApiError);
    expect((wrongKey as ApiError).status).toBe(400);
    expect((wrongKey as ApiError).message).toContain("API key not valid");
    const down = await genai("gemini-down")
      .models.generateContent({ model: "gemini-2.5-flash", contents: "Hi" })
      .catch((e: unknown) => e);
    expect((down as ApiError).status).toBe(503);
    expect((down as ApiError).message).toContain("UNAVAILABLE");
  });
});

describe("@aws-sdk/client-bedrock-runtime against the Bedrock fake", () => {
  const bedrock = (provider = "bedrock", accessKeyId = "AKIDTEST", maxAttempts = 1) =>
    new BedrockRuntimeClient({ region: "us-east-1", endpoint: fakes.urls[provider], credentials: { accessKeyId, secretAccessKey: "secret" }, maxAttempts, requestHandler: new NodeHttpHandler() });
  const messages = [{ role: "user" as const, content: [{ text: "Name a city." }] }];

  it("converses, signed with SigV4", async () => {
    const response = await bedrock().send(new ConverseCommand({ modelId: BEDROCK_MODEL, messages, inferenceConfig: { maxTokens: 500 } }));
    const text = response.output?.message?.content?.[0]?.text ?? "";
    expect(response.stopReason).toBe("end_turn");
    expect(countTokens(text)).toBe(24);
    expect(response.usage).toMatchObject({ inputTokens: countTokens("Name a city."), outputTokens: 24, totalTokens: countTokens("Name a city.") + 24 });
  });

  it("streams the binary event stream, checksums and all", async () => {
    const response = await bedrock().send(new ConverseStreamCommand({ modelId: BEDROCK_MODEL, messages }));
    const kinds: string[] = [];
    let text = "";
    for await (const event of response.stream ?? []) {
      kinds.push(Object.keys(event).find((k) => k !== "$unknown") ?? "?");
      text += event.contentBlockDelta?.delta?.text ?? "";
      if (event.messageStop) expect(event.messageStop.stopReason).toBe("end_turn");
      if (event.metadata) expect(event.metadata.usage?.outputTokens).toBe(24);
    }
    expect(countTokens(text)).toBe(24);
    expect(kinds[0]).toBe("messageStart");
    expect(kinds.slice(-3)).toEqual(["contentBlockStop", "messageStop", "metadata"]);
  });

  it("rejects an unknown access key with Bedrock's exception", async () => {
    const error = await bedrock("bedrock", "AKIDWRONG")
      .send(new ConverseCommand({ modelId: BEDROCK_MODEL, messages }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "UnrecognizedClientException", $metadata: { httpStatusCode: 403 } });
  });

  it("retries a ThrottlingException after the Retry-After the fake sent", async () => {
    const started = Date.now();
    const response = await bedrock("bedrock-busy", "AKIDTEST", 2).send(new ConverseCommand({ modelId: BEDROCK_MODEL, messages }));
    expect(response.stopReason).toBe("end_turn");
    expect(response.$metadata.attempts).toBe(2);
    expect(calls("bedrock-busy").map((c) => c.status)).toEqual([429, 200]);
    // A lower bound only: the SDK waited at least the 1 s it was told to (minus timer slack).
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("names the throttling exception when it does not retry", async () => {
    fleet.degrade("bedrock-busy", { http_error: { status: 429, count: 1, after: "0ms" } });
    const error = await bedrock("bedrock-busy")
      .send(new ConverseCommand({ modelId: BEDROCK_MODEL, messages }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottlingException);
  });
});

describe("openai SDK (Responses) against the Responses fake", () => {
  const openai = (provider = "responses", maxRetries = 0) => new OpenAI({ apiKey: "sk-test", baseURL: fakes.urls[provider], maxRetries });

  it("creates a response whose usage matches its text", async () => {
    const response = await openai().responses.create({ model: "gpt-5.4-nano", input: "Name a city." });
    expect(response.id).toMatch(/^resp_/);
    expect(response.status).toBe("completed");
    expect(countTokens(response.output_text)).toBe(24);
    expect(response.usage).toMatchObject({ input_tokens: countTokens("Name a city."), output_tokens: 24 });
  });

  it("streams typed response.* events with sequence numbers", async () => {
    const stream = await openai().responses.create({ model: "gpt-5.4-nano", input: "Name a city.", stream: true });
    const types: string[] = [];
    const sequence: number[] = [];
    let text = "";
    for await (const event of stream) {
      types.push(event.type);
      sequence.push(event.sequence_number);
      if (event.type === "response.output_text.delta") text += event.delta;
      if (event.type === "response.completed") expect(event.response.usage?.output_tokens).toBe(24);
    }
    expect(types.slice(0, 4)).toEqual(["response.created", "response.in_progress", "response.output_item.added", "response.content_part.added"]);
    expect(types.slice(-4)).toEqual(["response.output_text.done", "response.content_part.done", "response.output_item.done", "response.completed"]);
    expect(sequence).toEqual(sequence.map((_, i) => i));
    expect(countTokens(text)).toBe(24);
  });

  it("parses structured output", async () => {
    const response = await openai().responses.create({ model: "gpt-5.4-nano", input: "Name a city.", text: { format: { type: "json_schema", name: "city", schema: CITY_SCHEMA, strict: true } } });
    expect(Object.keys(JSON.parse(response.output_text) as object).sort()).toEqual(["city", "kind", "population"]);
  });

  it("answers OpenAI's 400 for an unknown parameter", async () => {
    const error = await openai()
      .responses.create({ model: "gpt-5.4-nano", input: "Hi", ...{ bogus: 1 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).message).toContain("Unrecognized request argument supplied: bogus");
  });

  it("retries a 429 after its Retry-After", async () => {
    const started = Date.now();
    const response = await openai("responses-busy", 1).responses.create({ model: "gpt-5.4-nano", input: "Hi" });
    expect(response.status).toBe("completed");
    expect(calls("responses-busy").map((c) => c.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

// The gateway's own surfaces never answer 429 with Retry-After (the reference sends Retry-After only
// on its OAuth route), so the two clients of those surfaces are shown honouring it where it is real:
// the providers' 429s.
describe("openai (chat) and @anthropic-ai/sdk honour a provider's Retry-After", () => {
  it("openai chat.completions retries after 1 s", async () => {
    const started = Date.now();
    const client = new OpenAI({ apiKey: "k", baseURL: fakes.urls["chat-busy"], maxRetries: 1 });
    const completion = await client.chat.completions.create({ model: "gpt-5.4-nano", messages: [{ role: "user", content: "Hi" }] });
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(calls("chat-busy").map((c) => c.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("anthropic messages retries after 1 s", async () => {
    const started = Date.now();
    const client = new Anthropic({ apiKey: "k", baseURL: fakes.urls["messages-busy"], maxRetries: 1 });
    const message = await client.messages.create({ model: "claude-haiku-4-5", max_tokens: 500, messages: [{ role: "user", content: "Hi" }] });
    expect(message.stop_reason).toBe("end_turn");
    expect(calls("messages-busy").map((c) => c.status)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});
