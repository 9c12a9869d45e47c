// The request bodies of the documentation seeds (test/fixtures/seeds/seed-curls.json, copied from the seed pages): every one
// must parse, and the Python recipe must resolve through the shipped presets/ folder.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPresetDir } from "../src/gateway/presets/load-preset-dir.js";
import { parseResponsesRequest } from "../src/gateway/request/parse-responses-request.js";
import { seedCurls } from "./support/seed-curls.js";
import { prepareOptions, prepareRequest as prepare } from "../src/gateway/presets/prepare-request.js";
import { defaultGatewaySettings, gatewaySettingsSchema } from "../src/gateway/settings.js";
import { RELEASE_SUMMARY_MODEL_REQUEST, RELEASE_SUMMARY_REQUEST } from "./support/seed-requests.js";

const REFERENCE = prepareOptions(defaultGatewaySettings());
const DOCUMENTED = prepareOptions(gatewaySettingsSchema.parse({ fidelity: "documented" }));
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

  it('reference: the Python release-summary request (preset field, no model) is a 400 naming model: "@release-summary"', () => {
    const parsed = parseResponsesRequest(RELEASE_SUMMARY_REQUEST);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe("validation_error");
    expect(parsed.error.message).toContain('model: "@release-summary"');
  });

  it("documented: parses the Python release-summary request", () => {
    const parsed = parseResponsesRequest(RELEASE_SUMMARY_REQUEST, DOCUMENTED);
    if (!parsed.ok) throw parsed.error;
    expect(parsed.request).toMatchObject({
      preset: "release-summary",
      model: undefined,
      meta: true,
      plugins: [{ id: "response-healing" }],
      responseFormat: { type: "json_schema", name: "release_summary", schema: RELEASE_SUMMARY_REQUEST.response_format.schema },
    });
  });

  it.each([
    ["reference, model: @release-summary", RELEASE_SUMMARY_MODEL_REQUEST, REFERENCE],
    ["documented, model: @release-summary", RELEASE_SUMMARY_MODEL_REQUEST, DOCUMENTED],
    ["documented, the recipe's preset field", RELEASE_SUMMARY_REQUEST, DOCUMENTED],
  ])("resolves the Python request through presets/release-summary.yaml (%s)", (_name, body, options) => {
    const loaded = loadPresetDir(PRESETS_DIR);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    expect(loaded.store.list()).toEqual(expect.arrayContaining(["release-summary", "support-chat", "bulk-backfill"]));
    const prepared = prepare(body, loaded.store, options);
    if (!prepared.ok) throw prepared.error;
    const { request, model, preset, modeSources } = prepared.prepared;
    expect(model).toBe("openai/gpt-5.4-mini");
    expect(request.instructions).toBe(preset?.systemPrompt);
    expect(request.responseCaching).toEqual({ enabled: true, ttlSeconds: 600 });
    // The preset ranks by price through its routing mode, not as a request sort.
    expect(modeSources).toMatchObject({ requestedSort: undefined, presetMode: "price" });
    // The request's own format and plugins stay; the preset fills the rest.
    expect(request.responseFormat).toMatchObject({ name: "release_summary" });
    expect(preset?.plugins).toEqual([{ id: "response-healing", mode: "safe" }]);
  });

  it("documented: keeps the release-summary preset's allowlist: another model is refused", () => {
    const loaded = loadPresetDir(PRESETS_DIR);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const refused = prepare({ ...RELEASE_SUMMARY_REQUEST, model: "meta/llama-4-maverick" }, loaded.store, DOCUMENTED);
    expect(refused.ok ? undefined : refused.error.details?.[0]?.keyword).toBe("preset_model_not_allowed");
    const allowed = prepare({ ...RELEASE_SUMMARY_REQUEST, model: "anthropic/claude-sonnet-4.6" }, loaded.store, DOCUMENTED);
    expect(allowed.ok && allowed.prepared.model).toBe("anthropic/claude-sonnet-4.6");
  });

  it("reference: the preset field beside a model is ignored, so the model is not judged by the preset's allowlist", () => {
    const loaded = loadPresetDir(PRESETS_DIR);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const prepared = prepare({ ...RELEASE_SUMMARY_REQUEST, model: "meta/llama-4-maverick" }, loaded.store, REFERENCE);
    if (!prepared.ok) throw prepared.error;
    expect(prepared.prepared.preset).toBeUndefined();
    expect(prepared.prepared.warnings[0]).toContain('model: "@release-summary"');
  });
});
