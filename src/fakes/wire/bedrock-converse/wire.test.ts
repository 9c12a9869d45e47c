import { describe, expect, it } from "vitest";
import { EventMessageDecoder } from "../../../core/event-stream/event-message-decoder.js";
import type { FakeAnswer } from "../types.js";
import { bedrockStreamEvents, encodeBedrockEvents } from "./bodies.js";
import { bedrockConverseWire, matchBedrockPath } from "./wire.js";

const SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "a".repeat(64);
const answer: FakeAnswer = { id: "x", model: "m", created: 1, text: "Hi!", finishReason: "stop", usage: { input: 2, output: 1 }, fingerprint: "" };

describe("bedrockConverseWire", () => {
  it("reads the URL-encoded model id and the mode from the path", () => {
    expect(matchBedrockPath("/model/anthropic.claude-haiku-4-5-v1%3A0/converse-stream")).toEqual({ model: "anthropic.claude-haiku-4-5-v1:0", stream: true });
    expect(matchBedrockPath("/model/x/invoke")).toBeUndefined();
  });

  it("requires SigV4 headers (not the signature) and the profile's access key id", () => {
    expect(bedrockConverseWire.checkHeaders(new Headers({ authorization: SIGNED, "x-amz-date": "20260101T000000Z" }), "AKIDTEST")).toBeUndefined();
    expect(bedrockConverseWire.checkHeaders(new Headers({ authorization: SIGNED }), undefined)).toEqual({ kind: "missing_key" });
    expect(bedrockConverseWire.checkHeaders(new Headers({ authorization: "Bearer k", "x-amz-date": "20260101T000000Z" }), undefined)).toEqual({ kind: "missing_key" });
    expect(bedrockConverseWire.checkHeaders(new Headers({ authorization: SIGNED, "x-amz-date": "20260101T000000Z" }), "AKIDOTHER")).toEqual({ kind: "wrong_key", key: "AKIDTEST" });
  });

  it.each([
    [{ kind: "missing_key" } as const, 403, "MissingAuthenticationTokenException"],
    [{ kind: "overloaded" } as const, 503, "ServiceUnavailableException"],
    [{ kind: "status", status: 429, message: undefined } as const, 429, "ThrottlingException"],
    [{ kind: "model_not_found", model: "m" } as const, 400, "ValidationException"],
  ])("answers %j with status %i and x-amzn-errortype %s", (error, status, type) => {
    const reply = bedrockConverseWire.errorReply(error, "req");
    expect(reply.status).toBe(status);
    expect(reply.headers["x-amzn-errortype"]).toBe(`${type}:http://internal.amazon.com/coral/com.amazon.bedrock/`);
    expect(reply.body).toEqual({ message: expect.any(String) });
  });

  it("parses the JSON schema string of outputConfig.textFormat, and rejects unknown fields", () => {
    const schema = { type: "object" };
    const ok = bedrockConverseWire.parseRequest(
      { messages: [{ role: "user", content: [{ text: "Hi" }] }], outputConfig: { textFormat: { type: "json_schema", structure: { jsonSchema: { schema: JSON.stringify(schema) } } } } },
      new Headers(),
      { model: "m", stream: false },
    );
    expect(ok).toMatchObject({ ok: true, request: { model: "m", format: { type: "json_schema", schema } } });
    expect(bedrockConverseWire.parseRequest({ messages: [{ role: "user", content: [{ text: "Hi" }] }], bogus: 1 }, new Headers())).toMatchObject({ ok: false, error: { kind: "invalid_request" } });
  });

  it("frames the stream as event-stream messages, exceptions as exception messages", () => {
    const events = bedrockStreamEvents(answer);
    const all = [...events.opening(), ...events.delta("Hi!"), ...events.closing(), ...events.terminator(), ...events.error("throttlingException")];
    const messages = new EventMessageDecoder().push(encodeBedrockEvents(all));
    expect(messages.map((m) => m.headers[":event-type"] ?? m.headers[":exception-type"])).toEqual([
      "messageStart",
      "contentBlockDelta",
      "contentBlockStop",
      "messageStop",
      "metadata",
      "throttlingException",
    ]);
    expect(messages.at(-1)?.headers[":message-type"]).toBe("exception");
  });
});
