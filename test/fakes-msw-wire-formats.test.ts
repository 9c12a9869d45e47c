// The known native hosts (`gemini`, `bedrock`) intercepted in-process by msw at their real URLs: the
// gateway-facing fetch sees Google's SSE and Bedrock's binary event stream unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RealClock } from "../src/core/clock.js";
import { EventMessageDecoder } from "../src/core/event-stream/event-message-decoder.js";
import { parseSseStream } from "../src/core/sse.js";
import { createFakeFleet } from "../src/fakes/fleet.js";
import { defineFakeProvider } from "../src/fakes/profile/schema.js";
import { startMswInterception, type MswInterception } from "../src/fakes/transports/msw.js";

let msw: MswInterception;
beforeAll(() => {
  const fast = { ttft: "5ms", throughput: 5000, output_tokens: 20 } as const;
  const fleet = createFakeFleet({
    seed: "msw-wire",
    clock: new RealClock(),
    profiles: [
      defineFakeProvider({ id: "gemini", models: { "google/gemini-2.5-flash": { model: "gemini-2.5-flash", price: { input: 0.3, output: 2.5 } } }, ...fast }),
      defineFakeProvider({ id: "bedrock", models: { "amazon/nova-micro": { model: "amazon.nova-micro-v1:0", price: { input: 0.035, output: 0.14 } } }, ...fast }),
    ],
  });
  msw = startMswInterception(fleet);
});
afterAll(() => msw.close());

describe("msw interception of the native hosts", () => {
  it("serves Gemini's alt=sse stream at generativelanguage.googleapis.com", async () => {
    const res = await fetch("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", {
      method: "POST",
      headers: { "content-type": "application/json", "x-goog-api-key": "k" },
      body: JSON.stringify({ contents: [{ role: "user", parts: [{ text: "Hi" }] }] }),
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = [];
    for await (const event of parseSseStream(res.body as ReadableStream<Uint8Array>)) events.push(JSON.parse(event.data) as { candidates: { finishReason?: string }[] });
    expect(events.at(-1)?.candidates[0]?.finishReason).toBe("STOP");
  });

  it("serves Bedrock's binary event stream at bedrock-runtime.us-east-1.amazonaws.com, checksums intact", async () => {
    const res = await fetch("https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-micro-v1%3A0/converse-stream", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`,
        "x-amz-date": "20260101T000000Z",
      },
      body: JSON.stringify({ messages: [{ role: "user", content: [{ text: "Hi" }] }] }),
    });
    expect(res.headers.get("content-type")).toBe("application/vnd.amazon.eventstream");
    const messages = new EventMessageDecoder().push(new Uint8Array(await res.arrayBuffer()));
    expect(messages[0]?.headers[":event-type"]).toBe("messageStart");
    expect(messages.at(-1)?.headers[":event-type"]).toBe("metadata");
  });
});
