import { describe, expect, it } from "vitest";
import { GatewayError } from "../core/errors.js";
import { enabledPlugin, layerPlugins, type LayerPluginsResult } from "./layer-plugins.js";

function resolved(result: LayerPluginsResult) {
  if (!result.ok) throw result.error;
  return result;
}

describe("layerPlugins", () => {
  it("gives defaults to an entry that sets only its id", () => {
    expect(resolved(layerPlugins([{ source: "request", plugins: [{ id: "response-healing" }] }])).plugins).toEqual([
      { id: "response-healing", enabled: true, mode: "safe", locked: false, source: "request" },
    ]);
  });

  it("lets a later layer's entry replace the earlier one whole, as the reference merges (normalize.ts:48-65)", () => {
    const result = resolved(
      layerPlugins([
        { source: "gateway", plugins: [{ id: "response-healing", mode: "strict" }] },
        { source: "preset", plugins: [{ id: "response-healing", enabled: false }] },
        { source: "request", plugins: [{ id: "response-healing", enabled: true }] },
      ]),
    );
    // The request's `{id, enabled}` carries no mode: the gateway's strict is not inherited.
    expect(result.plugins).toEqual([{ id: "response-healing", enabled: true, mode: "safe", locked: false, source: "request" }]);
    expect(result.blocked).toEqual([]);
  });

  it("applies layers in gateway → preset → request order whatever the argument order", () => {
    const result = resolved(
      layerPlugins([
        { source: "request", plugins: [{ id: "response-healing", mode: "extended" }] },
        { source: "preset", plugins: [{ id: "response-healing", mode: "strict" }] },
      ]),
    );
    expect(result.plugins[0]).toMatchObject({ mode: "extended", source: "request" });
  });

  it("keeps a locked entry and reports the blocked overrides", () => {
    const result = resolved(
      layerPlugins([
        { source: "gateway", plugins: [] },
        { source: "preset", plugins: [{ id: "response-healing", mode: "strict", locked: true }] },
        { source: "request", plugins: [{ id: "response-healing", mode: "safe", enabled: false }] },
      ]),
    );
    expect(result.plugins).toEqual([{ id: "response-healing", enabled: true, mode: "strict", locked: true, source: "preset" }]);
    expect(result.blocked).toEqual([{ id: "response-healing", source: "request", lockedBy: "preset", path: "plugins[0]" }]);
  });

  it("a gateway lock holds against preset and request", () => {
    const result = resolved(
      layerPlugins([
        { source: "gateway", plugins: [{ id: "response-healing", enabled: false, locked: true }] },
        { source: "preset", plugins: [{ id: "response-healing" }] },
        { source: "request", plugins: [{ id: "response-healing" }] },
      ]),
    );
    expect(result.plugins[0]).toMatchObject({ enabled: false, source: "gateway" });
    expect(result.blocked.map((b) => b.path)).toEqual(["preset.plugins[0]", "plugins[0]"]);
    expect(enabledPlugin(result.plugins, "response-healing")).toBeUndefined();
  });

  it("rejects an unknown id as 400 validation_error, keyword unknown_gateway_plugin, with its path", () => {
    const result = layerPlugins([{ source: "request", plugins: [{ id: "response-healing" }, { id: "web" }, { id: "pii-redaction" }] }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(GatewayError);
    expect(result.error.code).toBe("validation_error");
    expect(result.error.message).toBe("Unknown gateway plugin ids: web, pii-redaction");
    expect(result.error.details?.map((d) => d.keyword)).toEqual(["unknown_gateway_plugin", "unknown_gateway_plugin"]);
    expect(result.error.status).toBe(400);
    expect(result.error.details?.map((d) => d.path)).toEqual(["plugins[1].id", "plugins[2].id"]);
  });

  it("locates problems in preset and gateway layers too, with a custom path", () => {
    const result = layerPlugins([{ source: "preset", path: "presets/release-summary.yaml plugins", plugins: [{ id: "nope" }] }]);
    expect(result.ok ? undefined : result.error.details?.[0]?.path).toBe("presets/release-summary.yaml plugins[0].id");
  });

  it("rejects an invalid mode as validation_error", () => {
    const result = layerPlugins([{ source: "request", plugins: [{ id: "response-healing", mode: "lenient" }] }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("validation_error");
    expect(result.error.details).toEqual([{ path: "plugins[0].mode", message: 'must be one of "safe", "strict", "extended"', keyword: "enum" }]);
  });
});
