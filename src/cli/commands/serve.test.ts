import { describe, expect, it } from "vitest";
import { gatewaySettingsSchema } from "../../gateway/settings.js";
import { cacheBoundsLine } from "./serve.js";

const cacheOf = (cache: Record<string, unknown>) => gatewaySettingsSchema.parse({ cache }).cache;

describe("cacheBoundsLine (serve's banner)", () => {
  it("states the bounds a scenario sets, exactly and in binary units, beside the defaults", () => {
    expect(cacheBoundsLine(cacheOf({ maxBytes: 1000 }))).toBe(
      "  cache    each endpoint's response cache holds at most 1,000 answers and 1,000 bytes (settings cache.maxEntries, cache.maxBytes; defaults 1,000 answers and 64 MiB)",
    );
    expect(cacheBoundsLine(cacheOf({ maxEntries: 1, maxBytes: 8 * 1024 * 1024 }))).toContain("at most 1 answer and 8,388,608 bytes (8 MiB)");
  });

  it("says nothing for the default bounds, or when no store is bound", () => {
    expect(cacheBoundsLine(cacheOf({}))).toBeUndefined();
    expect(cacheBoundsLine(cacheOf({ store: "none", maxBytes: 1000 }))).toBeUndefined();
  });
});
