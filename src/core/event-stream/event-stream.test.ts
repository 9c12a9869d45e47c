// The event-stream encoder and decoder against the AWS SDK's own codec (@smithy/core, installed with
// @aws-sdk/client-bedrock-runtime): frames each side writes, the other reads byte for byte.
import { EventStreamCodec, type Message } from "@smithy/core/event-streams";
import { describe, expect, it } from "vitest";
import { crc32 } from "./crc32.js";
import { encodeEventMessage } from "./encode-event-message.js";
import { EventMessageDecoder, EventStreamFrameError } from "./event-message-decoder.js";

const utf8 = new TextEncoder();
const text = new TextDecoder();
const sdk = new EventStreamCodec(
  (bytes: Uint8Array) => text.decode(bytes),
  (value: string) => utf8.encode(value),
);

const headers = { ":event-type": "contentBlockDelta", ":content-type": "application/json", ":message-type": "event" };
const payload = utf8.encode('{"contentBlockIndex":0,"delta":{"text":"Hello"}}');

function sdkFrame(): Uint8Array {
  const message: Message = {
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, { type: "string" as const, value: v }])),
    body: payload,
  };
  return sdk.encode(message);
}

describe("crc32", () => {
  it("matches the standard check value", () => {
    expect(crc32(utf8.encode("123456789"))).toBe(0xcbf43926);
  });
});

describe("encodeEventMessage", () => {
  it("writes the same bytes as the AWS SDK's codec", () => {
    expect(Buffer.from(encodeEventMessage({ headers, payload })).toString("hex")).toBe(Buffer.from(sdkFrame()).toString("hex"));
  });

  it("writes frames the AWS SDK's codec reads, checksums included", () => {
    const decoded = sdk.decode(encodeEventMessage({ headers, payload }));
    expect(decoded.headers[":event-type"]).toEqual({ type: "string", value: "contentBlockDelta" });
    expect(text.decode(decoded.body)).toBe(text.decode(payload));
  });
});

describe("EventMessageDecoder", () => {
  it("reads a frame the AWS SDK wrote, delivered one byte at a time", () => {
    const frame = sdkFrame();
    const decoder = new EventMessageDecoder();
    const messages = [...frame].flatMap((byte) => decoder.push(Uint8Array.of(byte)));
    expect(messages).toHaveLength(1);
    expect(messages[0]?.headers).toEqual(headers);
    expect(text.decode(messages[0]?.payload)).toBe(text.decode(payload));
    expect(decoder.pending).toBe(0);
  });

  it("reads several frames from one chunk and holds an unfinished one", () => {
    const frame = sdkFrame();
    const joined = new Uint8Array(frame.length * 2 + 5);
    joined.set(frame);
    joined.set(frame, frame.length);
    joined.set(frame.subarray(0, 5), frame.length * 2);
    const decoder = new EventMessageDecoder();
    expect(decoder.push(joined)).toHaveLength(2);
    expect(decoder.pending).toBe(5);
  });

  it.each([
    ["prelude", 9, "prelude checksum mismatch"],
    ["message", -1, "message checksum mismatch"],
  ])("rejects a frame whose %s checksum does not hold", (_label, index, message) => {
    const frame = sdkFrame();
    const at = index < 0 ? frame.length + index : index;
    frame[at] = (frame[at] as number) ^ 0xff;
    expect(() => new EventMessageDecoder().push(frame)).toThrow(new EventStreamFrameError(message));
  });
});
