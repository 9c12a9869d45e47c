// The msw transport: the process's own fetch to the providers' real URLs is answered by the fakes.
import { afterEach, describe, expect, it } from "vitest";
import { SseParser } from "../src/core/sse.js";
import { createFakeFleet } from "../src/fakes/fleet.js";
import { startMswInterception, type MswInterception } from "../src/fakes/transports/msw.js";
import { ANTHROPIC_URL, OPENAI_URL, anthropicProfile, chatInit, messagesInit, openAiProfile, readTimed, virtualFleet } from "./fakes-helpers.js";

let msw: MswInterception | undefined;
afterEach(() => msw?.close());

describe("msw interception", () => {
  it("answers the global fetch to https://api.openai.com/v1/chat/completions from the fake", async () => {
    const { clock, fleet } = virtualFleet([openAiProfile({ latency: "750ms" }), anthropicProfile()]);
    msw = startMswInterception(fleet);
    const { status, body, elapsed } = await clock.run(async () => {
      const start = clock.now();
      const response = await fetch(OPENAI_URL, chatInit());
      return { status: response.status, body: (await response.json()) as { object: string; model: string }, elapsed: clock.now() - start };
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ object: "chat.completion", model: "gpt-5.4-nano" });
    expect(elapsed).toBe(750);
    expect(fleet.journal.entries[0]).toMatchObject({ provider: "openai", path: "/v1/chat/completions", outcome: "ok" });
  });

  it("streams through the interception with the virtual clock's pacing", async () => {
    const { clock, fleet } = virtualFleet([anthropicProfile({ output_tokens: 8, chunk_tokens: 4 })]);
    msw = startMswInterception(fleet);
    const events = await clock.run(async () => {
      const start = clock.now();
      const response = await fetch(ANTHROPIC_URL, messagesInit({ stream: true }));
      const parser = new SseParser();
      return (await readTimed(response, clock)).flatMap((piece) => parser.push(piece.text).map((e) => `${piece.at - start}:${e.event}`));
    });
    expect(events).toEqual([
      "400:message_start",
      "400:content_block_start",
      "400:ping",
      "400:content_block_delta",
      "480:content_block_delta",
      "480:content_block_stop",
      "480:message_delta",
      "480:message_stop",
    ]);
  });

  it("answers an unknown path with the provider's 404 and turns connection faults into a fetch TypeError", async () => {
    const { clock, fleet } = virtualFleet([openAiProfile({ degradations: [{ http_error: { status: 500, count: 1 } }, { connection_error: { sequence: ["skip", "fail"] } }] })]);
    msw = startMswInterception(fleet);
    await clock.run(async () => {
      const notFound = await fetch("https://api.openai.com/v1/responses", chatInit());
      expect(notFound.status).toBe(404);
      expect(await notFound.json()).toEqual({ error: { message: "Invalid URL (POST /v1/responses)", type: "invalid_request_error", param: null, code: null } });
      expect((await fetch(OPENAI_URL, chatInit())).status).toBe(500);
      await expect(fetch(OPENAI_URL, chatInit())).rejects.toThrow(TypeError);
    });
  });

  it("fails requests to hosts no fake serves instead of reaching the network", async () => {
    const fleet = createFakeFleet({ seed: "s", clock: virtualFleet([]).clock, profiles: [openAiProfile()] });
    msw = startMswInterception(fleet);
    await expect(fetch("https://api.mistral.ai/v1/chat/completions", chatInit())).rejects.toThrow();
  });
});
