import { describe, expect, it } from "vitest";
import { isModelAllowed, matchesModelPattern, MODEL_PATTERN, soleConcreteModel } from "./model-allowlist.js";

describe("model allowlist", () => {
  it.each([
    ["openai/gpt-5.4-mini", "openai/gpt-5.4-mini", true],
    ["openai/gpt-5.4-mini", "openai/*", true],
    ["openai/gpt-5.4-mini", "*", true],
    ["openai/gpt-5.4-mini", "*-mini", true],
    ["openai/gpt-5.4-mini", "openai/gpt-5.4", false],
    // The reference escapes nothing but `*` (presetMerge.ts:193): "." matches any character.
    ["openai/gpt-5x4-mini", "openai/gpt-5.4-*", true],
    ["anthropic/claude-opus-4.6", "openai/*", false],
  ])("%s against %s → %s", (model, pattern, expected) => {
    expect(matchesModelPattern(model, pattern)).toBe(expected);
  });

  it("allows everything without an allowlist, and only matches with one", () => {
    expect(isModelAllowed("meta/llama-4-maverick", undefined)).toBe(true);
    expect(isModelAllowed("meta/llama-4-maverick", ["openai/*", "anthropic/*"])).toBe(false);
    expect(isModelAllowed("anthropic/claude-sonnet-4.6", ["openai/*", "anthropic/*"])).toBe(true);
  });

  it("finds the single concrete entry", () => {
    expect(soleConcreteModel(["openai/*", "meta/llama-4-maverick"])).toBe("meta/llama-4-maverick");
    expect(soleConcreteModel(["openai/a", "openai/b"])).toBeUndefined();
    expect(soleConcreteModel(undefined)).toBeUndefined();
  });

  it("accepts patterns and rejects junk", () => {
    expect(["openai/*", "*", "google/gemini-*"].every((p) => MODEL_PATTERN.test(p))).toBe(true);
    expect(["openai/a b", "/x", "openai//x"].some((p) => MODEL_PATTERN.test(p))).toBe(false);
  });
});
