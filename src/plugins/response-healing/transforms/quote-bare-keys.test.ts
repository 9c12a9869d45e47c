import { describe, expect, it } from "vitest";
import { quoteBareKeys } from "./quote-bare-keys.js";

describe("quoteBareKeys", () => {
  it("quotes identifier keys, nested too", () => {
    expect(quoteBareKeys('{summary: "ok", meta: {risk_level: "low"}}')).toBe('{"summary": "ok", "meta": {"risk_level": "low"}}');
  });

  it("quotes dashed identifiers but leaves non-identifier tokens alone (as the reference's pattern does)", () => {
    expect(quoteBareKeys("{a-b: 2, a.b: 1, @type: 3, 1st: 4}")).toBe('{"a-b": 2, a.b: 1, @type: 3, 1st: 4}');
  });

  it("never quotes a curly-quoted key, which would put the curly quotes into the name", () => {
    expect(quoteBareKeys("{\u201ca\u201d: 15}")).toBe("{\u201ca\u201d: 15}");
  });

  it("leaves values, string contents and quoted keys alone", () => {
    expect(quoteBareKeys('{"a": true, b: "x, y: z", c: [null, false]}')).toBe('{"a": true, "b": "x, y: z", "c": [null, false]}');
  });

  it("does not touch single-quoted keys (extended mode's job)", () => {
    expect(quoteBareKeys("{'a': 1}")).toBe("{'a': 1}");
  });
});
