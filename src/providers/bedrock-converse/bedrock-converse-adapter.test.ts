import { EventStreamCodec } from "@smithy/core/event-streams";
import { describe, expect, it } from "vitest";
import { fixtureJson, fixtureText, splitEvery } from "../__fixtures__/fixtures.js";
import type { StreamDelta, UpstreamRequest } from "../types.js";
import { bedrockConverseAdapter } from "./bedrock-converse-adapter.js";
import { bedrockConverseRequestSchema } from "./bedrock-converse-api-types.js";
import { BEDROCK_STOP_REASONS, mapBedrockStopReason } from "./map-bedrock-stop-reason.js";
import { amzDate, signSigV4 } from "./sign-sigv4.js";

const MODEL = "anthropic.claude-haiku-4-5-20251001-v1:0";
const target = { baseUrl: "https://bedrock-runtime.eu-west-1.amazonaws.com", apiKey: "AKIDEXAMPLE:wJalrXUtnFEMI", now: Date.UTC(2026, 0, 2, 3, 4, 5) };
const base: UpstreamRequest = { model: MODEL, messages: [{ role: "user", content: "Capital of France?" }], stream: false };
const bodyOf = (request: UpstreamRequest) => bedrockConverseRequestSchema.parse(JSON.parse(bedrockConverseAdapter.buildRequest(request, target).init.body));

const utf8 = new TextEncoder();
const codec = new EventStreamCodec(
  (b: Uint8Array) => new TextDecoder().decode(b),
  (s: string) => utf8.encode(s),
);
/** Frames a fixture's events with the AWS SDK's own codec: the bytes Bedrock would send. */
function framed(name: string): Uint8Array {
  const frames = fixtureText("bedrock-converse", name)
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { event?: string; exception?: string; payload: unknown })
    .map((m) => {
      const kind = m.exception ? { ":exception-type": m.exception, ":message-type": "exception" } : { ":event-type": m.event ?? "", ":message-type": "event" };
      const headers = Object.fromEntries(Object.entries({ ...kind, ":content-type": "application/json" }).map(([k, v]) => [k, { type: "string" as const, value: v }]));
      return codec.encode({ headers, body: utf8.encode(JSON.stringify(m.payload)) });
    });
  return Buffer.concat(frames);
}
/** Decodes and maps the framed bytes delivered in 7-byte pieces, as a network splits them. */
function streamOf(bytes: Uint8Array): StreamDelta[] {
  const decoder = bedrockConverseAdapter.createEventDecoder?.();
  if (!decoder) throw new Error("bedrock needs its event decoder");
  const map = bedrockConverseAdapter.createStreamMapper();
  const pieces = splitEvery(Buffer.from(bytes).toString("latin1"), 7).map((s) => Uint8Array.from(Buffer.from(s, "latin1")));
  return pieces.flatMap((p) => decoder.push(p)).flatMap((e) => map(e));
}

describe("bedrock-converse request mapper", () => {
  it("posts to /model/{id}/converse(-stream) with the id URL-encoded and a SigV4 signature", () => {
    const call = bedrockConverseAdapter.buildRequest(base, target);
    expect(call.url).toBe("https://bedrock-runtime.eu-west-1.amazonaws.com/model/anthropic.claude-haiku-4-5-20251001-v1%3A0/converse");
    expect(bedrockConverseAdapter.buildRequest({ ...base, stream: true }, target).url).toMatch(/\/converse-stream$/);
    expect(call.init.headers["x-amz-date"]).toBe("20260102T030405Z");
    expect(call.init.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260102\/eu-west-1\/bedrock\/aws4_request, SignedHeaders=accept;content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it("signs deterministically, and differently for another body or time", () => {
    const sign = (body: string, now: number) =>
      signSigV4({ url: new URL("https://bedrock-runtime.us-east-1.amazonaws.com/model/x/converse"), body, now, credentials: "AKID:secret", headers: {} }).authorization;
    expect(sign("{}", 0)).toBe(sign("{}", 0));
    expect(sign("{}", 0)).not.toBe(sign("{ }", 0));
    expect(sign("{}", 0)).not.toBe(sign("{}", 1000));
    expect(amzDate(0)).toBe("19700101T000000Z");
  });

  it("maps system text, turns, inference settings and a JSON schema as a string", () => {
    const schema = { type: "object", properties: { city: { type: "string" } } };
    expect(bodyOf({ ...base, instructions: "Be brief.", maxOutputTokens: 200, temperature: 0.3, topP: 0.9, stop: ["###"], responseFormat: { type: "json_schema", name: "city", schema } })).toEqual({
      messages: [{ role: "user", content: [{ text: "Capital of France?" }] }],
      system: [{ text: "Be brief." }],
      inferenceConfig: { maxTokens: 200, temperature: 0.3, topP: 0.9, stopSequences: ["###"] },
      outputConfig: { textFormat: { type: "json_schema", structure: { jsonSchema: { schema: JSON.stringify(schema), name: "city" } } } },
    });
    expect(bodyOf(base)).toEqual({ messages: [{ role: "user", content: [{ text: "Capital of France?" }] }] });
  });
});

describe("bedrock-converse response mapper", () => {
  it("maps the response; reasoning blocks are not text; cache reads are input", () => {
    expect(bedrockConverseAdapter.parseResponse(fixtureJson("bedrock-converse", "response-basic.json"))).toEqual({
      id: undefined,
      model: undefined,
      text: "The capital of France is Paris.",
      finishReason: "stop",
      usage: { inputTokens: 14, outputTokens: 9 },
    });
    expect(bedrockConverseAdapter.parseResponse(fixtureJson("bedrock-converse", "response-max-tokens-cached.json"))).toMatchObject({
      text: '{"city":"Paris","landmarks":["Eiffel',
      finishReason: "length",
      usage: { inputTokens: 1220, outputTokens: 64 },
    });
  });

  it.each(Object.entries(BEDROCK_STOP_REASONS))("stopReason %s → %s", (reason, expected) => {
    expect(mapBedrockStopReason(reason)).toBe(expected);
  });

  it("maps error bodies by status", () => {
    expect(bedrockConverseAdapter.parseError(429, fixtureJson("bedrock-converse", "error-429.json"))).toMatchObject({
      isRetryable: true,
      message: "Too many requests, please wait before trying again.",
      extra: { upstream_error: { type: "ThrottlingException" } },
    });
    expect(bedrockConverseAdapter.parseError(400, fixtureJson("bedrock-converse", "error-400.json")).isRetryable).toBe(false);
  });
});

describe("bedrock-converse event stream", () => {
  it("decodes frames written by the AWS SDK's codec and maps them; finish comes with metadata", () => {
    expect(streamOf(framed("stream-basic.jsonl"))).toEqual([
      { type: "start", id: undefined, model: undefined },
      { type: "text", text: "The capital" },
      { type: "text", text: " of France is Paris." },
      { type: "usage", usage: { inputTokens: 14, outputTokens: 9 } },
      { type: "finish", finishReason: "stop" },
    ]);
  });

  it("maps an exception frame to a retryable error with the exception's status", () => {
    const last = streamOf(framed("stream-throttled.jsonl")).at(-1);
    expect(last?.type === "error" && last.error).toMatchObject({ upstreamStatus: 429, isRetryable: true, extra: { in_stream: true, upstream_error: { type: "throttlingException" } } });
  });

  it("fails the stream on a frame whose checksum does not hold", () => {
    const bytes = framed("stream-basic.jsonl");
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0xff;
    const last = streamOf(bytes).at(-1);
    expect(last?.type === "error" && last.error).toMatchObject({ code: "upstream_invalid_response" });
    expect(last?.type === "error" && last.error.message).toContain("message checksum mismatch");
  });
});
