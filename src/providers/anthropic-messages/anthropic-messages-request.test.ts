import { describe, expect, it } from "vitest";
import type { UpstreamRequest } from "../types.js";
import { anthropicMessagesRequestSchema } from "./anthropic-messages-api-types.js";
import { buildAnthropicMessagesRequest, DEFAULT_ANTHROPIC_MAX_TOKENS, JSON_OBJECT_INSTRUCTION } from "./anthropic-messages-request.js";

const target = { baseUrl: "https://api.anthropic.com", apiKey: "sk-ant-test" };
const base: UpstreamRequest = { model: "claude-sonnet-4-6", messages: [{ role: "user", content: "Capital of France?" }], stream: false };

function bodyOf(request: UpstreamRequest): Record<string, unknown> {
  const body = JSON.parse(buildAnthropicMessagesRequest(request, target).init.body) as Record<string, unknown>;
  anthropicMessagesRequestSchema.parse(body);
  return body;
}

describe("buildAnthropicMessagesRequest", () => {
  it("posts to {baseUrl}/v1/messages with x-api-key and the API version", () => {
    const call = buildAnthropicMessagesRequest(base, { ...target, baseUrl: "https://us.api.anthropic.com/" });
    expect(call.url).toBe("https://us.api.anthropic.com/v1/messages");
    expect(call.init.headers).toEqual({ "x-api-key": "sk-ant-test", "anthropic-version": "2023-06-01", "content-type": "application/json" });
    expect(call.init.headers).not.toHaveProperty("anthropic-beta");
  });

  it("always sends max_tokens, defaulting when the request set none", () => {
    expect(bodyOf(base)).toEqual({ model: "claude-sonnet-4-6", max_tokens: DEFAULT_ANTHROPIC_MAX_TOKENS, messages: [{ role: "user", content: "Capital of France?" }] });
    expect(bodyOf({ ...base, maxOutputTokens: 300 }).max_tokens).toBe(300);
  });

  it("joins instructions and system/developer messages into `system`, keeping only user and assistant turns", () => {
    const body = bodyOf({
      ...base,
      instructions: "You are a geography tutor.",
      messages: [
        { role: "system", content: "Answer in one sentence." },
        { role: "user", content: "Hi" },
        { role: "developer", content: "Never use emoji." },
        { role: "assistant", content: "Hello" },
        { role: "user", content: "Capital of France?" },
      ],
    });
    expect(body.system).toBe("You are a geography tutor.\n\nAnswer in one sentence.\n\nNever use emoji.");
    expect(body.messages).toEqual([
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello" },
      { role: "user", content: "Capital of France?" },
    ]);
  });

  it("maps sampling parameters and stop sequences", () => {
    const body = bodyOf({ ...base, temperature: 0.3, topP: 0.8, stop: ["###"] });
    expect(body).toMatchObject({ temperature: 0.3, top_p: 0.8, stop_sequences: ["###"] });
    expect(bodyOf({ ...base, stop: [] })).not.toHaveProperty("stop_sequences");
  });

  it("maps json_schema to GA output_config.format, dropping name and strict", () => {
    const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false };
    const body = bodyOf({ ...base, responseFormat: { type: "json_schema", name: "city_answer", schema, strict: true } });
    expect(body.output_config).toEqual({ format: { type: "json_schema", schema } });
    expect(body).not.toHaveProperty("output_format");
    expect(JSON.stringify(body)).not.toContain("city_answer");
  });

  it("maps json_object to a system instruction, after the other system text", () => {
    const body = bodyOf({ ...base, instructions: "Be terse.", responseFormat: { type: "json_object" } });
    expect(body.system).toBe(`Be terse.\n\n${JSON_OBJECT_INSTRUCTION}`);
    expect(body).not.toHaveProperty("output_config");
    expect(bodyOf({ ...base, responseFormat: { type: "json_object" } }).system).toBe(JSON_OBJECT_INSTRUCTION);
  });

  it("sends nothing for the text format", () => {
    const body = bodyOf({ ...base, responseFormat: { type: "text" } });
    expect(body).not.toHaveProperty("output_config");
    expect(body).not.toHaveProperty("system");
  });

  it("sets stream only for streams", () => {
    expect(bodyOf({ ...base, stream: true }).stream).toBe(true);
    expect(bodyOf(base)).not.toHaveProperty("stream");
  });
});
