import { describe, expect, it } from "vitest";
import { parseModelReference } from "./model-reference.js";

describe("parseModelReference", () => {
  it.each([
    ["openai/gpt-5.4-nano", { kind: "model", model: "openai/gpt-5.4-nano" }],
    ["  meta/llama-4-maverick ", { kind: "model", model: "meta/llama-4-maverick" }],
    ["google-vertex-eu:google/gemini-3.1-flash-lite", { kind: "model", model: "google/gemini-3.1-flash-lite", pinnedProvider: "google-vertex-eu" }],
    ["@release-summary", { kind: "preset", preset: "release-summary" }],
    // requestRouting.provider-qualified.test.ts "parses an exact provider-model pair": the qualifier is lowercased.
    ["Baseten:thinking-machines/inkling-small", { kind: "model", model: "thinking-machines/inkling-small", pinnedProvider: "baseten" }],
    // "preserves canonical model suffixes"
    ["baseten:google/gemma-4-26b-a4b:free", { kind: "model", model: "google/gemma-4-26b-a4b:free", pinnedProvider: "baseten" }],
    ["openai/gpt-5.4-nano:cheap", { kind: "model", model: "openai/gpt-5.4-nano:cheap" }],
  ])("reads %j", (value, reference) => {
    expect(parseModelReference(value)).toEqual({ ok: true, reference });
  });

  it.each([
    ["gpt-5.4-nano", /org\/model/],
    ["openai/", /org\/model/],
    ["bad provider:publisher/model", /Invalid provider slug "bad provider"/],
    [":publisher/model", /Invalid provider slug ""/],
    ["baseten:/model", /Invalid provider-qualified model/],
    ["openai:gpt-5.4-nano", /Invalid provider-qualified model/],
    ["@", /preset reference/],
    ["@Release Summary", /preset reference/],
  ])("rejects %j with a reason", (value, reason) => {
    const parsed = parseModelReference(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(reason);
  });
});
