import { describe, expect, it } from "vitest";
import { defaultGatewaySettings, gatewaySettingsSchema } from "../settings.js";
import { applyProviderFilter } from "./provider-filter.js";
import { makeOffer } from "./route-fixtures.js";

const pool = [makeOffer("a"), makeOffer("b"), makeOffer("c")];
const settings = defaultGatewaySettings();

describe("applyProviderFilter", () => {
  it("keeps only the providers in `only`", () => {
    const out = applyProviderFilter("test/model", pool, { only: ["a", "c"], ignore: undefined }, settings);
    expect(out.ok && out.pool.map((o) => o.provider)).toEqual(["a", "c"]);
    expect(out.stages).toEqual([{ stage: "hints.only", before: 3, after: 2, dropped: [{ provider: "b", reason: "not_in_provider.only" }] }]);
  });

  it("removes the providers in `ignore`", () => {
    const out = applyProviderFilter("test/model", pool, { only: undefined, ignore: ["b"] }, settings);
    expect(out.ok && out.pool.map((o) => o.provider)).toEqual(["a", "c"]);
    expect(out.stages).toEqual([{ stage: "hints.ignore", before: 3, after: 2, dropped: [{ provider: "b", reason: "listed_in_provider.ignore" }] }]);
  });

  it("treats empty lists as unset", () => {
    const out = applyProviderFilter("test/model", pool, { only: [], ignore: [] }, settings);
    expect(out.ok && out.pool).toHaveLength(3);
    expect(out.stages).toEqual([]);
  });

  it("restores the pre-filter pool with a warning when only/ignore leave nothing (reference code)", () => {
    const out = applyProviderFilter("test/model", pool, { only: ["a"], ignore: ["a"] }, settings);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.pool.map((o) => o.provider)).toEqual(["a", "b", "c"]);
    expect(out.stages.map((s) => `${s.stage}:${s.before}->${s.after}`)).toEqual(["hints.only:3->1", "hints.ignore:1->0", "restore_full_pool:0->3"]);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toContain("provider.only [a] and provider.ignore [a] left no provider for test/model");
    expect(out.warnings[0]).toContain("The documented contract keeps the request inside provider.only; the reference code restores the full pool");
    expect(out.warnings[0]).toContain('routing.emptyPoolAfterProviderFilter to "fail_closed"');
  });

  it("fails closed with unsupported_model_or_endpoint when configured to", () => {
    const failClosed = gatewaySettingsSchema.parse({ routing: { emptyPoolAfterProviderFilter: "fail_closed" } });
    const out = applyProviderFilter("test/model", pool, { only: ["z"], ignore: undefined }, failClosed);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.code).toBe("unsupported_model_or_endpoint");
    expect(out.error.status).toBe(400);
    expect(out.error.message).toContain("No provider for test/model is left after provider.only [z]: the eligible providers were a, b, c.");
    expect(out.error.message).toContain('"fail_closed"');
  });
});
