import { describe, expect, it } from "vitest";
import { closestMatch, didYouMean, editDistance } from "./did-you-mean.js";

describe("did you mean", () => {
  it("measures edits", () => {
    expect(editDistance("trafic", "traffic")).toBe(1);
    expect(editDistance("openai-ue", "openai-eu")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("Seed", "seed")).toBe(0);
    expect(editDistance("modle", "model")).toBe(1);
  });

  it("suggests the closest known word within a third of the letters", () => {
    expect(closestMatch("trafic", ["timeline", "traffic", "providers"])).toBe("traffic");
    expect(closestMatch("openai-ue", ["openai", "openai-eu", "anthropic"])).toBe("openai-eu");
    expect(closestMatch("release-sumary", ["release-summary", "support-chat"])).toBe("release-summary");
  });

  it("suggests nothing for a different word, or for the word itself", () => {
    expect(closestMatch("zzz", ["traffic", "seed"])).toBeUndefined();
    expect(closestMatch("seed", ["seed"])).toBeUndefined();
    expect(didYouMean("banana", ["traffic"])).toBe("");
    expect(didYouMean("sed", ["seed"])).toBe('; did you mean "seed"?');
  });
});
