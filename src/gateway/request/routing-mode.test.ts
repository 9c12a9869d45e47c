import { describe, expect, it } from "vitest";
import { parsePriority } from "./routing-mode.js";

/** The suffix rule as first written: the whole model lower-cased, then each suffix tried in turn. */
function referencePriority(model: string): { base: string; priority: string; strict: boolean } {
  const lower = model.toLowerCase();
  for (const priority of ["nitro", "cheap", "fast"] as const) {
    if (lower.endsWith(`:${priority}`)) return { base: model.slice(0, -(priority.length + 1)), priority, strict: true };
  }
  return { base: model, priority: "default", strict: false };
}

describe("parsePriority", () => {
  it("reads a case-insensitive suffix after the last colon, and nothing else", () => {
    expect(parsePriority("openai/gpt-5.4-nano:Cheap")).toEqual({ base: "openai/gpt-5.4-nano", priority: "cheap", strict: true });
    expect(parsePriority("openai/gpt-5.4-nano")).toEqual({ base: "openai/gpt-5.4-nano", priority: "default", strict: false });
  });

  it("agrees with the whole-model rule on suffixes, near misses and non-ASCII text", () => {
    const heads = ["", "openai/gpt-5.4-nano", "a:b", "x:", ":", "İ", "\u212A", "ß"];
    const tails = ["", ":nitro", ":NITRO", ":Cheap", ":fast", ":FAST ", ":fastest", "fast", "::fast", ":cheap:fast", ":fa\u212At", ":\u0130", ":chea", "nitro:", ":"];
    for (const head of heads) for (const tail of tails) expect(parsePriority(head + tail)).toEqual(referencePriority(head + tail));
  });
});
