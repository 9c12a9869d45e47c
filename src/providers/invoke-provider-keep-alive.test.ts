// The upstream call over gateway-sim's own keep-alive fetch, which the exchange cancels through its
// link (no AbortSignal), and over the same fetch wrapped in a plain function (a real signal): a
// timeout or a caller's cancel must end the call and destroy the upstream request either way.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkedFetchOf } from "../core/cancel-link.js";
import { RealClock } from "../core/clock.js";
import { createKeepAliveFetch } from "../core/keep-alive-fetch.js";
import { invokeProvider, invokeProviderStream, type InvokeProviderOptions } from "./invoke-provider.js";
import { ADAPTERS } from "./registry.js";

const ANSWER = JSON.stringify({
  id: "chatcmpl-1",
  object: "chat.completion",
  created: 1767225600,
  model: "gpt-5.4-nano",
  choices: [{ index: 0, message: { role: "assistant", content: "Hi there.", refusal: null }, logprobs: null, finish_reason: "stop" }],
  usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 },
});
const FIRST_CHUNK = `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta: { role: "assistant", content: "Hel" }, finish_reason: null }] })}\n\n`;

let server: http.Server;
let base = "";
/** Per call id: resolves once the upstream sees that request closed before its answer ended. */
const cut = new Map<string, () => void>();
let calls = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    // /{mode}/{call id}/chat/completions. "hang": no headers ever; "stall": the first chunk of a stream, then silence.
    const [, mode, id = ""] = req.url?.split("/") ?? [];
    res.on("close", () => {
      if (!res.writableFinished) cut.get(id)?.();
    });
    if (mode === "hang") return;
    if (mode === "stall") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(FIRST_CHUNK);
      return;
    }
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(ANSWER);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const keepAlive = createKeepAliveFetch();
const plain: typeof fetch = (input, init) => keepAlive(input, init);
const fetches = [
  ["linked (keep-alive fetch itself)", keepAlive],
  ["signalled (the same fetch wrapped)", plain],
] as const;

/** A call to the upstream in `mode`, and a promise that resolves once the upstream sees it cut. */
function call(fetch: typeof globalThis.fetch, mode: string, overrides: Partial<InvokeProviderOptions> = {}): { options: InvokeProviderOptions; upstreamCut: Promise<void> } {
  const id = String(++calls);
  const upstreamCut = new Promise<void>((resolve) => cut.set(id, resolve));
  const options: InvokeProviderOptions = {
    adapter: ADAPTERS["openai-chat"],
    fetch,
    clock: new RealClock(),
    request: { model: "m", messages: [{ role: "user", content: "Hi" }], stream: false },
    target: { baseUrl: `${base}/${mode}/${id}`, apiKey: "k" },
    timeoutMs: 60_000,
    ...overrides,
  };
  return { options, upstreamCut };
}

describe("the upstream call over the keep-alive fetch", () => {
  it("goes through the link for the keep-alive fetch, and not for a wrapper", () => {
    expect(linkedFetchOf(keepAlive)).toBeDefined();
    expect(linkedFetchOf(plain)).toBeUndefined();
  });

  for (const [label, fetch] of fetches) {
    describe(label, () => {
      it("answers a plain call", async () => {
        const outcome = await invokeProvider(call(fetch, "ok").options);
        expect(outcome).toMatchObject({ ok: true, status: 200, result: { text: "Hi there.", usage: { inputTokens: 5, outputTokens: 2 } } });
      });

      it("times out a call whose headers never come, and destroys the upstream request", async () => {
        const { options, upstreamCut } = call(fetch, "hang", { timeoutMs: 50 });
        const outcome = await invokeProvider(options);
        expect(outcome).toMatchObject({ ok: false, status: null });
        expect(!outcome.ok && outcome.error.code).toBe("upstream_timeout");
        await upstreamCut;
      });

      it("ends a call its caller cancels, and destroys the upstream request", async () => {
        const controller = new AbortController();
        const { options, upstreamCut } = call(fetch, "hang", { signal: controller.signal });
        const pending = invokeProvider(options);
        setTimeout(() => controller.abort(), 30);
        const outcome = await pending;
        expect(!outcome.ok && outcome.error.extra).toEqual({ reason: "cancelled" });
        await upstreamCut;
      });

      it("times out a stream that goes silent, and destroys the upstream response", async () => {
        const { options, upstreamCut } = call(fetch, "stall", { timeoutMs: 50, request: { model: "m", messages: [], stream: true } });
        const outcome = await invokeProviderStream(options);
        if (!outcome.ok) throw new Error(`the stream failed to begin: ${outcome.error.message}`);
        const types: string[] = [];
        for await (const delta of outcome.deltas) types.push(delta.type);
        expect(types).toEqual(["start", "text", "error"]);
        const end = await outcome.done;
        expect("error" in end && end.error.code).toBe("upstream_timeout");
        await upstreamCut;
      });

      it("cancels the upstream when the stream's reader leaves early", async () => {
        const { options, upstreamCut } = call(fetch, "stall", { request: { model: "m", messages: [], stream: true } });
        const outcome = await invokeProviderStream(options);
        if (!outcome.ok) throw new Error(`the stream failed to begin: ${outcome.error.message}`);
        for await (const delta of outcome.deltas) if (delta.type === "text") break;
        const end = await outcome.done;
        expect("error" in end && end.error.extra).toEqual({ reason: "cancelled" });
        await upstreamCut;
      });
    });
  }
});
