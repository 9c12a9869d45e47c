// How handleResponses ends a request whose handling throws, before or after the provider call
// (its stages run synchronously up to the call, the rest in a `.then`): always a flat 500 with a
// usage record, never a rejection; only a throw before the request is underway rejects.
import { describe, expect, it } from "vitest";
import type { ResponseCacheStore } from "../../cache/cache-store.js";
import { createMemoryCacheStore } from "../../cache/memory-cache-store.js";
import { createRandomFactory } from "../../core/random.js";
import { VirtualClock } from "../../core/virtual-clock.js";
import { fixtureText } from "../../providers/__fixtures__/fixtures.js";
import { scriptedFetch } from "../../providers/__fixtures__/scripted-fetch.js";
import { loadDefaultCatalog } from "../catalog/load-catalog.js";
import { createGateway, type GatewayDeps } from "../create-gateway.js";
import { createPresetStore } from "../presets/preset-store.js";

const loaded = loadDefaultCatalog();
if (!loaded.ok) throw new Error("default catalog must load");
const catalog = loaded.value;
const BODY = { model: "openai/gpt-5.4-nano", input: "x", provider: { only: ["openai"] } };

function setup(overrides: Partial<GatewayDeps>) {
  const clock = new VirtualClock({ start: Date.UTC(2026, 4, 19) });
  const fake = scriptedFetch(clock, () => ({
    kind: "response",
    status: 200,
    headers: { "content-type": "application/json" },
    headersAfterMs: 10,
    chunks: [{ text: fixtureText("openai-chat", "response-basic.json") }],
  }));
  const gateway = createGateway({ fetch: fake.fetch, clock, random: createRandomFactory("handle-responses"), catalog, presets: createPresetStore([]), ...overrides });
  return { clock, gateway, calls: fake.requests };
}

/** A memory cache store whose `get` or `set` throws `message`. */
function throwingCache(method: "get" | "set", message: string): ResponseCacheStore {
  const store = createMemoryCacheStore();
  return {
    get: (key, now) => {
      if (method === "get") throw new Error(message);
      return store.get(key, now);
    },
    set: (key, entry) => {
      if (method === "set") throw new Error(message);
      return store.set(key, entry);
    },
    get size() {
      return store.size;
    },
  };
}

async function jsonAnswer(clock: VirtualClock, gateway: ReturnType<typeof setup>["gateway"]) {
  const response = await clock.run(() => gateway.respond(BODY));
  if (response.kind !== "json") throw new Error("expected a JSON answer");
  return response;
}

describe("handleResponses diagnostics", () => {
  it("builds the reference-named diagnostics once, on first read: the body and the usage record share them", async () => {
    const { clock, gateway } = setup({});
    const response = await clock.run(() => gateway.respond({ ...BODY, provider: { only: ["openai"], diagnostics: true } }));
    if (response.kind !== "json" || response.record === undefined) throw new Error("expected a JSON answer with its record");
    const inBody = (response.body as { routing_diagnostics?: unknown }).routing_diagnostics;
    expect(inBody).toMatchObject({ model: "openai/gpt-5.4-nano", endpoint: "responses" });
    expect(response.record.detail_metadata.routing_diagnostics).toBe(inBody);
    const plain = await clock.run(() => gateway.respond(BODY));
    if (plain.kind !== "json" || plain.record === undefined) throw new Error("expected a JSON answer with its record");
    expect((plain.body as { routing_diagnostics?: unknown }).routing_diagnostics).toBeUndefined();
    const built = plain.record.detail_metadata.routing_diagnostics;
    expect(built).toMatchObject({ model: "openai/gpt-5.4-nano", endpoint: "responses" });
    expect(plain.record.detail_metadata.routing_diagnostics).toBe(built);
  });
});

describe("handleResponses failures", () => {
  it("a throw before the provider call (the cache lookup) is a 500 gateway_error with a failed record, and no provider is called", async () => {
    const { clock, gateway, calls } = setup({ cache: throwingCache("get", "lookup broke") });
    const response = await jsonAnswer(clock, gateway);
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ error: "gateway_error", description: "Internal gateway error: lookup broke" });
    expect(response.record).toMatchObject({ status: "failed", http_status: 500, error_code: "gateway_error", model: "openai/gpt-5.4-nano" });
    expect(calls.length).toBe(0);
    expect(gateway.usage.size).toBe(1);
  });

  it("a throw after the provider answered (the cache write) is a 500 gateway_error too, logged once", async () => {
    const { clock, gateway, calls } = setup({ cache: throwingCache("set", "write broke") });
    const response = await jsonAnswer(clock, gateway);
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ error: "gateway_error", description: "Internal gateway error: write broke" });
    expect(calls.length).toBe(1);
    expect(gateway.usage.list().map((r) => r.status)).toEqual(["failed"]);
  });

  it("a throw once the provider answered, on either path (the attempt:end observer), is a 500 gateway_error, not a rejection", async () => {
    for (const stream of [false, true]) {
      const { clock, gateway, calls } = setup({
        onEvent: (event) => {
          if (event.type === "attempt:end") throw new Error("attempt observer broke");
        },
      });
      const response = await clock.run(() => gateway.respond({ ...BODY, stream }));
      expect(response.status).toBe(500);
      if (response.kind !== "json") throw new Error("expected a JSON answer");
      expect(response.body).toMatchObject({ error: "gateway_error", description: "Internal gateway error: attempt observer broke" });
      expect(response.record).toMatchObject({ status: "failed", http_status: 500 });
      expect(calls.length).toBe(1);
    }
  });

  it("a throw before the request is underway (the request:start observer) rejects the promise, as an async function would", async () => {
    const { clock, gateway } = setup({
      onEvent: (event) => {
        if (event.type === "request:start") throw new Error("observer broke");
      },
    });
    let promise: Promise<unknown> | undefined;
    expect(() => {
      promise = gateway.respond(BODY);
    }).not.toThrow();
    await expect(clock.run(() => promise as Promise<unknown>)).rejects.toThrow("observer broke");
  });
});
