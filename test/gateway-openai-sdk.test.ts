// The gateway as users reach it: the official `openai` SDK against the express server, backed by fake
// providers for every provider of the default catalog; and each curl example of the seeds, verbatim.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RealClock } from "../src/core/clock.js";
import { createRandomFactory } from "../src/core/random.js";
import { createFakeFleet, profilesFromCatalog } from "../src/fakes/index.js";
import { loadDefaultCatalog } from "../src/gateway/catalog/load-catalog.js";
import { createGateway, type Gateway } from "../src/gateway/create-gateway.js";
import { loadPresetDir } from "../src/gateway/presets/load-preset-dir.js";
import { createServerApp } from "../src/server/create-server-app.js";
import { startServer } from "../src/server/start-server.js";
import { seedCurls } from "./support/seed-curls.js";
import { gatewaySettingsSchema } from "../src/gateway/settings.js";
import { RELEASE_SUMMARY_MODEL_REQUEST, RELEASE_SUMMARY_REQUEST, RELEASE_SUMMARY_SCHEMA } from "./support/seed-requests.js";

const API_KEY = "YOUR_API_KEY";
let server: { url: string; close(): Promise<void> };
/** The same gateway under `fidelity: documented` (the seeds' `preset` field selects the preset). */
let documentedServer: { url: string; close(): Promise<void> };
let gateway: Gateway;

beforeAll(async () => {
  const catalog = loadDefaultCatalog();
  const presets = loadPresetDir(new URL("../presets", import.meta.url).pathname);
  if (!catalog.ok || !presets.ok) throw new Error("default catalog and presets must load");
  const clock = new RealClock();
  // Fast, healthy fakes: this test is about the contract, not timing.
  const fleet = createFakeFleet({
    seed: "sdk-e2e",
    clock,
    profiles: profilesFromCatalog(catalog.value, { latency: "5ms", ttft: "5ms", throughput: 5000, output_tokens: 40 }),
  });
  gateway = createGateway({ fetch: fleet.fetch, clock, random: createRandomFactory("sdk-e2e"), catalog: catalog.value, presets: presets.store });
  server = await startServer(createServerApp({ gateway, apiKeys: [API_KEY] }), { port: 0, host: "127.0.0.1" });
  const documented = createGateway({
    fetch: fleet.fetch,
    clock,
    random: createRandomFactory("sdk-e2e"),
    catalog: catalog.value,
    presets: presets.store,
    settings: gatewaySettingsSchema.parse({ fidelity: "documented" }),
  });
  documentedServer = await startServer(createServerApp({ gateway: documented, apiKeys: [API_KEY] }), { port: 0, host: "127.0.0.1" });
});

afterAll(async () => {
  await server.close();
  await documentedServer.close();
});

async function postResponses(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/v1/responses`, {
    method: "POST",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const client = (): OpenAI => new OpenAI({ apiKey: API_KEY, baseURL: `${server.url}/v1`, maxRetries: 0 });

describe("openai SDK → gateway-sim", () => {
  it("creates a plain response", async () => {
    const response = await client().responses.create({ model: "openai/gpt-5.4-nano", input: "Extract the action items." });
    expect(response.status).toBe("completed");
    expect(response.id).toMatch(/^G-[0-9a-f]{24}$/);
    expect(response.output_text.length).toBeGreaterThan(0);
    expect(response.usage?.total_tokens).toBe((response.usage?.input_tokens ?? 0) + (response.usage?.output_tokens ?? 0));
  });

  it("streams a response the SDK assembles", async () => {
    const stream = await client().responses.create({ model: "anthropic/claude-opus-4.6", input: "Write a concise launch summary.", stream: true });
    const types: string[] = [];
    let text = "";
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === "response.output_text.delta") text += event.delta;
      if (event.type === "response.completed") expect(event.response.output_text ?? text).toBeTypeOf("string");
    }
    expect(types[0]).toBe("response.created");
    expect(types.at(-1)).toBe("response.completed");
    expect(text.length).toBeGreaterThan(0);
  });

  it("returns schema-valid JSON for text.format json_schema", async () => {
    const response = await client().responses.create({
      model: "openai/gpt-5.4-mini",
      input: "Summarize the last 24 hours of deployment activity.",
      text: {
        format: {
          type: "json_schema",
          name: "release_summary",
          strict: true,
          schema: RELEASE_SUMMARY_SCHEMA,
        },
      },
    });
    const value = JSON.parse(response.output_text) as { summary: unknown; risk_level: unknown };
    expect(typeof value.summary).toBe("string");
    expect(["low", "medium", "high"]).toContain(value.risk_level);
  });

  it("raises the SDK's typed errors for bad requests", async () => {
    const error = await client()
      .responses.create({ model: "openai/gpt-5.4-nano", input: "x", temperature: 9 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const bad = new OpenAI({ apiKey: "wrong", baseURL: `${server.url}/v1`, maxRetries: 0 });
    await expect(bad.responses.create({ model: "openai/gpt-5.4-nano", input: "x" })).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });
});

describe("the seeds' curl examples, verbatim", () => {
  const curls = seedCurls();

  it("finds every curl example of the seeds", () => {
    expect(curls.map((c) => c.file)).toEqual(["002_610b34f640c96660.txt", "002_610b34f640c96660.txt", "002_610b34f640c96660.txt", "004_5607b99f59a3aebe.txt", "004_5607b99f59a3aebe.txt"]);
  });

  for (const [index, curl] of curls.entries()) {
    it(`answers 200 to ${curl.file} example ${index + 1}`, async () => {
      const path = new URL(curl.url).pathname;
      const res = await fetch(`${server.url}${path}`, { method: "POST", headers: curl.headers, body: curl.body });
      const body = (await res.json()) as { id: string; status: string };
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body.status).toBe("completed");
      const record = gateway.usage.get(body.id);
      const request = JSON.parse(curl.body) as { provider: { only?: string[]; ignore?: string[]; order?: string[] } };
      if (request.provider.only) expect(request.provider.only).toContain(record?.selected_provider);
      if (request.provider.ignore) expect(request.provider.ignore).not.toContain(record?.selected_provider);
      if (request.provider.order) expect(record?.routing_diagnostics?.rankedProviders[0]?.provider).toBe(request.provider.order[0]);
    });
  }

  it('reference fidelity: the Python recipe\'s body (`preset`, no `model`) is a 400 naming model: "@release-summary"', async () => {
    const { status, body } = await postResponses(server.url, RELEASE_SUMMARY_REQUEST);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: "validation_error", details: [expect.objectContaining({ path: "model", keyword: "required" })] });
    expect(body.description).toContain('model: "@release-summary"');
    expect(body.description).toContain('"preset" is not read');
  });

  it.each([
    ['reference fidelity, model: "@release-summary"', () => server.url, RELEASE_SUMMARY_MODEL_REQUEST],
    ['documented fidelity, model: "@release-summary"', () => documentedServer.url, RELEASE_SUMMARY_MODEL_REQUEST],
    ["documented fidelity, the recipe's `preset` body", () => documentedServer.url, RELEASE_SUMMARY_REQUEST],
  ])("answers the release-summary request through the preset under %s", async (_name, url, request) => {
    const { status, body: raw } = await postResponses(url(), request);
    const body = raw as { meta: { routing: { selected_provider: string }; plugin_executions: { id: string; status: string }[] }; output: { content: { text: string }[] }[] };
    expect(status, JSON.stringify(raw)).toBe(200);
    expect(["openai", "openai-eu"]).toContain(body.meta.routing.selected_provider);
    // The preset's plugin ran (valid JSON that needs no rewrite is `skipped` in the reference's record).
    expect(body.meta.plugin_executions[0]).toMatchObject({ id: "response-healing" });
    expect(JSON.parse(body.output[0]?.content[0]?.text ?? "")).toHaveProperty("risk_level");
  });

  it("reference fidelity: `preset` beside a model is not applied, and the routing diagnostics say so", async () => {
    const { status, body } = await postResponses(server.url, { preset: "release-summary", model: "openai/gpt-5.4-mini", input: "x", provider: { diagnostics: true } });
    expect(status).toBe(200);
    const warnings = (body.routing_diagnostics as { warnings: string[] }).warnings;
    expect(warnings[0]).toContain('model: "@release-summary"');
    expect(warnings[0]).toContain("NOT applied");
  });

  it("the x-gateway-debug header turns on the routing diagnostics and meta (before/index.ts:263-268)", async () => {
    const { status, body } = await postResponses(server.url, { model: "openai/gpt-5.4-nano", input: "x" }, { "x-gateway-debug": "1" });
    expect(status).toBe(200);
    expect(body.routing_diagnostics).toBeDefined();
    expect(body.meta).toBeDefined();
    const plain = await postResponses(server.url, { model: "openai/gpt-5.4-nano", input: "x" });
    expect(plain.body.routing_diagnostics).toBeUndefined();
  });
});
