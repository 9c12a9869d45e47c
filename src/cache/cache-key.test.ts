import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";
import { computeCacheKey, sanitiseBody, stripIgnoredFields } from "./cache-key.js";

const body = {
  model: "@release-summary",
  input: "Summarize the last 24 hours of deployment activity.",
  plugins: [{ id: "response-healing" }],
};
const input = { workspaceId: "ws_1", endpoint: "responses", model: "openai/gpt-5.4-nano", protocol: "openai.responses", preset: { id: "p1", slug: "release-summary" }, routingMode: null, body };

describe("computeCacheKey", () => {
  it("is gateway:response-cache:v1:{workspace}:{sha256 of the prefixed, sorted payload}", () => {
    const payload = {
      version: "v1",
      workspace_id: "ws_1",
      endpoint: "responses",
      model: "openai/gpt-5.4-nano",
      protocol: "openai.responses",
      preset: { id: "p1", slug: "release-summary" },
      routing_mode: null,
      body,
    };
    const digest = createHash("sha256")
      .update(`gateway:response-cache:v1:${canonicalJson(payload)}`)
      .digest("hex");
    expect(computeCacheKey(input)).toEqual({ key: `gateway:response-cache:v1:ws_1:${digest}`, fingerprint: digest });
  });

  it("hashes the same text as canonicalJson of the payload object for blank, null and quoted parts", () => {
    for (const change of [{ preset: { id: "  ", slug: null } }, { routingMode: " price " }, { protocol: null }, { model: 'a"b/c' }, { workspaceId: "ws\u00e9" }]) {
      const next = { ...input, ...change };
      const blank = (value: string | null): string | null => (value === null ? null : value.trim() || null);
      const payload = {
        version: "v1",
        workspace_id: next.workspaceId,
        endpoint: next.endpoint,
        model: next.model,
        protocol: blank(next.protocol),
        preset: { id: blank(next.preset.id), slug: blank(next.preset.slug) },
        routing_mode: blank(next.routingMode),
        body,
      };
      const digest = createHash("sha256")
        .update(`gateway:response-cache:v1:${canonicalJson(payload)}`)
        .digest("hex");
      expect(computeCacheKey(next).fingerprint).toBe(digest);
    }
  });

  it("ignores key order and every debug key at any depth, but not meta (reference)", () => {
    const { key } = computeCacheKey(input);
    expect(computeCacheKey({ ...input, body: { plugins: body.plugins, input: body.input, model: body.model, debug: { enabled: false }, provider: undefined } }).key).toBe(key);
    expect(computeCacheKey({ ...input, body: { ...body, meta: true } }).key).not.toBe(key);
    expect(computeCacheKey({ ...input, body: { ...body, meta: true }, ignoreOutputFlags: true }).key).toBe(key);
  });

  it("separates workspaces, endpoints, presets and routing modes", () => {
    const { key } = computeCacheKey(input);
    for (const change of [{ workspaceId: "ws_2" }, { endpoint: "messages" }, { preset: { id: null, slug: null } }, { routingMode: "price" }]) {
      expect(computeCacheKey({ ...input, ...change }).key).not.toBe(key);
    }
  });
});

describe("sanitiseBody / stripIgnoredFields", () => {
  it("drops debug keys and undefined values at every depth", () => {
    expect(sanitiseBody({ a: [1, undefined, { debug: 1, b: 2 }], debug: true, c: undefined })).toEqual({ a: [1, { b: 2 }] });
  });

  it("drops gateway-sim's output flags, and objects they leave empty", () => {
    expect(stripIgnoredFields({ input: "hi", meta: true, provider: { diagnostics: true } })).toEqual({ input: "hi" });
  });
});
