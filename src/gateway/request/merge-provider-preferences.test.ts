import { describe, expect, it } from "vitest";
import { emptyProviderPreferences, mergeProviderPreferences, setProviderFields } from "./merge-provider-preferences.js";

describe("mergeProviderPreferences", () => {
  const empty = emptyProviderPreferences();

  it("lets every set field of the upper layer win and keeps the rest", () => {
    const under = { ...empty, sort: "price" as const, only: ["openai"], maxPrice: { prompt: 1 } };
    const over = { ...empty, sort: "latency" as const, maxPrice: { completion: 2 } };
    expect(mergeProviderPreferences(under, over)).toEqual({ ...empty, sort: "latency", only: ["openai"], maxPrice: { completion: 2 } });
  });

  it("treats undefined layers as empty", () => {
    expect(mergeProviderPreferences(undefined, undefined)).toEqual(empty);
    expect(setProviderFields(undefined)).toEqual([]);
    expect(setProviderFields({ ...empty, diagnostics: false })).toEqual(["diagnostics"]);
  });
});
