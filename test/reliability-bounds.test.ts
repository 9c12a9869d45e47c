// Issue 14 item 1: bodies nested thousands of levels deep, or with tens of thousands of keys, are a
// flat 400 naming the JSON path and the limit — over real HTTP and in-process — and leave a usage record.
import { afterEach, describe, expect, it } from "vitest";
import type { ErrorBody } from "../src/core/errors.js";
import { createServerApp } from "../src/server/create-server-app.js";
import { startServer, type RunningServer } from "../src/server/start-server.js";
import { realGateway } from "./support/real-gateway.js";

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEY = "sim-key-bounds";

function nested(levels: number, leaf: unknown = "x"): unknown {
  let value: unknown = leaf;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/** JSON text of a value nested `levels` deep, written out directly so the test's own stringify cannot overflow. */
function nestedText(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
}

const base = { model: "openai/gpt-5.4-nano", input: "Hi" };
const hostile: Record<string, string> = {
  metadata: `{"model":"openai/gpt-5.4-nano","input":"Hi","metadata":${nestedText(5_000)}}`,
  input: `{"model":"openai/gpt-5.4-nano","input":[{"role":"user","content":${nestedText(5_000)}}]}`,
  schema: `{"model":"openai/gpt-5.4-nano","input":"Hi","text":{"format":{"type":"json_schema","name":"x","schema":{"type":"object","properties":{"a":${nestedText(5_000)}}}}}}`,
  tools: `{"model":"openai/gpt-5.4-nano","input":"Hi","tools":[{"type":"function","name":"f","parameters":{"type":"object","properties":{"a":${nestedText(5_000)}}}}]}`,
  "array of arrays": `{"model":"openai/gpt-5.4-nano","input":"Hi","metadata":{"x":${"[".repeat(50_000)}${"]".repeat(50_000)}}}`,
};

describe("request bodies out of bounds, over HTTP", () => {
  for (const [where, text] of Object.entries(hostile)) {
    it(`answers a ${where} nested thousands of levels with a flat 400 at its JSON path, and records it`, async () => {
      const gateway = realGateway();
      server = await startServer(createServerApp({ gateway, apiKeys: [KEY] }), { port: 0 });
      const response = await fetch(`${server.url}/v1/responses`, { method: "POST", headers: { authorization: `Bearer ${KEY}` }, body: text });
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body).toMatchObject({ error: "validation_error", status_code: 400 });
      expect(body.details?.[0]?.keyword).toBe("maxJsonDepth");
      expect(body.details?.[0]?.message).toContain("limits.maxJsonDepth: 64");
      expect(body.details?.[0]?.path.length).toBeGreaterThan(0);
      expect(gateway.usage.get(body.generation_id ?? "")).toMatchObject({ status: "failed", http_status: 400, error_code: "validation_error" });
    });
  }

  // The other surfaces check the raw body before their decoders walk it: a field the decoder would
  // drop unread is still out of bounds (without the check these answer 200).
  const chatText = `{"model":"openai/gpt-5.4-nano","messages":[{"role":"user","content":"Hi","extra":${nestedText(5_000)}}]}`;
  const messagesText = `{"model":"openai/gpt-5.4-nano","max_tokens":64,"messages":[{"role":"user","content":"Hi","extra":${nestedText(5_000)}}]}`;
  for (const [path, text] of [
    ["/v1/chat/completions", chatText],
    ["/v1/messages", messagesText],
  ] as const) {
    it(`answers ${path} nested thousands of levels with the same flat 400, and records it`, async () => {
      const gateway = realGateway();
      server = await startServer(createServerApp({ gateway, apiKeys: [KEY] }), { port: 0 });
      const response = await fetch(`${server.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${KEY}` }, body: text });
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body).toMatchObject({ error: "validation_error", status_code: 400 });
      expect(body.details?.[0]).toMatchObject({ keyword: "maxJsonDepth" });
      expect(body.details?.[0]?.path.startsWith("messages[0].extra")).toBe(true);
      expect(gateway.usage.get(body.generation_id ?? "")).toMatchObject({ status: "failed", http_status: 400, error_code: "validation_error" });
    });
  }

  it("refuses 50,000 metadata keys at `metadata`", async () => {
    const gateway = realGateway();
    server = await startServer(createServerApp({ gateway, apiKeys: [KEY], bodyLimit: "5mb" }), { port: 0 });
    const metadata = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, "v"]));
    const response = await fetch(`${server.url}/v1/responses`, { method: "POST", headers: { authorization: `Bearer ${KEY}` }, body: JSON.stringify({ ...base, metadata }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.details?.[0]).toMatchObject({ path: "metadata", keyword: "maxObjectKeys" });
    expect(gateway.usage.total).toBe(1);
  });
});

describe("bounds in-process", () => {
  it("gateway.respond() answers the same 400, and each limit is a setting", async () => {
    const strict = realGateway();
    const answer = await strict.respond({ ...base, metadata: nested(70) });
    expect(answer).toMatchObject({ kind: "json", status: 400 });
    expect(strict.usage.total).toBe(1);

    const relaxed = realGateway({ settings: { ...strict.settings, limits: { ...strict.settings.limits, maxJsonDepth: 200 } } });
    const accepted = await relaxed.respond({ ...base, metadata: nested(70) });
    expect(accepted.status).toBe(200);
  });
});
