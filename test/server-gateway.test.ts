// The server around the real gateway (default catalog, shipped presets/, recorded OpenAI payloads
// served by a stub fetch): the seed's release-summary request, its usage record, and a stream.
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { RealClock } from "../src/core/clock.js";
import { createRandomFactory } from "../src/core/random.js";
import { parseSseStream, type SseEvent } from "../src/core/sse.js";
import { loadDefaultCatalog } from "../src/gateway/catalog/load-catalog.js";
import { createGateway } from "../src/gateway/create-gateway.js";
import { loadPresetDir } from "../src/gateway/presets/load-preset-dir.js";
import { fixtureText } from "../src/providers/__fixtures__/fixtures.js";
import { createServerApp } from "../src/server/create-server-app.js";
import { startServer, type RunningServer } from "../src/server/start-server.js";

let server: RunningServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEY = "sim-key-e2e";
const headers = { authorization: `Bearer ${KEY}`, "content-type": "application/json" };

/** Every provider answers like OpenAI Chat Completions, from the recorded fixtures. */
const providerFetch: typeof fetch = async (_input, init) => {
  const sent = JSON.parse(String(init?.body ?? "{}")) as { stream?: boolean };
  if (sent.stream) return new Response(fixtureText("openai-chat", "stream-basic.sse"), { status: 200, headers: { "content-type": "text/event-stream" } });
  return new Response(fixtureText("openai-chat", "response-basic.json"), { status: 200, headers: { "content-type": "application/json" } });
};

async function start() {
  const catalog = loadDefaultCatalog();
  if (!catalog.ok) throw new Error("default catalog must load");
  const presets = loadPresetDir(fileURLToPath(new URL("../presets", import.meta.url)));
  if (!presets.ok) throw new Error(JSON.stringify(presets.issues));
  const gateway = createGateway({ fetch: providerFetch, clock: new RealClock(), random: createRandomFactory("server-e2e"), catalog: catalog.value, presets: presets.store });
  server = await startServer(createServerApp({ gateway, apiKeys: [KEY] }), { port: 0 });
  return server;
}

describe("server with the real gateway", () => {
  it('answers the seed\'s preset request (model: "@release-summary", the form the reference reads) and serves its usage record', async () => {
    const { url } = await start();
    const body = { model: "@release-summary", input: "Summarize the last 24 hours of deployment activity.", meta: true };
    const response = await fetch(`${url}/v1/responses`, { method: "POST", headers, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { id: string; object: string; model: string };
    expect(answer).toMatchObject({ object: "response", model: "openai/gpt-5.4-mini" });
    expect(answer.id).toMatch(/^G-[0-9a-f]+$/);

    const detail = await fetch(`${url}/v1/generations?id=${answer.id}`, { headers });
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({ id: answer.id, preset: "release-summary", model: "openai/gpt-5.4-mini", status: "completed" });
  });

  it("answers a request the gateway refuses with its flat 400", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/v1/responses`, { method: "POST", headers, body: JSON.stringify({ model: "openai/gpt-5.4-nano", input: "x", provider: { only: ["no-such-provider"] } }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: "validation_error",
      reason: "request_provider_filter_no_match",
      details: [expect.objectContaining({ keyword: "request_provider_filter_no_match" })],
    });
  });

  it("streams a Responses event stream to the end", async () => {
    const { url } = await start();
    const response = await fetch(`${url}/v1/responses`, { method: "POST", headers, body: JSON.stringify({ model: "openai/gpt-5.4-nano", input: "Say hi", stream: true }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    if (!response.body) throw new Error("no body");
    const events: SseEvent[] = [];
    for await (const event of parseSseStream(response.body)) events.push(event);
    expect(events.length).toBeGreaterThan(2);
    const last = JSON.parse(events.at(-1)?.data ?? "{}") as { type?: string; response?: { id?: string } };
    expect(last.type).toBe("response.completed");
  });
});
