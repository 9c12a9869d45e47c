// The official SDKs, pointed at the express fakes, parse responses, streams and errors.
import Anthropic from "@anthropic-ai/sdk";
import { Ajv2020 } from "ajv/dist/2020.js";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RealClock } from "../src/core/clock.js";
import { createFakeFleet, type FakeFleet } from "../src/fakes/fleet.js";
import { startExpressFakes, type ExpressFakes } from "../src/fakes/transports/express.js";
import { countTokens } from "../src/fakes/content/tokens.js";
import { anthropicProfile, CITY_SCHEMA, openAiProfile } from "./fakes-helpers.js";

const validateCity = new Ajv2020({ strict: false }).compile(CITY_SCHEMA);
let fleet: FakeFleet;
let fakes: ExpressFakes;

beforeAll(async () => {
  // Sped up 20×: a 400 ms first token takes 20 ms of wall time.
  const clock = new RealClock({ speed: 20 });
  fleet = createFakeFleet({
    seed: "sdk",
    clock,
    profiles: [
      openAiProfile({ api_key: "sk-test" }),
      anthropicProfile({ api_key: "sk-ant-test" }),
      openAiProfile({ id: "openai-eu", rate_limits: { rpm: 1 } }),
      openAiProfile({ id: "groq", degradations: [{ http_error: { status: 500, after: "0ms" } }] }),
      anthropicProfile({ id: "anthropic-us", rate_limits: { rpm: 1 } }),
      anthropicProfile({ id: "acme", format: "anthropic-messages", degradations: [{ http_error: { status: 529, count: 1, after: 0 } }, { stream_fault: { type: "error_event", after_chunks: 2 } }] }),
    ],
  });
  fakes = await startExpressFakes(fleet);
});

afterAll(() => fakes.close());

const openai = (provider = "openai", apiKey = "sk-test") => new OpenAI({ apiKey, baseURL: fakes.urls[provider], maxRetries: 0 });
const anthropic = (provider = "anthropic", apiKey = "sk-ant-test") => new Anthropic({ apiKey, baseURL: fakes.urls[provider], maxRetries: 0 });
const messages = [{ role: "user" as const, content: "Name a city." }];

describe("openai SDK against the express fake", () => {
  it("parses a completion whose usage matches its text", async () => {
    const completion = await openai().chat.completions.create({ model: "gpt-5.4-nano", messages });
    const text = completion.choices[0]?.message.content ?? "";
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(completion.usage).toMatchObject({ completion_tokens: countTokens(text), prompt_tokens: countTokens("Name a city.") });
    expect(countTokens(text)).toBe(40);
  });

  it("streams chunks, the usage chunk and [DONE]", async () => {
    const stream = await openai().chat.completions.create({ model: "gpt-5.4-nano", messages, stream: true, stream_options: { include_usage: true } });
    let text = "";
    let usage: OpenAI.CompletionUsage | null | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(finish).toBe("stop");
    expect(usage?.completion_tokens).toBe(countTokens(text));
  });

  it("streams json_schema output that the SDK's stream helper assembles into a schema-valid value", async () => {
    const stream = openai().chat.completions.stream({
      model: "gpt-5.4-nano",
      messages,
      response_format: { type: "json_schema", json_schema: { name: "city", schema: CITY_SCHEMA, strict: true } },
    });
    const final = await stream.finalChatCompletion();
    // `parsed` is filled only for SDK-built (zod) formats; a plain JSON schema is parsed here.
    const parsed: unknown = JSON.parse(final.choices[0]?.message.content ?? "null");
    expect(validateCity(parsed)).toBe(true);
  });

  it("raises AuthenticationError for a wrong key", async () => {
    await expect(openai("openai", "sk-wrong-key").chat.completions.create({ model: "gpt-5.4-nano", messages })).rejects.toMatchObject({
      status: 401,
      code: "invalid_api_key",
    });
  });

  it("raises RateLimitError with retry-after and x-ratelimit headers", async () => {
    const client = openai("openai-eu");
    await client.chat.completions.create({ model: "gpt-5.4-nano", messages });
    const error = await client.chat.completions.create({ model: "gpt-5.4-nano", messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const rate = error as InstanceType<typeof OpenAI.RateLimitError>;
    expect(rate.code).toBe("rate_limit_exceeded");
    expect(Number(rate.headers?.get("retry-after"))).toBeGreaterThan(0);
    expect(rate.headers?.get("x-ratelimit-limit-requests")).toBe("1");
    expect(rate.headers?.get("x-ratelimit-remaining-requests")).toBe("0");
  });

  it("raises InternalServerError for a 500", async () => {
    const error = await openai("groq")
      .chat.completions.create({ model: "gpt-5.4-nano", messages })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as InstanceType<typeof OpenAI.InternalServerError>).error).toMatchObject({ type: "server_error" });
  });

  it("raises BadRequestError with OpenAI's wording for a malformed request", async () => {
    const error = await openai()
      .chat.completions.create({ model: "gpt-5.4-nano", messages, temperature: 7 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).param).toBe("temperature");
  });
});

describe("@anthropic-ai/sdk against the express fake", () => {
  it("parses a message", async () => {
    const message = await anthropic().messages.create({ model: "claude-opus-4-6", max_tokens: 1024, messages });
    const block = message.content[0];
    expect(message.id).toMatch(/^msg_01/);
    expect(message.stop_reason).toBe("end_turn");
    expect(block?.type === "text" && countTokens(block.text)).toBe(message.usage.output_tokens);
  });

  it("streams the full event sequence into a final message", async () => {
    const stream = anthropic().messages.stream({ model: "claude-opus-4-6", max_tokens: 1024, messages });
    const types: string[] = [];
    stream.on("streamEvent", (event) => types.push(event.type));
    const final = await stream.finalMessage();
    expect(types[0]).toBe("message_start");
    expect(types.at(-1)).toBe("message_stop");
    expect(final.usage.output_tokens).toBe(40);
  });

  it("returns structured output under output_config.format", async () => {
    const message = await anthropic().messages.create({ model: "claude-opus-4-6", max_tokens: 1024, messages, output_config: { format: { type: "json_schema", schema: CITY_SCHEMA } } });
    const block = message.content[0];
    expect(validateCity(JSON.parse(block?.type === "text" ? block.text : "null"))).toBe(true);
  });

  it("raises RateLimitError with retry-after and anthropic-ratelimit headers", async () => {
    const client = anthropic("anthropic-us", "any");
    await client.messages.create({ model: "claude-opus-4-6", max_tokens: 10, messages });
    const error = await client.messages.create({ model: "claude-opus-4-6", max_tokens: 10, messages }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    const rate = error as InstanceType<typeof Anthropic.RateLimitError>;
    expect(Number(rate.headers?.get("retry-after"))).toBeGreaterThan(0);
    expect(rate.headers?.get("anthropic-ratelimit-requests-remaining")).toBe("0");
    expect(rate.error).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
  });

  it("raises the 529 overloaded error, then an error event mid-stream", async () => {
    const client = anthropic("acme", "any");
    const overloaded = await client.messages.create({ model: "claude-opus-4-6", max_tokens: 10, messages }).catch((e: unknown) => e);
    expect(overloaded).toBeInstanceOf(Anthropic.InternalServerError);
    expect((overloaded as InstanceType<typeof Anthropic.APIError>).status).toBe(529);
    const stream = client.messages.stream({ model: "claude-opus-4-6", max_tokens: 1024, messages });
    await expect(stream.finalMessage()).rejects.toMatchObject({ error: { type: "error", error: { type: "overloaded_error" } } });
  });

  it("raises AuthenticationError without the key", async () => {
    await expect(anthropic("anthropic", "nope").messages.create({ model: "claude-opus-4-6", max_tokens: 10, messages })).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
  });
});
