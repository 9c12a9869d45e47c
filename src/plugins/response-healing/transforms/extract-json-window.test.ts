import { describe, expect, it } from "vitest";
import { extractJsonWindow } from "./extract-json-window.js";

describe("extractJsonWindow", () => {
  it("cuts prose before and after", () => {
    expect(extractJsonWindow('Here is the summary: {"risk_level": "low"}. Let me know!')).toBe('{"risk_level": "low"}');
  });

  it("prefers the longest window over a footnote", () => {
    expect(extractJsonWindow('As noted [1], the result is {"a": [1, 2], "b": "x"}')).toBe('{"a": [1, 2], "b": "x"}');
  });

  it("is string-aware about the closer", () => {
    expect(extractJsonWindow('Result: {"note": "a } brace"} done')).toBe('{"note": "a } brace"}');
  });

  it("runs an unclosed window to the end of the text", () => {
    expect(extractJsonWindow('Sure: {"a": [1, 2  ')).toBe('{"a": [1, 2');
  });

  it("declines two windows of the same kind (concatenated values or an example)", () => {
    const text = 'Example {"a": 1}, answer {"a": 2}';
    expect(extractJsonWindow(text)).toBe(text);
  });

  it("returns the text unchanged without an opener or when the window is the whole text", () => {
    expect(extractJsonWindow("no json here")).toBe("no json here");
    expect(extractJsonWindow('  {"a": 1,}  ')).toBe('  {"a": 1,}  ');
  });
});
