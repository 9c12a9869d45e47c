// The request bodies of the documentation seeds (test/fixtures/seeds/seed-curls.json, copied from the seed pages): every one
// must parse, and the Python recipe must resolve through the shipped presets/ folder.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPresetDir } from "../src/gateway/presets/load-preset-dir.js";
import { prepareRequest } from "../src/gateway/presets/prepare-request.js";
import { parseResponsesRequest } from "../src/gateway/request/parse-responses-request.js";
import { seedCurls } from "./support/seed-curls.js";
import { RELEASE_SUMMARY_REQUEST } from "./support/seed-requests.js";



const PRESETS_DIR = fileURLToPath(new URL("../presets", import.meta.url));

describe("seed request bodies", () => {
  it.each(seedCurls().map((curl, i) => [`${curl.file} example ${i + 1}`, curl.body] as const))("parses the curl body of %s", (_name, text) => {
    const body = JSON.parse(text) as { model: string; input: string; provider: Record<string, unknown> };
    const parsed = parseResponsesRequest(body);
    if (!parsed.ok) throw parsed.error;
    expect(parsed.request.model).toBe(body.model);
    expect(parsed.request.input).toEqual([{ role: "user", content: body.input }]);
    for (const key of ["order", "only", "ignore", "sort"] as const) expect(parsed.request.provider[key]).toEqual(body.provider[key]);
  });

  it("parses the Python release-summary request", () => {
    const parsed = parseResponsesRequest(RELEASE_SUMMARY_REQUEST);
    if (!parsed.ok) throw parsed.error;
    expect(parsed.request).toMatchObject({
      preset: "release-summary",
      model: undefined,
      meta: true,
      plugins: [{ id: "response-healing" }],
      responseFormat: { type: "json_schema", name: "release_summary", schema: RELEASE_SUMMARY_REQUEST.response_format.schema },
    });
  });

  it("resolves the Python request through presets/release-summary.yaml", () => {
    const loaded = loadPresetDir(PRESETS_DIR);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    expect(loaded.store.list()).toEqual(expect.arrayContaining(["release-summary", "support-chat", "bulk-backfill"]));
    const prepared = prepareRequest(RELEASE_SUMMARY_REQUEST, loaded.store);
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
    const refused = prepareRequest({ ...RELEASE_SUMMARY_REQUEST, model: "meta/llama-4-maverick" }, loaded.store);
    expect(refused.ok ? undefined : refused.error.details?.[0]?.keyword).toBe("preset_model_not_allowed");
    const allowed = prepareRequest({ ...RELEASE_SUMMARY_REQUEST, model: "anthropic/claude-sonnet-4.6" }, loaded.store);
    expect(allowed.ok && allowed.prepared.model).toBe("anthropic/claude-sonnet-4.6");
  });
});
