// Usage example: the seed's release-summary request (000_287ee3a2273edc37.txt) from the request body
// to the plugin record — format normalisation, plugin layering, then healing what providers send.
import { describe, expect, it } from "vitest";
import { defaultGatewaySettings } from "../src/gateway/settings.js";
import { enabledPlugin, healResponse, isHealingMode, layerPlugins, pluginListSchema } from "../src/plugins/index.js";
import { normaliseResponseFormat } from "../src/structured-output/index.js";
import { RELEASE_SUMMARY_REQUEST } from "./support/seed-requests.js";

function setUp(presetPlugins: unknown[] = []) {
  const format = normaliseResponseFormat(RELEASE_SUMMARY_REQUEST);
  if (!format.ok) throw new Error("the seed's response_format must be valid");
  const layers = layerPlugins([
    { source: "gateway", plugins: defaultGatewaySettings().plugins.defaults },
    { source: "preset", plugins: pluginListSchema.parse(presetPlugins) },
    { source: "request", plugins: pluginListSchema.parse(RELEASE_SUMMARY_REQUEST.plugins) },
  ]);
  if (!layers.ok) throw layers.error;
  const healing = enabledPlugin(layers.plugins, "response-healing");
  if (healing === undefined || !isHealingMode(healing.mode)) throw new Error("healing must be enabled with a valid mode");
  const mode = healing.mode;
  return (text: string, finishReason: "stop" | "length" = "stop") => healResponse({ text, finishReason, responseFormat: format.format, mode, streaming: false });
}

describe("the seed's release-summary recipe", () => {
  it("heals a provider's fenced JSON and its trailing commas (safe mode, the default)", () => {
    const heal = setUp();
    const fenced = heal('```json\n{"summary": "3 deploys, no incidents", "risk_level": "low"}\n```');
    expect(fenced.execution).toMatchObject({ status: "applied", changed: true, metadata: { mode: "safe", healed: true, transforms_applied: ["strip_markdown_fence"] } });
    expect(JSON.parse(fenced.text)).toEqual({ summary: "3 deploys, no incidents", risk_level: "low" });
    const commas = heal('{"summary": "1 rollback", "risk_level": "medium",}');
    expect(commas).toMatchObject({ text: '{"summary":"1 rollback","risk_level":"medium"}', execution: { metadata: { transforms_applied: ["remove_trailing_commas"] } } });
  });

  it("fails output cut off at length as truncated, leaving the text for the client to see", () => {
    const result = setUp()('{"summary": "3 deploys, then a long explanation of', "length");
    expect(result.execution).toMatchObject({ status: "skipped", changed: false, metadata: { failure_reason: "truncated", healed: false } });
    expect(result.text).toBe('{"summary": "3 deploys, then a long explanation of');
  });

  it("reports an out-of-enum risk_level as schema_mismatch in safe mode", () => {
    const result = setUp()('{"summary": "ok", "risk_level": "High"}');
    expect(result.execution.metadata).toMatchObject({ failure_reason: "schema_mismatch", validation_errors: ["$.risk_level must match one of the configured enum values"] });
  });

  it("a request's bare plugin entry replaces a preset's extended mode with safe, as the reference merges", () => {
    const heal = setUp([{ id: "response-healing", mode: "extended" }]);
    expect(heal('{"summary": "ok", "risk_level": "High"}').execution.metadata).toMatchObject({ mode: "safe", failure_reason: "schema_mismatch" });
  });

  it("heals it in extended mode (set and locked by the preset) only when the match is unique", () => {
    const heal = setUp([{ id: "response-healing", mode: "extended", locked: true }]);
    expect(heal('{"summary": "ok", "risk_level": "High"}')).toMatchObject({
      text: '{"summary":"ok","risk_level":"high"}',
      execution: { metadata: { mode: "extended", transforms_applied: ["coerce_enum_case"] } },
    });
    expect(heal('{"summary": "ok", "risk_level": "severe"}').execution.metadata.failure_reason).toBe("schema_mismatch");
  });

  it("a preset that locks safe mode wins over a request asking for extended", () => {
    const layers = layerPlugins([
      { source: "preset", plugins: [{ id: "response-healing", mode: "safe", locked: true }] },
      { source: "request", plugins: [{ id: "response-healing", mode: "extended" }] },
    ]);
    expect(layers.ok && layers.plugins[0]?.mode).toBe("safe");
  });
});
