import { describe, expect, it } from "vitest";
import { emptyProviderPreferences, mergeProviderPreferences } from "./merge-provider-preferences.js";
import { normalisePreferences } from "./provider-preferences.js";
import { normalise } from "./responses-request-schema.js";

const INPUT = [{ role: "user" as const, content: "x" }];

describe("normalise: the merged provider hints", () => {
  it("with `provider` alone, are that object merged over nothing (same keys, order and values), mode cleared", () => {
    const shape = { only: ["openai"], sort: "cost", mode: "speed", allow_fallbacks: false };
    const expected = { ...mergeProviderPreferences(normalisePreferences(shape), undefined), mode: undefined };
    const provider = normalise({ input: INPUT, provider: normalisePreferences(shape) }).provider;
    expect(provider).toStrictEqual(expected);
    expect(Object.keys(provider)).toEqual(Object.keys(expected));
    expect(JSON.stringify(provider)).toBe(JSON.stringify(expected));
  });

  it("with `routing` too, take routing key by key and its mode as the sort; with neither, are empty", () => {
    const provider = normalisePreferences({ only: ["openai"], sort: "price" });
    const routing = normalisePreferences({ mode: "latency", ignore: ["groq"] });
    const merged = normalise({ input: INPUT, provider, routing }).provider;
    expect(merged).toMatchObject({ only: ["openai"], ignore: ["groq"], sort: "latency", requestedSort: "latency", mode: undefined });
    expect(normalise({ input: INPUT }).provider).toStrictEqual(emptyProviderPreferences());
  });
});
