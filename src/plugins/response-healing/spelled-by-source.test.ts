import { describe, expect, it } from "vitest";
import { spelledBySource } from "./spelled-by-source.js";

describe("spelledBySource", () => {
  it("accepts repairs that only move quotes, commas and brackets", () => {
    expect(spelledBySource("{a: 15, 'b': \"x\",}", { a: 15, b: "x" })).toBe(true);
    expect(spelledBySource("{\u201ca\u201d: 15}", { a: 15 })).toBe(true);
    expect(spelledBySource('{"s": "line\\nbreak"}', { s: "line\nbreak" })).toBe(true);
  });

  it("refuses a key whose quotes became part of its name, and invented values", () => {
    expect(spelledBySource("{\u201ca\u201d: 15}", { "\u201ca\u201d": 15 })).toBe(false);
    expect(spelledBySource("{a: 15}", { a: 16 })).toBe(false);
    expect(spelledBySource("{a: 15}", { a: "fifteen" })).toBe(false);
    expect(spelledBySource("{a: 15}", { b: 15 })).toBe(false);
  });
});
