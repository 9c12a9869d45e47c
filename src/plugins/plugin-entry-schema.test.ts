import { describe, expect, it } from "vitest";
import { pluginEntrySchema, pluginListSchema } from "./plugin-entry-schema.js";

describe("pluginEntrySchema", () => {
  it("accepts gateway-sim's shape", () => {
    expect(pluginEntrySchema.parse({ id: "response-healing", enabled: true, mode: "strict", locked: true })).toEqual({ id: "response-healing", enabled: true, mode: "strict", locked: true });
  });

  it("accepts the reference's forms: a bare string, config.mode, preventOverrides; ids trimmed and lower-cased", () => {
    expect(pluginEntrySchema.parse(" Response-Healing ")).toEqual({ id: "response-healing" });
    expect(pluginEntrySchema.parse({ id: "RESPONSE-HEALING", config: { mode: "strict" }, preventOverrides: true })).toEqual({ id: "response-healing", mode: "strict", locked: true });
    // A top-level mode overwrites config.mode (normalize.ts:21-35).
    expect(pluginEntrySchema.parse({ id: "response-healing", mode: "safe", config: { mode: "strict" } })).toEqual({ id: "response-healing", mode: "safe" });
  });

  it("checks a known plugin's mode, at its path", () => {
    const result = pluginListSchema.safeParse([{ id: "response-healing" }, { id: "response-healing", mode: "lenient" }]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([[1, "mode"]]);
  });

  it("leaves unknown ids to layerPlugins (a 400 unknown_gateway_plugin, not a shape error)", () => {
    expect(pluginEntrySchema.safeParse({ id: "web", mode: "anything" }).success).toBe(true);
  });

  it("rejects unknown keys and an empty id", () => {
    expect(pluginEntrySchema.safeParse({ id: "response-healing", modes: "safe" }).success).toBe(false);
    expect(pluginEntrySchema.safeParse({ id: "  " }).success).toBe(false);
  });
});
