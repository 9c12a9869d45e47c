// `serve` in-process: a scenario's fakes and gateway over real HTTP on a sped-up real clock, reached
// with the official openai SDK and with a seed's curl body verbatim; the timeline's degradation is
// announced when the clock reaches it; close() shuts everything down and completes the usage export.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../src/scenarios/load/load-scenario.js";
import { startServe, type ServeHandle } from "../src/serve/start-serve.js";
import type { UsageRecord } from "../src/gateway/types.js";
import { seedCurls } from "./support/seed-curls.js";

const SCENARIO = `
name: serve-smoke
seed: 7
catalog: default
providers:
  - { id: openai, latency: 20ms }
  - { id: openai-eu, latency: 20ms }
traffic: { requests: [] }
timeline:
  - { at: 4s, name: outage, degrade: { provider: openai, duration: 1h, http_error: 503 } }
expectations: []
`;

let dir: string;
let served: ServeHandle;
const lines: string[] = [];

async function startSmoke(exportUsage: string, log: (line: string) => void): Promise<ServeHandle> {
  const loaded = loadScenario(join(dir, "serve-smoke.yaml"));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  // 20×: the degradation at 4 s of scenario time arrives after about 200 ms.
  return startServe({ scenario: loaded.scenario, port: 0, speed: 20, exportUsage, log });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "serve-http-"));
  writeFileSync(join(dir, "serve-smoke.yaml"), SCENARIO);
  served = await startSmoke(join(dir, "usage.jsonl"), (l) => lines.push(l));
});

// Closing here, not in a test: every test below may run first (vitest --sequence.shuffle).
afterAll(async () => {
  await served.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!condition()) throw new Error(`timed out waiting for ${what}; printed:\n${lines.join("\n")}`);
}

describe("serve", () => {
  it("binds 127.0.0.1 and hands out a key the seeds' curl lines use", () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(served.key).toBe("YOUR_API_KEY");
    expect(Object.keys(served.providers)).toEqual(["openai", "openai-eu"]);
    for (const url of Object.values(served.providers)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
  });

  it("answers the openai SDK through the fakes over HTTP", async () => {
    const client = new OpenAI({ apiKey: "any-key-works", baseURL: `${served.url}/v1`, maxRetries: 0 });
    const response = await client.responses.create({ model: "openai/gpt-5.4-nano", input: "Extract the action items." });
    expect(response.status).toBe("completed");
    expect(response.output_text.length).toBeGreaterThan(0);
    expect(served.gateway.usage.get(response.id)?.selected_provider).toMatch(/^openai(-eu)?$/);
  });

  it("answers a seed's curl body with only the host changed", async () => {
    const curl = seedCurls().find((c) => c.body.includes('"only": ["openai", "openai-eu"]'));
    if (!curl) throw new Error("the seeds' only+sort price example is missing");
    const url = curl.url.replace(/^https:\/\/[^/]+/, served.url);
    const res = await fetch(url, { method: "POST", headers: curl.headers, body: curl.body });
    const body = (await res.json()) as { status: string; id: string };
    expect(res.status).toBe(200);
    expect(body.status).toBe("completed");
    // Which of the two answers depends on how far the sped-up clock got (the outage starts 200 ms of
    // wall time in) and on whether another test's 503 already demoted openai: neither is promised.
    expect(["openai", "openai-eu"]).toContain(served.gateway.usage.get(body.id)?.selected_provider);
  });

  it("announces the degradation when the clock reaches it, and fails over from then on", async () => {
    await until(() => lines.some((l) => l.includes("openai degraded")), "the degradation");
    // Announced when it happens: at 4 s of scenario time, or later when the machine is slow (20× speed).
    const announced = lines.find((l) => l.includes("openai degraded")) ?? "";
    expect(announced).toMatch(/^\[\+\d+s\] openai degraded: http_error 503 for 1h$/);
    expect(Number(/\+(\d+)s/.exec(announced)?.[1])).toBeGreaterThanOrEqual(4);
    const client = new OpenAI({ apiKey: "YOUR_API_KEY", baseURL: `${served.url}/v1`, maxRetries: 0 });
    const response = await client.responses.create({ model: "openai/gpt-5.4-nano", input: "Hi", provider: { sort: "price" } } as OpenAI.Responses.ResponseCreateParamsNonStreaming);
    const record = served.gateway.usage.get(response.id);
    const attempts = record?.attempts.map((a) => [a.provider, a.status]) ?? [];
    // openai is tried first and fails over, unless the health store already demoted it after an
    // earlier 503 (another test's request, when vitest --sequence.shuffle runs that one first).
    expect(attempts.at(-1)).toEqual(["openai-eu", 200]);
    expect(attempts.slice(0, -1)).toEqual(attempts.length > 1 ? [["openai", 503]] : []);
  });

  it("closes every server and writes the usage export", async () => {
    // Its own server: the shared one must stay up for the other tests, in whatever order they run.
    const own = await startSmoke(join(dir, "own-usage.jsonl"), () => undefined);
    const client = new OpenAI({ apiKey: "YOUR_API_KEY", baseURL: `${own.url}/v1`, maxRetries: 0 });
    const response = await client.responses.create({ model: "openai/gpt-5.4-nano", input: "Close me." });
    const fakeUrl = own.providers.openai ?? "";
    await own.close();
    await expect(fetch(`${own.url}/healthz`)).rejects.toThrow();
    await expect(fetch(`${fakeUrl}/chat/completions`, { method: "POST", body: "{}" })).rejects.toThrow();
    const records = readFileSync(join(dir, "own-usage.jsonl"), "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as UsageRecord);
    expect(records.map((r) => r.id)).toEqual([response.id]);
  });
});
