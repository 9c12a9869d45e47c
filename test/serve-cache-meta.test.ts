// Issue 11's acceptance over HTTP: a repeated `meta: true` request against `serve`, made with the
// official openai SDK, shows the cache hit in `meta.response_cache`, with the reference's header.
// Runs under reference fidelity (the default): `meta: true` is part of the cache key at the pin.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../src/scenarios/load/load-scenario.js";
import { startServe, type ServeHandle } from "../src/serve/start-serve.js";

const SCENARIO = `
name: serve-cache-meta
seed: 11
catalog: default
presets:
  - slug: cached-summary
    model: openai/gpt-5.4-nano
    response_caching: { enabled: true, ttl_seconds: 600 }
providers:
  - { id: openai, latency: 20ms }
  - { id: openai-eu, latency: 20ms }
traffic: { requests: [] }
expectations: []
`;

let dir: string;
let served: ServeHandle;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "serve-cache-meta-"));
  writeFileSync(join(dir, "serve-cache-meta.yaml"), SCENARIO);
  const loaded = loadScenario(join(dir, "serve-cache-meta.yaml"));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  served = await startServe({ scenario: loaded.scenario, port: 0, speed: 20, log: () => {} });
});

afterAll(async () => {
  await served.close();
  rmSync(dir, { recursive: true, force: true });
});

interface CacheMeta {
  response_cache: { status: string; reason: string | null; key: string | null; ttlSeconds: number | null; ttlSource: string | null; ageMs?: number; providerId?: string | null };
}

describe("serve: a repeated meta:true request", () => {
  it("misses, then hits, and says so in meta.response_cache and X-Phaseo-Response-Cache", async () => {
    const client = new OpenAI({ baseURL: `${served.url}/v1`, apiKey: served.key });
    // `meta` is a gateway field the SDK passes through as an extra body key.
    const ask = () => client.responses.create({ model: "@cached-summary", input: "Summarise today's deploys.", meta: true } as OpenAI.Responses.ResponseCreateParamsNonStreaming).withResponse();
    const first = await ask();
    const second = await ask();
    expect(first.response.headers.get("x-phaseo-response-cache")).toBe("miss");
    expect(second.response.headers.get("x-phaseo-response-cache")).toBe("hit");
    const missMeta = (first.data as unknown as { meta: CacheMeta }).meta;
    const hitMeta = (second.data as unknown as { meta: CacheMeta }).meta;
    expect(missMeta.response_cache).toMatchObject({ status: "miss", reason: null, ttlSeconds: 600, ttlSource: "preset" });
    expect(hitMeta.response_cache).toMatchObject({ status: "hit", reason: null, key: missMeta.response_cache.key, ttlSeconds: 600, ttlSource: "preset", providerId: expect.any(String) });
    expect(hitMeta.response_cache.ageMs).toBeGreaterThanOrEqual(0);
    // The stored answer is replayed as it was sent.
    expect(second.data.output_text).toBe(first.data.output_text);
  });
});
