import { describe, expect, it } from "vitest";
import { route } from "../routing/route.js";
import { makeInput, makeOffer } from "../routing/route-fixtures.js";
import { catalogFileSchema } from "./schema.js";
import { residencyDropReason } from "./residency.js";

describe("residency gate (reference routing.ts:1151-1187)", () => {
  it("routing.test.ts › filters providers by residency requirements: regions and ZDR together", () => {
    const offers = [makeOffer("openai", { executionRegions: ["us", "eu"], dataRegions: ["us", "eu"], zeroDataRetention: "default" }), makeOffer("anthropic", { zeroDataRetention: "default" })];
    const result = route(makeInput({ offers, provider: { required_execution_region: "eu", required_data_region: "eu", require_zero_data_retention: true } }));
    expect(result.ok && result.candidates.map((o) => o.provider)).toEqual(["openai"]);
    const gate = result.diagnostics.filterStages.find((s) => s.stage === "residency_gate");
    expect(gate).toMatchObject({ after: 1, dropped: [{ provider: "anthropic", reason: "execution_region_mismatch" }] });
  });

  it("routing.test.ts › maps routing.zdr to zero-data-retention enforcement: only `default` passes", () => {
    const offers = [makeOffer("openai", { zeroDataRetention: "default" }), makeOffer("anthropic", { zeroDataRetention: "unsupported" }), makeOffer("mistral", { zeroDataRetention: "optional" })];
    const result = route(makeInput({ offers, provider: { zdr: true } }));
    expect(result.ok && result.candidates.map((o) => o.provider)).toEqual(["openai"]);
  });

  it("compares regions case-insensitively and skips the gate without a requirement", () => {
    expect(residencyDropReason({ requiredDataRegion: " EU " })(makeOffer("x", { dataRegions: ["eu"] }))).toBeUndefined();
    expect(residencyDropReason({ requiredDataRegion: "eu" })(makeOffer("x", { dataRegions: ["us"] }))).toBe("data_region_mismatch");
    const result = route(makeInput({ offers: [makeOffer("a"), makeOffer("b")] }));
    expect(result.diagnostics.filterStages.map((s) => s.stage)).not.toContain("residency_gate");
  });

  it("reads the optional catalog fields, lowercased, with unknown ZDR by default", () => {
    const catalog = catalogFileSchema.parse({
      providers: { openai: { format: "openai-chat", base_url: "http://127.0.0.1:1" } },
      models: { "openai/gpt-5.4-nano": { offers: { openai: { model: "gpt-5.4-nano", price: { input: 1, output: 1 }, execution_regions: ["EU"], zero_data_retention: "default" } } } },
    });
    expect(catalog.models["openai/gpt-5.4-nano"]?.[0]).toMatchObject({ executionRegions: ["eu"], dataRegions: undefined, zeroDataRetention: "default" });
  });
});
