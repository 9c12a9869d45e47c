// The request bodies of the documentation seeds (shared/seeds/*.txt), copied verbatim: every one
// must parse, and the Python recipe must resolve through the shipped presets/ folder.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPresetDir } from "../src/gateway/presets/load-preset-dir.js";
import { prepareRequest } from "../src/gateway/presets/prepare-request.js";
import { parseResponsesRequest } from "../src/gateway/request/parse-responses-request.js";

/** The `-d '…'` payloads of the seeds' curl examples, text as printed. */
const CURL_BODIES = {
  "002 order": `{
    "model": "anthropic/claude-opus-4.6",
    "input": "Write a concise launch summary.",
    "provider": {
      "order": ["anthropic-us", "anthropic"]
    }
  }`,
  "002 only + sort": `{
    "model": "openai/gpt-5.4-nano",
    "input": "Extract the action items.",
    "provider": {
      "only": ["openai", "openai-eu"],
      "sort": "price"
    }
  }`,
  "002 ignore": `{
    "model": "meta/llama-4-maverick",
    "input": "Summarize the transcript.",
    "provider": {
      "ignore": ["deepinfra"]
    }
  }`,
  "004 sort price": `{
    "model": "google/gemini-3.1-flash-lite",
    "input": "Give me one release-note bullet for the last deploy.",
    "provider": {
      "sort": "price"
    }
  }`,
  "004 only + sort latency": `{
    "model": "google/gemini-3.1-flash-lite",
    "input": "Summarize the incident in one sentence.",
    "provider": {
      "only": ["google-vertex", "google-vertex-eu"],
      "sort": "latency"
    }
  }`,
} as const;

/** seeds/000's `gateway.generate_response({...})` argument, as the Python SDK serialises it. */
const RELEASE_SUMMARY_BODY = {
  preset: "release-summary",
  input: "Summarize the last 24 hours of deployment activity.",
  response_format: {
    type: "json_schema",
    name: "release_summary",
    schema: {
      type: "object",
      required: ["summary", "risk_level"],
      properties: {
        summary: { type: "string" },
        risk_level: { type: "string", enum: ["low", "medium", "high"] },
      },
      additionalProperties: false,
    },
  },
  plugins: [{ id: "response-healing" }],
  meta: true,
};

const PRESETS_DIR = fileURLToPath(new URL("../presets", import.meta.url));

describe("seed request bodies", () => {
  it.each(Object.entries(CURL_BODIES))("parses the curl body %s", (_name, text) => {
    const body = JSON.parse(text) as { model: string; input: string; provider: Record<string, unknown> };
    const parsed = parseResponsesRequest(body);
    if (!parsed.ok) throw parsed.error;
    expect(parsed.request.model).toBe(body.model);
    expect(parsed.request.input).toEqual([{ role: "user", content: body.input }]);
    for (const key of ["order", "only", "ignore", "sort"] as const) expect(parsed.request.provider[key]).toEqual(body.provider[key]);
  });

  it("parses the Python release-summary request", () => {
    const parsed = parseResponsesRequest(RELEASE_SUMMARY_BODY);
    if (!parsed.ok) throw parsed.error;
    expect(parsed.request).toMatchObject({
      preset: "release-summary",
      model: undefined,
      meta: true,
      plugins: [{ id: "response-healing" }],
      responseFormat: { type: "json_schema", name: "release_summary", schema: RELEASE_SUMMARY_BODY.response_format.schema },
    });
  });

  it("resolves the Python request through presets/release-summary.yaml", () => {
    const loaded = loadPresetDir(PRESETS_DIR);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    expect(loaded.store.list()).toEqual(expect.arrayContaining(["release-summary", "support-chat", "bulk-backfill"]));
    const prepared = prepareRequest(RELEASE_SUMMARY_BODY, loaded.store);
    if (!prepared.ok) throw prepared.error;
    const { request, model, preset } = prepared.prepared;
    expect(model).toBe("openai/gpt-5.4-mini");
    expect(request.instructions).toBe(preset?.systemPrompt);
    expect(request.responseCaching).toEqual({ enabled: true, ttlSeconds: 600 });
    // The request's own format and plugins stay; the preset fills the rest.
    expect(request.responseFormat).toMatchObject({ name: "release_summary" });
    expect(preset?.plugins).toEqual([{ id: "response-healing", mode: "safe" }]);
  });

  it("keeps the release-summary preset's allowlist: another model is refused", () => {
    const loaded = loadPresetDir(PRESETS_DIR);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const refused = prepareRequest({ ...RELEASE_SUMMARY_BODY, model: "meta/llama-4-maverick" }, loaded.store);
    expect(refused.ok ? undefined : refused.error.details?.[0]?.keyword).toBe("preset_model_not_allowed");
    const allowed = prepareRequest({ ...RELEASE_SUMMARY_BODY, model: "anthropic/claude-sonnet-4.6" }, loaded.store);
    expect(allowed.ok && allowed.prepared.model).toBe("anthropic/claude-sonnet-4.6");
  });
});
