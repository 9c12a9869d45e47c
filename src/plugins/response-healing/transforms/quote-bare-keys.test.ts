import { describe, expect, it } from "vitest";
import { quoteBareKeys } from "./quote-bare-keys.js";

describe("quoteBareKeys", () => {
  it("quotes identifier keys, nested too", () => {
    expect(quoteBareKeys('{summary: "ok", meta: {risk_level: "low"}}')).toBe('{"summary": "ok", "meta": {"risk_level": "low"}}');
  });

  it("quotes keys with dots, dashes and other non-identifier characters", () => {
    expect(quoteBareKeys('{a.b: 1, a-b: 2, @type: 3, 1st: 4}')).toBe('{"a.b": 1, "a-b": 2, "@type": 3, "1st": 4}');
  });

  it("leaves values, string contents and quoted keys alone", () => {
    expect(quoteBareKeys('{"a": true, b: "x, y: z", c: [null, false]}')).toBe('{"a": true, "b": "x, y: z", "c": [null, false]}');
  });

  it("does not touch single-quoted keys (extended mode's job)", () => {
    expect(quoteBareKeys("{'a': 1}")).toBe("{'a': 1}");
  });
});
