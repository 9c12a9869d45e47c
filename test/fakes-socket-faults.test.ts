// Over HTTP the socket faults are real: a reset connection, bytes that are not HTTP then a close,
// and a mid-stream disconnect that leaves the chunked body unterminated.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RealClock } from "../src/core/clock.js";
import { createFakeFleet } from "../src/fakes/fleet.js";
import { startExpressFakes, type ExpressFakes } from "../src/fakes/transports/express.js";
import { chatInit, openAiProfile } from "./fakes-helpers.js";

let fakes: ExpressFakes;

beforeAll(async () => {
  const fleet = createFakeFleet({
    seed: "sockets",
    clock: new RealClock({ speed: 50 }),
    profiles: [
      openAiProfile({ id: "openai", degradations: [{ socket_fault: "reset" }] }),
      openAiProfile({ id: "groq", degradations: [{ socket_fault: "garbage_then_close" }] }),
      openAiProfile({ id: "together", degradations: [{ stream_fault: { type: "disconnect", after_chunks: 2 } }] }),
      openAiProfile({ id: "deepinfra", degradations: [{ hang: { for: "2s" } }] }),
    ],
  });
  fakes = await startExpressFakes(fleet);
});

afterAll(() => fakes.close());

const post = (provider: string, extra = {}) => fetch(`${fakes.urls[provider]}/chat/completions`, chatInit(extra));
const causeOf = async (p: Promise<unknown>) => {
  const error = (await p.then(
    () => undefined,
    (e: unknown) => e,
  )) as (Error & { cause?: { code?: string } }) | undefined;
  return { name: error?.name, message: error?.message, code: error?.cause?.code };
};

describe("socket faults over express", () => {
  it("reset: the connection drops before any answer", async () => {
    expect(await causeOf(post("openai"))).toMatchObject({ name: "TypeError", message: "fetch failed" });
  });

  it("garbage_then_close: the client's HTTP parser rejects the bytes", async () => {
    const failure = await causeOf(post("groq"));
    expect(failure).toMatchObject({ name: "TypeError", message: "fetch failed" });
    expect(failure.code).toMatch(/^HPE_/);
  });

  it("disconnect mid-stream: headers and two chunks arrive, then the body errors", async () => {
    const response = await post("together", { stream: true });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const failure = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        text += decoder.decode(value);
      }
    })().catch((e: unknown) => e as Error);
    expect(failure?.message).toBe("terminated");
    expect(text.match(/"content":"[^"]+"/g)).toHaveLength(2);
    expect(text).not.toContain("[DONE]");
  });

  it("the OpenAI SDK reports these as connection errors", async () => {
    const client = new OpenAI({ apiKey: "x", baseURL: fakes.urls.deepinfra, maxRetries: 0 });
    await expect(client.chat.completions.create({ model: "gpt-5.4-nano", messages: [{ role: "user", content: "hi" }] })).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
  });
});
