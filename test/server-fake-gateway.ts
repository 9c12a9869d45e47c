// A tiny stand-in Gateway for the server tests: it validates with the real request parser, answers
// JSON or a caller-supplied event stream, and keeps usage records in a memory log.
import { afterEach } from "vitest";
import type { SseEvent } from "../src/core/sse.js";
import { parseResponsesRequest } from "../src/gateway/request/parse-responses-request.js";
import { createMemoryUsageLog } from "../src/gateway/usage/memory-usage-log.js";
import { usageRecord } from "../src/gateway/usage/usage-record-fixture.js";
import { createServerApp, type ServerAppOptions } from "../src/server/create-server-app.js";
import type { GatewayLike } from "../src/server/gateway-like.js";
import { startServer, type RunningServer } from "../src/server/start-server.js";

export const API_KEY = "test-key-9f2c41";

export interface FakeGatewayOptions {
  /** Events of a `stream: true` request. */
  stream?: () => AsyncIterable<SseEvent>;
}

export interface FakeGateway extends GatewayLike {
  bodies: unknown[];
}

export function createFakeGateway(options: FakeGatewayOptions = {}): FakeGateway {
  const usage = createMemoryUsageLog();
  const bodies: unknown[] = [];
  let next = 1;
  return {
    bodies,
    usage,
    async respond(body) {
      bodies.push(body);
      const id = `G-${String(next++).padStart(4, "0")}`;
      const parsed = parseResponsesRequest(body);
      if (!parsed.ok) return { kind: "json", status: parsed.error.status, headers: { "x-generation-id": id }, body: parsed.error.toBody(id) };
      const text = parsed.request.input[0]?.content ?? "";
      if (text === "throw") throw new Error("fake gateway failure");
      if (parsed.request.stream) {
        const events = options.stream?.() ?? (async function* () {})();
        return { kind: "stream", status: 200, headers: { "x-generation-id": id }, events, record: Promise.resolve(usageRecord({ id, stream: true })) };
      }
      usage.append(usageRecord({ id, model: parsed.request.model ?? null }));
      const output = [{ type: "message", role: "assistant", content: [{ type: "output_text", text: `echo: ${text}` }] }];
      return { kind: "json", status: 200, headers: { "x-generation-id": id }, body: { id, object: "response", model: parsed.request.model, output } };
    },
  };
}

/** A real listening server on a free port around a fake gateway. */
export async function startFakeServer(options: FakeGatewayOptions & Partial<Omit<ServerAppOptions, "gateway">> = {}): Promise<{ server: RunningServer; gateway: FakeGateway }> {
  const gateway = createFakeGateway(options);
  const app = createServerApp({ gateway, apiKeys: options.apiKeys ?? [API_KEY], allowAnyKey: options.allowAnyKey ?? false, bodyLimit: options.bodyLimit ?? "1mb" });
  const server = await startServer(app, { port: 0 });
  return { server, gateway };
}

/**
 * For a test file: a `start` that runs {@link startFakeServer} and closes the server after each test.
 *
 * @example
 * const start = fakeServerPerTest();
 * it("…", async () => { const { server } = await start({ apiKeys: ["k"] }); });
 */
export function fakeServerPerTest(): typeof startFakeServer {
  let current: RunningServer | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (options = {}) => {
    const started = await startFakeServer(options);
    current = started.server;
    return started;
  };
}

export function authHeaders(key: string = API_KEY): Record<string, string> {
  return { authorization: `Bearer ${key}`, "content-type": "application/json" };
}
